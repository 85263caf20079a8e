import { z } from 'zod';

const text = z.string().nullable().optional();
const fee = z.object({ amountYen: z.number().int(), collectionMethod: z.string() }).nullable();

/** The settings as stored (rules/publicItems PublicItemsFacts): the response shape, no input transforms. */
const publicItemsFactsResponse = z.object({
  organization: z.object({ name: text, address: text, representative: text }),
  manager: z.object({ nameOrTitle: text, department: text, contact: text }),
  purposes: z.array(z.object({ text: z.string(), exemptUnder: z.enum(['J.8.4 a)', 'J.8.4 b)', 'J.8.4 c)']).nullable().optional() })),
  complaintDesk: text,
  accreditedBody: z.object({ name: text, complaintDesk: text }).nullable(),
  procedure: z.object({ desk: text, method: text, identityCheck: text, fees: z.object({ purposeNotice: fee, disclosure: fee }) }),
  safetyMeasures: z.array(z.string()),
});

const section = z.object({ code: z.string(), clause: z.string(), heading: z.string(), lines: z.array(z.string()) });
const gap = z.object({ code: z.string(), clause: z.string(), field: z.string(), message: z.string() });

/** The settings and the 公表事項 they generate (the preview the manager checks before publishing). */
export const portalSettingsResponse = z.object({
  configured: z.boolean(),
  slug: z.string().nullable(),
  published: z.boolean(),
  /** `/p/<slug>`: the public page's path on this server. */
  publicPath: z.string().nullable(),
  facts: publicItemsFactsResponse,
  consentNoticeIds: z.array(z.uuid()),
  preview: z.object({ version: z.string(), sections: z.array(section), missing: z.array(gap) }),
});

/** The public page: the organization, its 公表事項, the request kinds, and a fresh bot-check challenge. */
export const publicPortalResponse = z.object({
  organizationName: z.string(),
  slug: z.string(),
  sections: z.array(section),
  kinds: z.array(z.object({ value: z.string(), label: z.string() })),
  challenge: z.object({ token: z.string(), difficulty: z.number().int() }),
  /** 通知文 the page takes consents to (their latest published version). */
  notices: z.array(z.object({ templateId: z.uuid(), title: z.string(), versionNo: z.number().int() })),
});

/** A notice's published version in full, with its consent form's bot check. */
export const publicNoticeResponse = z.object({
  organizationName: z.string(),
  templateId: z.uuid(),
  title: z.string(),
  versionId: z.uuid(),
  versionNo: z.number().int(),
  body: z.string(),
  publishedOn: z.iso.date().nullable(),
  challenge: z.object({ token: z.string(), difficulty: z.number().int() }),
});

/** 同意の控え: the withdrawal link's secret, shown once. */
export const portalConsentReceiptResponse = z.object({
  title: z.string(),
  versionNo: z.number().int(),
  consentedOn: z.iso.date(),
  withdrawalToken: z.string(),
  withdrawalPath: z.string(),
});

/** A consent seen through its withdrawal link. */
export const portalConsentStatusResponse = z.object({
  organizationName: z.string(),
  title: z.string(),
  versionNo: z.number().int(),
  subject: z.string(),
  consentedOn: z.iso.date(),
  withdrawnOn: z.iso.date().nullable(),
});

/** 受付の控え: the 受付番号 and the follow-up link's secret (shown once, never stored in clear). */
export const portalReceiptResponse = z.object({
  receiptNumber: z.string(),
  receivedOn: z.iso.date(),
  kindLabel: z.string(),
  followUpToken: z.string(),
  followUpPath: z.string(),
});

/** 受付状況 seen through the follow-up link. */
export const portalProgressResponse = z.object({
  organizationName: z.string(),
  receiptNumber: z.string(),
  /** The kind's code, for the page's own label in its language (kindLabel is the Japanese one). */
  kind: z.string(),
  kindLabel: z.string(),
  receivedOn: z.iso.date(),
  status: z.string(),
  statusLabel: z.string(),
  corrections: z.array(z.object({ askedOn: z.iso.date(), what: z.string(), completedOn: z.iso.date().nullable(), answer: z.string().nullable() })),
  repliedOn: z.iso.date().nullable(),
  /** A 補正 is open and the request not closed: the follow-up page offers the answer form. */
  canAnswer: z.boolean(),
  /** The files sent with the request and the answers (names and kinds only; the bytes are for staff). */
  files: z.array(z.object({ kind: z.string(), kindLabel: z.string(), fileName: z.string(), sentOn: z.iso.date() })),
  /** The fee the page publishes for this kind and how to pay it (J.10.2 1 d)); null when there is none. */
  fee: z.object({ amountYen: z.number().int(), collectionMethod: z.string().nullable() }).nullable(),
});
