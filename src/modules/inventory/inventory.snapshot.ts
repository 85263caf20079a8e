import { and, eq, inArray } from 'drizzle-orm';
import { displayDate, joinList, type SnapshotReader, snapshotNumber, snapshotStrings, snapshotText, yesNo } from '../../platform/approvals/snapshot-fields.ts';
import type { SnapshotField } from '../../platform/approvals/registry.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { specialCategories } from '../../rules/data/inventoryClauses.ts';
import { acquisitionMethodLabels, type ProcessedKind, type StorageMedium, storageMediumLabels } from '../../rules/inventoryRules.ts';
import { overseasBasisLabels, processedKindLabels } from './inventory.labels.ts';
import { getEntryRow } from './inventory.queries.ts';
import { type RequestKind, requestKindLabels } from './inventory.schema.ts';

// 新規個人情報取得申請書・個人情報取扱変更等申請書 on the approval screen (issue 10), with the
// items of J.3.1.1 3 under the 台帳's own column names (inventory.export.ts), names instead of
// ids. For a 変更申請 the screen also shows what differs from the 台帳's current version
// (`previousInventoryVersion`).

type Data = Record<string, unknown>;

const objectAt = (data: Data, key: string): Data => {
  const value = data[key];
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Data) : {};
};

/** 利用期限・保管期限: a date and/or a description (「退職後5年」). */
const term = (t: Data) => joinList([displayDate(snapshotText(t, 'date')), snapshotText(t, 'description')])?.replace('、', ' ') ?? null;

const labelOf = <K extends string>(labels: Readonly<Record<K, string>>, key: string | null): string | null => (key && key in labels ? labels[key as K] : null);
/** 外国にある第三者への提供の根拠 with its clause: 「J.8.8.1 1 b) 体制整備」. */
const overseasBasisText = (letter: string | null) => {
  const label = labelOf<'a' | 'b' | 'c'>(overseasBasisLabels, letter);
  return label ? `J.8.8.1 1 ${label}` : null;
};

/** 所管部署 and アクセス権を有する者 by name (one query each); ids not found read 「（不明）」, never the id. */
async function namesOf(reader: SnapshotReader, departmentId: string | null, personIds: readonly string[]) {
  const [department] = departmentId
    ? await reader.tx
        .select({ name: departments.name })
        .from(departments)
        .where(and(eq(departments.organizationId, reader.organizationId), eq(departments.id, departmentId)))
    : [];
  const rows =
    personIds.length === 0
      ? []
      : await reader.tx
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.organizationId, reader.organizationId), inArray(people.id, [...personIds])));
  const byId = new Map(rows.map((r) => [r.id, r.name]));
  return { department: department?.name ?? null, people: personIds.map((id) => byId.get(id) ?? '（不明な従業者）') };
}

