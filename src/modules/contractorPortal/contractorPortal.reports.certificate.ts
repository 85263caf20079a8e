import { and, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { seedAttachment } from '../../platform/attachments/attachments.service.ts';
import { attachments } from '../../platform/attachments/attachments.tables.ts';
import { acceptedTypes, detectContentType } from '../../platform/attachments/fileChecks.ts';
import { readFileUpload } from '../../platform/attachments/upload.ts';
import type { AttachmentOwner } from '../../platform/attachments/owners.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { contractorPortalReports } from './contractorPortal.reports.tables.ts';

// 返還・廃棄報告の証明書 (issue #13; 豊島区 個人情報特記事項 資料B 第17条 / 資料A 第10条 資料等の返還義務): the 委託先
// attaches the 廃棄証明書 (PDF or an image, 10 MB at most, the type read from the bytes) to its
// report. The file is kept on the 委託元's side — an attachment of the 委託元's organization on
// the report (owner type `contractor_portal_report`) — since the 委託元 keeps the evidence; the 委託先
// sees its name and size in its list. Added only through the portal (never the generic route).
// The same goes for the 再委託申請's 誓約書・作業従事者名簿 (豊島区 守るべき事項 3 ウ 「作業責任者及び作業従事者の氏名等を
// 提出させること」), kind `pledge`: optional, one per request.

export const CERTIFICATE_OWNER = 'contractor_portal_report';
const certificateTypes = ['application/pdf', 'image/png', 'image/jpeg', 'image/heic'];
/** What the file is, by the report's kind: 返還・廃棄報告 → 証明書, 再委託申請 → 誓約書・名簿 (豊島区 守るべき事項 3 ウ). */
const kindLabels = { certificate: '証明書', pledge: '誓約書・名簿' } as const;

export const portalReportAttachmentOwner: AttachmentOwner = {
  type: CERTIFICATE_OWNER,
  label: '委託先からの報告',
  personalData: false,
  kinds: [
    { code: 'certificate', label: '返還・廃棄の証明書' },
    { code: 'pledge', label: '誓約書・作業従事者名簿' },
  ],
  async canRead(tx, actor, ownerId) {
    const [row] = await tx
      .select({ id: contractorPortalReports.id })
      .from(contractorPortalReports)
      .where(and(eq(contractorPortalReports.organizationId, actor.organizationId), eq(contractorPortalReports.id, ownerId)));
    return !!row;
  },
  async canWrite() {
    return false;
  },
};

/** Reads the multipart upload: one `file` part, refused above the limit while streaming (platform/attachments/upload.ts). */
export async function readCertificateUpload(request: FastifyRequest): Promise<{ fileName: string; bytes: Buffer }> {
  const { fileName, bytes } = await readFileUpload(request, { what: '証明書のファイル', fields: 2 });
  return { fileName, bytes };
}

/**
 * 証明書を添付する (委託先): the caller's organization's 返還・廃棄報告 only (else 404), one certificate
 * per report (409), PDF or an image (415 naming the file).
 */
async function certificateTarget(tx: Tx, actor: Actor, reportId: string) {
  const [report] = await tx
    .select()
    .from(contractorPortalReports)
    .where(
      and(
        eq(contractorPortalReports.id, reportId),
        eq(contractorPortalReports.counterpartyOrganizationId, actor.organizationId),
        ne(contractorPortalReports.organizationId, actor.organizationId),
      ),
    );
  if (!report) throw notFound('委託元への報告');
  if (report.kind === 'incident') throw conflict('ファイルを添付できるのは返還・廃棄報告（証明書）と再委託申請（誓約書・名簿）です');
  if ((await certificatesOf(tx, [report.id])).has(report.id))
    throw conflict(report.kind === 'subcontract' ? 'この再委託申請には誓約書・名簿が添付済みです' : 'この返還・廃棄報告には証明書が添付済みです');
  return report;
}

/** The report may take a certificate from this caller (checked before the upload is read). */
export async function assertCertificateTarget(database: Database, actor: Actor, reportId: string): Promise<void> {
  await asSystem(database, (tx) => certificateTarget(tx, actor, reportId));
}

export async function attachCertificate(database: Database, actor: Actor, reportId: string, file: { fileName: string; bytes: Buffer }, ip: string) {
  return asSystem(
    database,
    async (tx) => {
      const report = await certificateTarget(tx, actor, reportId);
      const kind = report.kind === 'subcontract' ? 'pledge' : 'certificate';
      const type = await detectContentType(file.fileName, file.bytes);
      if (!certificateTypes.includes(type)) {
        const message = `「${file.fileName}」は${kindLabels[kind]}として添付できない形式です（${acceptedTypes[type] ?? type}）。PDF か画像（PNG・JPEG・HEIC）で添付してください`;
        throw new HttpError(415, message, 'attachment_file', [{ path: 'file', message }]);
      }
      await seedAttachment(tx, {
        organizationId: report.organizationId,
        ownerType: CERTIFICATE_OWNER,
        ownerId: report.id,
        kind,
        fileName: file.fileName,
        bytes: file.bytes,
        uploadedByName: `${report.reportedByName}（委託先）`,
      });
      return report;
    },
    { accountId: actor.accountId, ip },
  );
}

export type Certificate = { id: string; label: string; fileName: string; size: number; contentTypeLabel: string };

/** The certificate of each report (the latest not removed). */
export async function certificatesOf(tx: Tx, reportIds: readonly string[]): Promise<Map<string, Certificate>> {
  if (reportIds.length === 0) return new Map();
  const rows = await tx
    .select()
    .from(attachments)
    .where(and(eq(attachments.ownerType, CERTIFICATE_OWNER), inArray(attachments.ownerId, [...new Set(reportIds)]), isNull(attachments.deletedAt)))
    .orderBy(desc(attachments.createdAt));
  const out = new Map<string, Certificate>();
  for (const r of rows)
    if (!out.has(r.ownerId))
      out.set(r.ownerId, {
        id: r.id,
        label: kindLabels[r.kind === 'pledge' ? 'pledge' : 'certificate'],
        fileName: r.fileName,
        size: r.size,
        contentTypeLabel: acceptedTypes[r.contentType] ?? r.contentType,
      });
  return out;
}
