import { z } from 'zod';
import { disposalMethods, reportKinds, reportStatuses } from './contractorPortal.reports.labels.ts';

const details = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('subcontract'),
    subContractorName: z.string(),
    corporateNumber: z.string().nullable(),
    work: z.string(),
    personalData: z.string(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date().nullable(),
    safetyMeasures: z.string(),
    supervision: z.string(),
    workStartsOn: z.iso.date(),
    reason: z.string(),
    /** 作業責任者・作業従事者 (豊島区 守るべき事項 3 ウ); null / [] on requests sent before they were asked. */
    workLeadName: z.string().nullable(),
    workLeadTitle: z.string().nullable(),
    workLeadContact: z.string().nullable(),
    workers: z.array(z.string()),
  }),
  z.object({
    kind: z.literal('return_disposal'),
    performedAt: z.string(),
    method: z.enum(disposalMethods),
    methodLabel: z.string(),
    methodDetail: z.string().nullable(),
    personInCharge: z.string(),
    target: z.string(),
  }),
  z.object({
    kind: z.literal('incident'),
    whatHappened: z.string(),
    place: z.string().nullable(),
    occurredAt: z.string().nullable(),
    knownAt: z.string(),
    personalData: z.string(),
    persons: z.number().int().nullable(),
    /** 本人の数 is a 概数 (「約1,200人」); false on reports sent before it was kept. */
    personsApproximate: z.boolean(),
    measures: z.string(),
    /** はい (true)・いいえ (false)・不明 (null; also a report sent before these were asked). */
    sensitive: z.boolean().nullable(),
    improperPurpose: z.boolean().nullable(),
    financialDamageRisk: z.boolean().nullable(),
    myNumber: z.boolean().nullable(),
  }),
]);

/** One 委託先からの報告 as either side sees it. */
export const reportResponse = z.object({
  id: z.uuid(),
  linkId: z.uuid(),
  /** 受付番号 (the 委託先's receipt). */
  number: z.string(),
  kind: z.enum(reportKinds),
  kindLabel: z.string(),
  title: z.string(),
  status: z.enum(reportStatuses),
  statusLabel: z.string(),
  /** The other side's name: the 委託先 for the 委託元, the 委託元 for the 委託先. */
  otherPartyName: z.string().nullable(),
  details,
  reportedByName: z.string(),
  reportedAt: z.iso.datetime(),
  /** 事故等の報告: the 委託元's incident in M4 (shown to the 委託元 only). */
  incidentId: z.uuid().nullable(),
  incidentNumber: z.string().nullable(),
  /** 再委託申請: the 委託元's 再委託承認申請 (shown to the 委託元 only). */
  subcontractRequestId: z.uuid().nullable(),
  confirmedAt: z.iso.datetime().nullable(),
  confirmNote: z.string().nullable(),
  /** 返還・廃棄報告: the certificate file (its download URL for the 委託元 only). */
  /** 返還・廃棄報告の証明書 or 再委託申請の誓約書・名簿: the file (its download URL for the 委託元 only) and what it is. */
  certificate: z.object({ label: z.string(), fileName: z.string(), size: z.number().int(), contentTypeLabel: z.string(), url: z.string().nullable() }).nullable(),
});

/** The 委託先's side: the 委託元 it may report to, and what it reported. */
export const outboxResponse = z.object({
  principals: z.array(z.object({ linkId: z.uuid(), name: z.string() })),
  items: z.array(reportResponse),
});

export const receivedResponse = z.object({ items: z.array(reportResponse) });
