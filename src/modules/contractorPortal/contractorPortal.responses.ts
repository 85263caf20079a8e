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
  expected: z.enum(['yes', 'no']),
  answer: z.enum(['yes', 'no']),
  details: z.string().nullable(),
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
  /** The answers that depart from a compliant 委託先's (the 委託元's follow-up). */
  deviations: z.array(deviation),
  reviewNote: z.string().nullable(),
  reviewedAt: z.iso.datetime().nullable(),
});

export const items = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
