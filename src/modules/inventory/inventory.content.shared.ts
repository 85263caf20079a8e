import {
  acquisitionDuties,
  type FieldChange,
  type InventoryEntry,
  type InventoryFinding,
  isTreatedAsSensitive,
  reviewDiff,
  type StorageMedium,
  useAndProvisionDuties,
  validateInventoryEntry,
} from '../../rules/inventoryRules.ts';
import type { RuleAudience } from '../../rules/data/seedSources.ts';
import type { EntryContent } from './inventory.schema.ts';

// Pure helpers between the stored 台帳 content (EntryContent) and the rule engine's entry shape
// (InventoryEntry). No I/O: the web form uses them for its preview, the server for its checks,
// the import for its dry run — one answer everywhere.

/** Names the engine needs that the content holds as ids. */
export type EntryNames = {
  /** 所管部署の名称 (for diffs shown to people; the engine does not read it). */
  departmentName?: string | null;
  /** アクセス権を有する者: person id → name. */
  people: ReadonlyMap<string, string>;
};

const blankToUndefined = (value: string | null | undefined): string | undefined => (value === null || value === undefined || value.trim() === '' ? undefined : value);

/** アクセス権を有する者 as the 台帳 prints them: the people's names, then the note for groups. */
export function accessHolderLabels(content: Pick<EntryContent, 'accessHolderIds' | 'accessHolderNote'>, people: ReadonlyMap<string, string>): string[] {
  const names = content.accessHolderIds.map((id) => people.get(id) ?? `（不明な従業者 ${id.slice(0, 8)}）`);
  return content.accessHolderNote ? [...names, content.accessHolderNote] : names;
}

/**
 * The engine's view of an entry. `forDisplay` puts the department's name in `departmentId`, so
 * a diff (reviewDiff) reads 「営業部 → 総務部」 rather than two ids.
 */
export function toEngineEntry(id: string, revision: number, content: EntryContent, names: EntryNames, options: { forDisplay?: boolean } = {}): InventoryEntry {
  const term = (t: EntryContent['useUntil']) => {
    const date = t.date ?? null;
    const description = blankToUndefined(t.description);
    return date === null && description === undefined ? undefined : { date, ...(description !== undefined ? { description } : {}) };
  };
  const entry: InventoryEntry = {
    id,
    revision,
    name: content.name,
    departmentId: options.forDisplay ? (names.departmentName ?? content.departmentId) : content.departmentId,
    items: content.items,
    purpose: blankToUndefined(content.purpose),
    storageLocation: blankToUndefined(content.storageLocation),
    storageMethod:
      content.storageMethod.media === null && !content.storageMethod.description
        ? undefined
        : {
            ...(content.storageMethod.media !== null ? { media: content.storageMethod.media } : {}),
            ...(content.storageMethod.description ? { description: content.storageMethod.description } : {}),
          },
    accessHolders: accessHolderLabels(content, names.people),
    useUntil: term(content.useUntil),
    retainUntil: term(content.retainUntil),
    recordCount: content.recordCount === null ? undefined : { value: content.recordCount.value, approximate: content.recordCount.approximate },
    acquisitionMethods: content.acquisitionMethods,
    sensitive: content.sensitive,
    sensitiveBasis:
      content.sensitiveBasis === null
        ? null
        : content.sensitiveBasis.kind === 'written_consent'
          ? { kind: 'written_consent', ...(content.sensitiveBasis.noticeRef ? { noticeRef: content.sensitiveBasis.noticeRef } : {}) }
          : { kind: 'exception', letter: content.sensitiveBasis.letter, reason: content.sensitiveBasis.reason ?? '' },
    specialCategories: content.specialCategories,
    myNumber: content.myNumber,
    retainedPersonalData: content.retainedPersonalData,
    processedKind: content.processedKind,
    entrustedTo: content.entrustedTo,
    thirdPartyProvision: content.thirdPartyProvision,
    overseasCountries: content.overseasCountries,
    overseasBasis: content.overseasBasis,
    contactsPersons: content.contactsPersons,
    disposalMethod: blankToUndefined(content.disposalMethod),
    disposedAt: content.disposedAt,
    noticeRefs: content.noticeRefs,
    exemptions: content.exemptions.map((e) => ({
      clause: e.clause,
      letter: e.letter,
      ...(e.subItem ? { subItem: e.subItem } : {}),
      reason: e.reason ?? '',
    })),
  };
  return entry;
}

/** Engine field paths → the API's (アクセス権を有する者 are ids in the API). */
function apiField(field: string): string {
  if (field === 'accessHolders') return 'accessHolderIds';
  return field.replace(/^items\[(\d+)\]$/, 'items.$1').replace(/^exemptions\[(\d+)\]\./, 'exemptions.$1.');
}

/** A finding with the API field path (what the form marks). */
export type EntryFinding = InventoryFinding & { path: string };

