/**
 * The yearly December review of the 台帳 (J.3.1.1 留意事項): what was added, removed and changed
 * between two years' entries, and the follow-ups each change calls for. Re-exported by
 * `../inventoryRules.ts`.
 */
import { type ReviewFollowUp, reviewFollowUps } from '../data/inventoryDuties.ts';
import { type InventoryEntry, unique } from './entry.ts';

/** Fields compared by {@link reviewDiff}: everything but `id` and `revision`. */
export type ReviewField = Exclude<keyof InventoryEntry, 'id' | 'revision'>;

/** Labels of the compared fields, in 台帳 column order (the order changes are listed in). */
export const reviewFieldLabels: Readonly<Record<ReviewField, string>> = Object.freeze({
  name: '個人情報の名称',
  departmentId: '所管部署',
  items: '個人情報の項目',
  purpose: '利用目的',
  storageLocation: '保管場所',
  storageMethod: '保管方法',
  accessHolders: 'アクセス権を有する者',
  useUntil: '利用期限',
  retainUntil: '保管期限',
  recordCount: '件数',
  acquisitionMethods: '取得方法',
  sensitive: '要配慮個人情報',
  sensitiveBasis: '要配慮個人情報の取得根拠',
  specialCategories: '特に配慮を要する記述の分類',
  myNumber: '特定個人情報',
  retainedPersonalData: '保有個人データ',
  processedKind: '加工の種類',
  entrustedTo: '委託先',
  thirdPartyProvision: '第三者提供',
  overseasCountries: '提供先の外国',
  overseasBasis: '外国にある第三者への提供の根拠',
  contactsPersons: '本人への連絡・接触',
  disposalMethod: '廃棄方法',
  disposedAt: '廃棄日',
  noticeRefs: '通知・同意の文面',
  exemptions: '例外の記録',
});
const reviewFields: readonly ReviewField[] = [
  'name',
  'departmentId',
  'items',
  'purpose',
  'storageLocation',
  'storageMethod',
  'accessHolders',
  'useUntil',
  'retainUntil',
  'recordCount',
  'acquisitionMethods',
  'sensitive',
  'sensitiveBasis',
  'specialCategories',
  'myNumber',
  'retainedPersonalData',
  'processedKind',
  'entrustedTo',
  'thirdPartyProvision',
  'overseasCountries',
  'overseasBasis',
  'contactsPersons',
  'disposalMethod',
  'disposedAt',
  'noticeRefs',
  'exemptions',
];

/** Lists compared as sets: order carries no meaning in the 台帳. */
const setFields: ReadonlySet<ReviewField> = new Set<ReviewField>([
  'items',
  'accessHolders',
  'acquisitionMethods',
  'specialCategories',
  'entrustedTo',
  'overseasCountries',
  'noticeRefs',
]);

/** Fields whose change is not a change of handling (取扱い方法), so no risk re-analysis follows. */
const nonHandlingFields: ReadonlySet<ReviewField> = new Set<ReviewField>(['name', 'departmentId', 'recordCount', 'noticeRefs', 'disposedAt']);

/** One changed field. `before`/`after` are the normalized values (sets sorted, blanks as null). */
export type FieldChange = { field: ReviewField; label: string; before: unknown; after: unknown };

/** Output of {@link reviewDiff}. */
export type ReviewDiff = {
  added: { id: string; name: string; followUps: ReviewFollowUp[] }[];
  removed: { id: string; name: string; followUps: ReviewFollowUp[] }[];
  changed: { id: string; name: string; changes: FieldChange[]; followUps: ReviewFollowUp[] }[];
  unchangedIds: string[];
};

/**
 * The yearly December review (J.3.1.1 留意事項: 「毎年12月及び必要に応じて随時、各所属長が見直しを
 * 行い、個人情報保護管理者の承認を得る」): entries added, removed and changed (per field) between
 * last year's and this year's 台帳, matched by `id`, with the follow-ups each change calls for:
 * 新規 → 新規個人情報取得申請書 (J.3.1.1 c)) and risk analysis (J.3.1.3 j)); 削除 → リスク分析表
 * から削除 (J.3.1.3 k)); 利用目的の変更 → J.8.6; 取扱い方法の変更 → 個人情報取扱変更等申請書
 * (J.3.1.1 d)) and リスク分析の随時見直し (J.3.1.3). Lists such as 項目 compare as sets; a blank
 * string, an empty list and a missing field are the same.
 *
 * @throws Error when an id appears twice in one list.
 */
export function reviewDiff(lastYear: readonly InventoryEntry[], thisYear: readonly InventoryEntry[]): ReviewDiff {
  const before = indexById(lastYear, '昨年の台帳');
  const after = indexById(thisYear, '今年の台帳');
  const diff: ReviewDiff = { added: [], removed: [], changed: [], unchangedIds: [] };
  for (const [id, entry] of after) {
    const old = before.get(id);
    if (old === undefined) {
      diff.added.push({
        id,
        name: entry.name ?? '',
        followUps: [{ ...reviewFollowUps.addedRequest }, { ...reviewFollowUps.addedRiskAnalysis }],
      });
      continue;
    }
    const changes: FieldChange[] = [];
    for (const field of reviewFields) {
      const a = normalize(field, old[field]);
      const b = normalize(field, entry[field]);
      if (canonical(a) !== canonical(b)) changes.push({ field, label: reviewFieldLabels[field], before: a, after: b });
    }
    if (changes.length === 0) {
      diff.unchangedIds.push(id);
      continue;
    }
    const followUps: ReviewFollowUp[] = [];
    const handlingChanged = changes.some((change) => !nonHandlingFields.has(change.field));
    if (changes.some((change) => change.field === 'purpose')) {
      followUps.push({ ...reviewFollowUps.purposeChange });
    }
    if (handlingChanged) {
      followUps.push({ ...reviewFollowUps.changedRequest }, { ...reviewFollowUps.changedRiskAnalysis });
    }
    diff.changed.push({ id, name: entry.name ?? old.name ?? '', changes, followUps });
  }
  for (const [id, entry] of before) {
    if (after.has(id)) continue;
    diff.removed.push({
      id,
      name: entry.name ?? '',
      followUps: [{ ...reviewFollowUps.removedRisk }],
    });
  }
  return diff;
}

function indexById(entries: readonly InventoryEntry[], label: string): Map<string, InventoryEntry> {
  const map = new Map<string, InventoryEntry>();
  for (const entry of entries) {
    if (map.has(entry.id)) throw new Error(`${label}に同じID（${entry.id}）の行が複数あります`);
    map.set(entry.id, entry);
  }
  return map;
}

function normalize(field: ReviewField, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return null;
    return setFields.has(field) ? unique(value.map((v) => (typeof v === 'string' ? v.trim() : v))).sort() : value;
  }
  return value;
}

/** JSON with sorted object keys and blank members dropped, so equal values compare equal. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
    const members = Object.entries(v).filter(([, member]) => member !== undefined && member !== null && member !== '');
    return Object.fromEntries(members.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  });
}
