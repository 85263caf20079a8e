import { z } from 'zod';
import { correctiveLinkResponse } from '../corrective/corrective.responses.ts';
import { findingSeverities, inspectionMethods } from './contractor-inspections.labels.ts';

// Response shapes of the 実地検査 / 立入検査 records. Pure (zod only): the contract and the web import it.

/** 指摘事項, with the 是正処置 it opened (its 管理番号 and 状態) when it did. */
export const inspectionFindingResponse = z.object({
  id: z.uuid(),
  severity: z.enum(findingSeverities),
  severityLabel: z.string(),
  description: z.string(),
  correctiveAction: correctiveLinkResponse.nullable(),
});

/** 実地検査の記録 (presentInspection). */
export const inspectionResponse = z.object({
  id: z.uuid(),
  contractorId: z.uuid(),
  inspectedOn: z.iso.date(),
  inspectors: z.string(),
  scope: z.string(),
  method: z.enum(inspectionMethods),
  methodLabel: z.string(),
  result: z.string(),
  findings: z.array(inspectionFindingResponse),
  abilities: z.object({
    /** 変更 and 是正処置を起こす (the 委託先's managers: contractors.policy.ts). */
    edit: z.boolean(),
  }),
});

/** A 委託先's 実地検査, newest first, and whether the caller may add one. */
export const inspectionsResponse = z.object({
  items: z.array(inspectionResponse),
  canAdd: z.boolean(),
  /** 実地検査の要否 (rules/contractors/inspectionDue.ts): the reason, and the due date when one is required. */
  due: z.object({ required: z.boolean(), reason: z.string(), dueOn: z.iso.date().nullable(), overdue: z.boolean() }),
});

/** 是正処置を起こす: the corrective action (the one already opened, when asked again). */
export const findingCorrectiveResponse = z.object({ correctiveAction: correctiveLinkResponse, created: z.boolean() });
