import { z } from 'zod';
import { importExtrasResponse } from '../../platform/imports/imports.schema.ts';
import { lawKinds, lawReviewOutcomes, lawStatuses } from './laws.labels.ts';

// Response schemas of the 法令規範一覧 (J.1.3).

export const lawResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(lawKinds),
  issuer: z.string().nullable(),
  number: z.string().nullable(),
  lastAmendedOn: z.string().nullable(),
  url: z.string().nullable(),
  application: z.string().nullable(),
  status: z.enum(lawStatuses),
  identifiedOn: z.string().nullable(),
  note: z.string().nullable(),
  /** 取込時の追加情報 (issue #12): the imported file's other columns. */
  importExtras: importExtrasResponse,
  /** 承認 (J.1.3 a): null while 未承認. */
  approval: z.object({ approvedAt: z.string(), approvedBy: z.string().nullable() }).nullable(),
  lastReviewedOn: z.string().nullable(),
  updatedAt: z.string(),
  abilities: z.object({ edit: z.boolean(), approve: z.boolean() }),
});

export const lawListResponse = z.object({
  items: z.array(lawResponse),
  /** Whether the caller may add entries, approve and import (laws.manage). */
  canManage: z.boolean(),
});

/** 法令規範一覧の見直し (J.1.3 c) with each entry's outcome. */
export const lawReviewResponse = z.object({
  id: z.uuid(),
  year: z.number().int(),
  status: z.enum(['open', 'completed']),
  completedOn: z.string().nullable(),
  completedBy: z.string().nullable(),
  note: z.string().nullable(),
  items: z.array(
    z.object({
      lawId: z.uuid(),
      name: z.string(),
      number: z.string().nullable(),
      outcome: z.enum(lawReviewOutcomes).nullable(),
      note: z.string().nullable(),
    }),
  ),
  abilities: z.object({ edit: z.boolean(), complete: z.boolean() }),
});

export const lawReviewListResponse = z.object({
  items: z.array(z.object({ id: z.uuid(), year: z.number().int(), status: z.enum(['open', 'completed']), completedOn: z.string().nullable(), unchecked: z.number().int() })),
  canStart: z.boolean(),
});
