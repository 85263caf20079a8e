import { z } from 'zod';
import { exchangeKinds, exchangeStatuses, linkStatuses } from './contractorPortal.labels.ts';

export const linkResponse = z.object({
  id: z.uuid(),
  contractorId: z.uuid(),
  contractorName: z.string().nullable(),
  status: z.enum(linkStatuses),
  statusLabel: z.string(),
  /** The 委託先's organization once it accepted (its name as registered in Mamori). */
  counterpartyName: z.string().nullable(),
  invitationExpiresAt: z.iso.datetime(),
  acceptedAt: z.iso.datetime().nullable(),
});

/** The invitation as created: its code is shown (and mailed) once; only its hash is kept. */
export const invitationResponse = linkResponse.extend({ invitationToken: z.string(), acceptPath: z.string() });

const deviation = z.object({
  number: z.number().int(),
  group: z.string(),
  text: z.string(),
  /** The compliant answer; null when the answer contradicts the contract rather than the form. */
  expected: z.enum(['yes', 'no']).nullable(),
  answer: z.enum(['yes', 'no']),
  details: z.string().nullable(),
  /** Which contract term the answer contradicts (特記事項の再委託の条項, 承認済みの再委託), in Japanese; null for the form's own findings. */
  reason: z.string().nullable(),
});

export const exchangeResponse = z.object({
  id: z.uuid(),
  linkId: z.uuid(),
  kind: z.enum(exchangeKinds),
  kindLabel: z.string(),
  title: z.string(),
  dueOn: z.iso.date(),
  overdue: z.boolean(),
  status: z.enum(exchangeStatuses),
  statusLabel: z.string(),
  /** The other side's name: the 委託先 for the 委託元, the 委託元 for the 委託先. */
  otherPartyName: z.string().nullable(),
  answers: z.array(z.object({ number: z.number().int(), answer: z.enum(['yes', 'no']), details: z.string().nullable() })).nullable(),
  answeredByName: z.string().nullable(),
  answeredAt: z.iso.datetime().nullable(),
  /** The answers that depart from a compliant 委託先's or contradict the contract (the 委託元's follow-up). */
  deviations: z.array(deviation),
  /** The 委託元 is a public body: the form is read as printed (「事前に区へ…」); otherwise 「委託元へ…」. */
  principalPublicBody: z.boolean(),
  reviewNote: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
});

/**
 * A 委託元 as its 委託先 sees it: the contract's 再委託 clause stated up front (the 再委託申請 is disabled
 * when the 特記事項 forbids it) and whether the 委託元 is a public body (which wording the forms use).
 */
export const principalTermsResponse = z.object({
  linkId: z.uuid(),
  name: z.string(),
  publicBody: z.boolean(),
  subcontracting: z.enum(['prohibit', 'restrict']),
  /** The 再委託 clause as a sentence for the 再委託申請 (禁止: why it cannot be filed). */
  subcontractingNotice: z.string(),
});

/** The 委託先's inbox: the requests, and its 委託元 with their terms. */
export const inboxResponse = z.object({ items: z.array(exchangeResponse), principals: z.array(principalTermsResponse) });

export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