/** The 台帳 items of a proposed entry (J.3.1.1 3, SPEC M1), in the ledger's column order. */
async function describeEntry(proposed: Data, reader: SnapshotReader): Promise<SnapshotField[]> {
  const storage = objectAt(proposed, 'storageMethod');
  const count = objectAt(proposed, 'recordCount');
  const basis = objectAt(proposed, 'sensitiveBasis');
  const names = await namesOf(reader, snapshotText(proposed, 'departmentId'), snapshotStrings(proposed, 'accessHolderIds'));
  const countValue = snapshotNumber(count, 'value');
  const exemptions = Array.isArray(proposed.exemptions) ? (proposed.exemptions as Data[]) : [];
  const processed = snapshotText(proposed, 'processedKind');
  return [
    { key: 'name', label: '個人情報の名称', value: snapshotText(proposed, 'name') },
    { key: 'department', label: '所管部署', value: names.department },
    { key: 'items', label: '個人情報の項目', value: joinList(snapshotStrings(proposed, 'items')) },
    { key: 'purpose', label: '利用目的', value: snapshotText(proposed, 'purpose') },
    { key: 'storageLocation', label: '保管場所', value: snapshotText(proposed, 'storageLocation') },
    { key: 'storageMedia', label: '保管媒体', value: labelOf<StorageMedium>(storageMediumLabels, snapshotText(storage, 'media')) },
    { key: 'storageDescription', label: '保管方法', value: snapshotText(storage, 'description') },
    { key: 'accessHolders', label: 'アクセス権を有する者', value: joinList([...names.people, snapshotText(proposed, 'accessHolderNote')]) },
    { key: 'useUntil', label: '利用期限', value: term(objectAt(proposed, 'useUntil')) },
    { key: 'retainUntil', label: '保管期限', value: term(objectAt(proposed, 'retainUntil')) },
    { key: 'recordCount', label: '件数', value: countValue === null ? null : `${count.approximate === true ? '約' : ''}${countValue.toLocaleString('ja-JP')}件` },
    {
      key: 'acquisitionMethods',
      label: '取得方法',
      value: joinList(snapshotStrings(proposed, 'acquisitionMethods').map((m) => labelOf(acquisitionMethodLabels, m))),
    },
    { key: 'sensitive', label: '要配慮個人情報', value: yesNo(proposed.sensitive) },
    {
      key: 'sensitiveBasis',
      label: '要配慮個人情報の取得根拠',
      value:
        basis.kind === 'written_consent'
          ? joinList(['書面による同意', snapshotText(basis, 'noticeRef')])
          : basis.kind === 'exception'
            ? `J.8.3 2 の例外 ${snapshotText(basis, 'letter') ?? ''}${snapshotText(basis, 'reason') ? `（${snapshotText(basis, 'reason')}）` : ''}`
            : null,
    },
    {
      key: 'specialCategories',
      label: '特に配慮を要する記述の分類',
      value: joinList(snapshotStrings(proposed, 'specialCategories').map((id) => specialCategories.find((c) => c.id === id)?.label ?? null)),
    },
    { key: 'myNumber', label: '特定個人情報', value: yesNo(proposed.myNumber) },
    { key: 'retainedPersonalData', label: '保有個人データ', value: yesNo(proposed.retainedPersonalData) },
    { key: 'processedKind', label: '加工の種類', value: labelOf<ProcessedKind>(processedKindLabels, processed) },
    { key: 'entrustedTo', label: '委託先', value: joinList(snapshotStrings(proposed, 'entrustedTo')) },
    { key: 'thirdPartyProvision', label: '第三者提供', value: yesNo(proposed.thirdPartyProvision) },
    { key: 'thirdPartyDetails', label: '第三者提供の内容', value: snapshotText(proposed, 'thirdPartyDetails') },
    { key: 'jointUseDetails', label: '共同利用の内容', value: snapshotText(proposed, 'jointUseDetails') },
    { key: 'overseasCountries', label: '提供先の外国', value: joinList(snapshotStrings(proposed, 'overseasCountries')) },
    {
      key: 'overseasBasis',
      label: '外国にある第三者への提供の根拠',
      value: overseasBasisText(snapshotText(proposed, 'overseasBasis')),
    },
    { key: 'contactsPersons', label: '本人への連絡・接触', value: yesNo(proposed.contactsPersons) },
    { key: 'disposalMethod', label: '廃棄方法', value: snapshotText(proposed, 'disposalMethod') },
    { key: 'disposedAt', label: '廃棄日', value: displayDate(snapshotText(proposed, 'disposedAt')) },
    { key: 'noticeRefs', label: '通知・同意の文面', value: joinList(snapshotStrings(proposed, 'noticeRefs')) },
    {
      key: 'exemptions',
      label: '例外の記録',
      value:
        exemptions
          .map((e) => {
            const reason = snapshotText(e, 'reason');
            return `${snapshotText(e, 'clause') ?? ''} ${snapshotText(e, 'letter') ?? ''}${snapshotText(e, 'subItem') ? `（${snapshotText(e, 'subItem')}）` : ''}${reason ? `: ${reason}` : ''}`.trim();
          })
          .join('\n') || null,
    },
  ];
}

/** A 申請書's snapshot (inventory.requests.ts snapshotData): its kind, the proposed 台帳 items, the reason and the notice draft. */
export async function describeInventoryRequestSnapshot(data: Data, reader: SnapshotReader): Promise<SnapshotField[]> {
  const kind = snapshotText(data, 'kind');
  const baseRevision = snapshotNumber(data, 'baseRevision');
  return [
    { key: 'kind', label: '申請の種類', value: labelOf<RequestKind>(requestKindLabels, kind) },
    ...(kind === 'change' ? [{ key: 'baseRevision', label: '変更する台帳の版', value: baseRevision === null ? null : `第${baseRevision}版` }] : []),
    ...(await describeEntry(objectAt(data, 'proposed'), reader)),
    { key: 'reason', label: '申請の理由', value: snapshotText(data, 'reason') },
    { key: 'noticeDraft', label: '取得時の必要通知事項（文案）', value: snapshotText(data, 'noticeDraft') },
  ];
}

/**
 * The approved version a 変更申請 changes: the 台帳 entry as it is now, in the request's shape
 * (the reason and the notice draft are the request's own, so they are not shown as changes).
 */
export async function previousInventoryVersion(data: Data, reader: SnapshotReader): Promise<{ label: string; data: Data } | null> {
  const entryId = snapshotText(data, 'entryId');
  if (data.kind !== 'change' || !entryId) return null;
  const entry = await getEntryRow(reader.tx, reader.organizationId, entryId);
  return {
    label: `台帳の現在の版（第${entry.revision}版）`,
    data: { ...data, baseRevision: entry.revision, proposed: entry.data },
  };
}
