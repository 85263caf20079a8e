import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { type OverseasInfoItemNo, overseasInfoItemLabels, overseasInfoItemNos } from '../../rules/requestDecisions/kinds.ts';
import { provisionRecords } from './notices.tables.ts';

// J.8.8.1 3 l) (法第28条第3項; 法第71条第3項 for a 行政機関等): when a person asks about personal data provided to a 外国にある第三者 on
// ground b) (体制の整備), the organization answers with items 1)〜7) of each such provision. The record
// (provision-records.ts) carries them; this reads them for the request (M5) through notices.api.ts.

type Row = typeof provisionRecords.$inferSelect;

/** A ground-b) 外国にある第三者 provision about the person, with J.8.8.1 3 l) 1)〜7). */
export type OverseasProvisionAbout = {
  id: string;
  recordedOn: string;
  providedOn: string | null;
  counterpartyName: string | null;
  subject: string;
  dataItems: string | null;
  /** 1)〜7) in order; `value` null when the record does not hold the item. */
  info: { no: OverseasInfoItemNo; label: string; value: string | null }[];
};

/**
 * Items 1)〜7) as the record holds them: 3) is the j) part of the J.8.8.1 3 measures (`overseasMeasures`),
 * 4) the country; 6) is 「なし」 or 「あり」 with its 概要; 7) applies only to a 支障 (「6) の支障に関して」).
 */
export function overseasInfoOf(row: Row): OverseasProvisionAbout['info'] {
  const obstacle = row.overseasObstacle === null ? null : row.overseasObstacle ? `あり。${row.overseasObstacleSummary ?? ''}` : 'なし';
  const values: Record<OverseasInfoItemNo, string | null> = {
    '1': row.overseasSystemMethod,
    '2': row.overseasEquivalentMeasures,
    '3': row.overseasMeasures,
    '4': row.overseasCountry,
    '5': row.overseasForeignSystem,
    '6': obstacle,
    '7': row.overseasObstacle === false ? '支障がないため、講ずる措置はありません' : row.overseasObstacleAction,
  };
  return overseasInfoItemNos.map((no) => ({ no, label: overseasInfoItemLabels[no], value: values[no]?.trim() ? values[no] : null }));
}

/** Folds width and spaces so 「山田　花子」 finds 「山田 花子」 (as provisionRecordsAbout does). */
const folded = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '');

/**
 * The 第三者提供記録 (not exemption entries, not disposed) of provisions to a 外国にある第三者 on ground b)
 * whose 本人を特定するに足りる事項 contains `who`, oldest first. The person is encrypted at rest, so the
 * records are read and matched here; the caller records the read of the matches.
 */
export async function overseasProvisionsAbout(tx: Tx, organizationId: string, who: string): Promise<OverseasProvisionAbout[]> {
  const wanted = folded(who);
  if (!wanted) return [];
  const rows = await tx
    .select()
    .from(provisionRecords)
    .where(
      and(
        eq(provisionRecords.organizationId, organizationId),
        eq(provisionRecords.kind, 'provision'),
        eq(provisionRecords.overseas, true),
        eq(provisionRecords.overseasBasis, 'b'),
        isNull(provisionRecords.exemptionGround),
        isNull(provisionRecords.disposedOn),
      ),
    )
    .orderBy(provisionRecords.recordedOn);
  return rows
    .filter((r) => r.subject && folded(r.subject).includes(wanted))
    .map((r) => ({
      id: r.id,
      recordedOn: r.recordedOn,
      providedOn: r.providedOn,
      counterpartyName: r.counterpartyName,
      subject: r.subject ?? '',
      dataItems: r.dataItems,
      info: overseasInfoOf(r),
    }));
}
