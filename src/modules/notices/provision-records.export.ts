import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { prepareSheet, type SheetColumn, writeXlsx } from '../../platform/exports/xlsx.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { overseasBasisLabels } from '../../rules/data/provisionRecordItems.ts';
import { listProvisionRecords } from './provision-records.ts';
import type { provisionRecordListQuery, provisionRecordResponse } from './provision-records.schema.ts';

// 第三者提供記録・確認記録・個人関連情報の確認記録（提供元 c)〜f)・提供先 g)〜j)）(J.8.8.2・J.8.8.3・J.8.8.4) as an Excel workbook: one
// row per record with its 記録事項, 保存期間 and 廃棄, in Japanese (the list the page shows, same filter).

type RecordView = z.output<typeof provisionRecordResponse>;

const counterpartyKindLabels = { corporation: '法人', individual: '個人', unspecified: '不特定かつ多数の者' } as const;
const yes = (v: boolean) => (v ? 'はい' : '');

const columns: SheetColumn<RecordView>[] = [
  { header: '記録の種類', width: 30, value: (r) => r.kindLabel },
  { header: '提供の根拠', width: 36, value: (r) => r.basisLabel },
  { header: '記録の作成方法', width: 28, value: (r) => r.formLabel },
  { header: '記録を作成した日', width: 12, type: 'date', value: (r) => r.recordedOn },
  { header: '提供した（受けた）年月日', width: 12, type: 'date', value: (r) => r.providedOn },
  { header: '最後に提供を行った（受けた）日', width: 12, type: 'date', value: (r) => r.lastProvidedOn },
  { header: '第三者の区分', width: 12, value: (r) => counterpartyKindLabels[r.counterpartyKind] },
  { header: '第三者の氏名又は名称', width: 28, value: (r) => r.counterpartyName },
  { header: '第三者の住所', width: 32, value: (r) => r.counterpartyAddress },
  { header: '代表者の氏名', width: 20, value: (r) => r.counterpartyRepresentative },
  { header: '本人を特定するに足りる事項', width: 28, value: (r) => r.subject },
  { header: '個人データ・個人関連情報の項目', width: 32, value: (r) => r.dataItems },
  { header: '本人の同意（を得ている旨・得られていることを確認した旨）', width: 14, value: (r) => yes(r.consentObtained) },
  { header: '第三者による取得の経緯', width: 28, value: (r) => r.acquisitionHistory },
  { header: '法第27条第4項により公表されている旨', width: 14, value: (r) => yes(r.ppcPublished) },
  // On the 提供先 side (J.8.8.4 4 g) 後段) the flag says our organization is the 外国にある個人情報取扱事業者.
  { header: '外国にある第三者', width: 10, value: (r) => (r.overseas && r.kind === 'related_receipt' ? '提供先（当組織）が外国にある事業者' : yes(r.overseas)) },
  { header: '外国にある第三者への提供の根拠（J.8.8.1 1）', width: 30, value: (r) => (r.overseasBasis ? overseasBasisLabels[r.overseasBasis] : null) },
  { header: '当該外国の名称', width: 16, value: (r) => r.overseasCountry },
  { header: '本人に提供した（された）情報', width: 32, value: (r) => r.overseasInfo },
  {
    header: '本人に情報の提供が行われている（ことを確認した）旨（J.8.8.4 4 c)・g)）',
    width: 14,
    value: (r) => ((r.kind === 'related' || r.kind === 'related_receipt') && r.overseas ? yes(r.overseasInfoConfirmed) : null),
  },
  { header: '相当措置の継続的な実施を確保するために必要な措置（J.8.8.1 3・J.8.8.4 3）', width: 36, value: (r) => r.overseasMeasures },
  // J.8.8.1 3 l) 1)・2)・5)〜7): what the person may ask for on ground b) (3) is in the column above, 4) is 当該外国の名称).
  { header: '当該第三者による体制の整備の方法（J.8.8.1 3 l) 1)）', width: 32, value: (r) => r.overseasSystemMethod },
  { header: '当該第三者が実施する相当措置の概要（J.8.8.1 3 l) 2)）', width: 32, value: (r) => r.overseasEquivalentMeasures },
  { header: '当該外国の制度の有無及びその概要（J.8.8.1 3 l) 5)）', width: 32, value: (r) => r.overseasForeignSystem },
  {
    header: '相当措置の実施に関する支障の有無及びその概要（J.8.8.1 3 l) 6)）',
    width: 32,
    value: (r) => (r.overseasObstacle === null ? null : r.overseasObstacle ? `あり: ${r.overseasObstacleSummary ?? ''}` : 'なし'),
  },
  { header: '支障に関して講ずる措置の概要（J.8.8.1 3 l) 7)）', width: 32, value: (r) => r.overseasObstacleAction },
  { header: '記録を要しない場合', width: 30, value: (r) => r.exemptionLabel },
  { header: '保存期間の末日', width: 12, type: 'date', value: (r) => r.retention?.retainUntil ?? null },
  { header: '保存期間の根拠', width: 50, value: (r) => r.retention?.basis ?? null },
  { header: '廃棄した日', width: 12, type: 'date', value: (r) => r.disposedOn },
  { header: '備考', width: 30, value: (r) => r.note },
];

/** The records (optionally one kind) as an xlsx workbook (sheet 「提供記録・確認記録」) and how many rows it holds. */
export async function exportProvisionRecordsXlsx(tx: Tx, actor: Actor, query: z.output<typeof provisionRecordListQuery>): Promise<{ body: Buffer; rowCount: number }> {
  const { items } = await listProvisionRecords(tx, actor, query);
  return { body: await writeXlsx(prepareSheet({ name: '提供記録・確認記録', columns, rows: items })), rowCount: items.length };
}