/**
 * Every clause-cited finding of an entry (J.3.1.1 3, J.8.3, recorded exceptions, and 岡崎市規程
 * 第5条2 for a public body or 指定管理者 only — `audience`, issue 10): errors first, then warnings.
 * Errors block a submission; warnings are shown.
 */
export function entryFindings(content: EntryContent, names: EntryNames, options: { audience?: RuleAudience } = {}): EntryFinding[] {
  return validateInventoryEntry(toEngineEntry('draft', 1, content, names), options).map((finding) => ({ ...finding, path: apiField(finding.field) }));
}

/** The notice / consent / confirmation and use / provision duties of an entry (J.8.2–J.8.8.3). */
export function entryDuties(content: EntryContent, names: EntryNames) {
  const entry = toEngineEntry('draft', 1, content, names);
  return [...acquisitionDuties(entry), ...useAndProvisionDuties(entry)];
}

/** One changed field of an entry, with values as people read them. */
export type ContentChange = { field: string; label: string; before: unknown; after: unknown };

/**
 * What changed between two versions of an entry (the engine's review diff, field by field, plus
 * the fields only Mamori keeps: 第三者提供・共同利用の内容). Used for the history (「何を」) and
 * for the change-request screen.
 */
export function contentChanges(before: EntryContent, beforeNames: EntryNames, after: EntryContent, afterNames: EntryNames): ContentChange[] {
  const diff = reviewDiff([toEngineEntry('x', 1, before, beforeNames, { forDisplay: true })], [toEngineEntry('x', 1, after, afterNames, { forDisplay: true })]);
  const changes: ContentChange[] = (diff.changed[0]?.changes ?? []).map((c: FieldChange) => ({ field: c.field, label: c.label, before: c.before, after: c.after }));
  const extras: [keyof EntryContent, string][] = [
    ['thirdPartyDetails', '第三者提供の内容'],
    ['jointUseDetails', '共同利用の内容'],
  ];
  for (const [field, label] of extras) {
    const a = before[field] ?? null;
    const b = after[field] ?? null;
    if (a !== b) changes.push({ field, label, before: a, after: b });
  }
  return changes;
}

/** Text folded for search: NFKC (全角英数 → 半角, 半角カナ → 全角), lower case, single spaces. */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * The concatenated search column (`inventory_entries.search_text`): every text a person might
 * look for — 名称, 項目, 利用目的, 保管場所・方法, アクセス権者, 委託先, 部署 … — folded the same
 * way as the query (NFKC, lower case), so `search_text LIKE '%' || folded(q) || '%'` finds
 * Japanese text without a morphological analyzer, case-insensitively; a pg_trgm GIN index serves
 * the match (see mamori_inventory_search, migration 0005).
 */
export function searchTextOf(content: EntryContent, names: EntryNames): string {
  const parts = [
    content.name,
    names.departmentName ?? '',
    ...content.items,
    content.purpose ?? '',
    content.storageLocation ?? '',
    content.storageMethod.description ?? '',
    ...accessHolderLabels(content, names.people),
    ...content.entrustedTo,
    content.thirdPartyDetails ?? '',
    content.jointUseDetails ?? '',
    ...content.overseasCountries,
    content.disposalMethod ?? '',
    content.useUntil.description ?? '',
    content.retainUntil.description ?? '',
    ...content.noticeRefs,
  ];
  return normalizeSearchText(parts.filter(Boolean).join(' / '));
}

/** The columns derived from the content, kept beside it for filtering and indexes. */
export type DerivedColumns = {
  name: string;
  departmentId: string;
  storageMedia: StorageMedium | null;
  sensitive: boolean;
  myNumber: boolean;
  retainedPersonalData: boolean;
  entrusted: boolean;
  thirdPartyProvision: boolean;
  overseas: boolean;
  processedKind: EntryContent['processedKind'];
  recordCount: number | null;
  useUntilDate: string | null;
  retainUntilDate: string | null;
  disposedAt: string | null;
  status: 'active' | 'disposed';
  accessHolderIds: string[];
  searchText: string;
};

export function derivedColumns(content: EntryContent, names: EntryNames): DerivedColumns {
  const engine = toEngineEntry('x', 1, content, names);
  return {
    name: content.name,
    departmentId: content.departmentId,
    storageMedia: content.storageMethod.media,
    // 要配慮: flagged, or tagged with a category J.8.3 names or treats alike.
    sensitive: isTreatedAsSensitive(engine),
    myNumber: content.myNumber,
    retainedPersonalData: content.retainedPersonalData,
    entrusted: content.entrustedTo.length > 0,
    thirdPartyProvision: content.thirdPartyProvision,
    overseas: content.overseasCountries.length > 0,
    processedKind: content.processedKind,
    recordCount: content.recordCount?.value ?? null,
    useUntilDate: content.useUntil.date,
    retainUntilDate: content.retainUntil.date,
    disposedAt: content.disposedAt,
    status: content.disposedAt ? 'disposed' : 'active',
    accessHolderIds: content.accessHolderIds,
    searchText: searchTextOf(content, names),
  };
}
