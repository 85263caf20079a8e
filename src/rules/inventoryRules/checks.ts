/**
 * The checks of one inventory entry, each finding citing its clause and the seed's wording:
 * J.3.1.1 3 required items, J.8.3 要配慮個人情報, the recorded exceptions (J.8.4–J.8.8.3) and
 * 岡崎市規程 第5条2. Re-exported by `../inventoryRules.ts`.
 */
import {
  exemptionClauseLists,
  J83_NOTE_QUOTE,
  J831_QUOTE,
  J832_QUOTE,
  J833_QUOTE,
  J3113_QUOTE,
  OKAZAKI_ARTICLE,
  OKAZAKI_LEAD,
  obviousPurposeKinds,
  okazakiProhibitedItems,
  type RequiredItemField,
  requiredInventoryItems,
  type SpecialCategory,
  type SpecialCategoryId,
  sensitiveConsentExceptions,
  specialCategories,
  specialCategoryKeywords,
} from '../data/inventoryClauses.ts';
import type { RuleAudience } from '../data/seedSources.ts';
import { filled, filledList, filledTerm, type InventoryEntry, unique } from './entry.ts';

// ─── Findings ──────────────────────────────────────────────────────────────────────────────

/** One finding about an entry: a missing item, a violation (`error`) or something to check (`warning`). */
export type InventoryFinding = {
  code:
    | 'required_item_missing'
    | 'sensitive_flag_missing'
    | 'sensitive_possible'
    | 'sensitive_basis_missing'
    | 'sensitive_exception_reason_missing'
    | 'sensitive_exception_inconsistent'
    | 'okazaki_prohibited_category'
    | 'exemption_reason_missing'
    | 'exemption_sub_item_missing';
  severity: 'error' | 'warning';
  /** Field path, e.g. `purpose`, `items[2]`, `exemptions[0].subItem`. */
  field: string;
  /** Clause reference, e.g. `J.3.1.1 3`. */
  clause: string;
  /** The seed's wording the finding rests on. */
  quote: string;
  /** Japanese message naming the field. */
  message: string;
};

// ─── J.3.1.1 3: required items ────────────────────────────────────────────────────────────

/** Whether a required item is present. 保管方法 needs its medium (紙/電子); 件数 may be approximate. */
function hasRequiredItem(entry: Partial<InventoryEntry>, field: RequiredItemField): boolean {
  switch (field) {
    case 'name':
      return filled(entry.name);
    case 'items':
      return filledList(entry.items);
    case 'purpose':
      return filled(entry.purpose);
    case 'storageLocation':
      return filled(entry.storageLocation);
    case 'storageMethod':
      return entry.storageMethod?.media !== undefined;
    case 'accessHolders':
      return filledList(entry.accessHolders);
    case 'useUntil':
      return filledTerm(entry.useUntil);
    case 'retainUntil':
      return filledTerm(entry.retainUntil);
    case 'recordCount':
      return entry.recordCount !== undefined;
  }
}

/**
 * J.3.1.1 3: returns one finding per missing required item, in form order, each citing the
 * clause. Applies to 仮名加工情報・匿名加工情報・個人関連情報 alike (J.3.1.1 留意事項). An empty
 * array means the row is complete.
 *
 * @example checkRequiredItems({ id: 'e1', name: '会員名簿' }).map((f) => f.field)
 * // ['items', 'purpose', 'storageLocation', …]
 */
export function checkRequiredItems(entry: Partial<InventoryEntry>): InventoryFinding[] {
  return requiredInventoryItems
    .filter((item) => !hasRequiredItem(entry, item.field))
    .map((item) => ({
      code: 'required_item_missing',
      severity: 'error',
      field: item.field === 'storageMethod' ? 'storageMethod.media' : item.field,
      clause: item.clause,
      quote: item.clause === 'J.3.1.1 3' ? `${J3113_QUOTE}（${item.label}）` : '個人情報の名称は台帳の行を識別するために必要です（SPEC M1）。',
      message: item.field === 'storageMethod' ? `保管方法が未入力です。媒体（紙／電子）を選んでください（${item.clause}）` : `${item.label}が未入力です（${item.clause}）`,
    }));
}

// ─── J.8.3: 要配慮個人情報 ──────────────────────────────────────────────────────────────────

const categoryById = new Map<SpecialCategoryId, SpecialCategory>(specialCategories.map((category) => [category.id, category]));

function categoryOf(id: SpecialCategoryId): SpecialCategory {
  const found = categoryById.get(id);
  if (!found) throw new Error(`未知の分類です: ${id}`);
  return found;
}

/** Whether J.8.3 applies to the entry: flagged 要配慮, or tagged with a category J.8.3 names or treats alike. */
export function isTreatedAsSensitive(entry: Partial<InventoryEntry>): boolean {
  if (entry.sensitive === true) return true;
  return (entry.specialCategories ?? []).some((id) => {
    const relation = categoryOf(id).j83;
    return relation === 'sensitive' || relation === 'treat_as_sensitive';
  });
}

/**
 * J.8.3: an entry with 要配慮個人情報 needs a recorded ground — written consent (J.8.3 1) or one of
 * the lettered exceptions a)–k) of J.8.3 2 with the reason. Also flags categories the seed names
 * (留意事項の定義, J.8.3 3) when the entry is not marked 要配慮, and categories that *may* be 要配慮.
 */
export function checkSensitiveAcquisition(entry: Partial<InventoryEntry>): InventoryFinding[] {
  const findings: InventoryFinding[] = [];
  for (const id of unique(entry.specialCategories ?? [])) {
    const category = categoryOf(id);
    if (entry.sensitive === true) continue;
    if (category.j83 === 'sensitive') {
      findings.push({
        code: 'sensitive_flag_missing',
        severity: 'error',
        field: 'sensitive',
        clause: 'J.8.3 留意事項',
        quote: J83_NOTE_QUOTE,
        message: `「${category.label}」は要配慮個人情報です。「要配慮個人情報」に印を付けてください（J.8.3 留意事項）`,
      });
    } else if (category.j83 === 'treat_as_sensitive') {
      findings.push({
        code: 'sensitive_flag_missing',
        severity: 'error',
        field: 'sensitive',
        clause: 'J.8.3 3',
        quote: J833_QUOTE,
        message: `「${category.label}」は要配慮個人情報と同様に取り扱います。「要配慮個人情報」に印を付けてください（J.8.3 3）`,
      });
    } else if (category.j83 === 'possible') {
      findings.push({
        code: 'sensitive_possible',
        severity: 'warning',
        field: 'specialCategories',
        clause: 'J.8.3 留意事項',
        quote: J83_NOTE_QUOTE,
        message: `「${category.label}」は要配慮個人情報（人種、信条、社会的身分、病歴…その他政令で定める記述等）に当たる可能性があります。該当するか確認してください（J.8.3 留意事項）`,
      });
    }
  }

  if (!isTreatedAsSensitive(entry)) return findings;
  const basis = entry.sensitiveBasis ?? null;
  if (basis === null) {
    findings.push({
      code: 'sensitive_basis_missing',
      severity: 'error',
      field: 'sensitiveBasis',
      clause: 'J.8.3 1・2',
      quote: `${J831_QUOTE} ${J832_QUOTE}`,
      message: '要配慮個人情報の取得根拠が未記録です。書面による本人の同意（J.8.3 1）か、J.8.3 2 a)〜k) のいずれの例外に当たるかを記録してください',
    });
    return findings;
  }
  if (basis.kind === 'exception') {
    const exception = sensitiveConsentExceptions.find((item) => item.letter === basis.letter);
    if (!filled(basis.reason)) {
      findings.push({
        code: 'sensitive_exception_reason_missing',
        severity: 'error',
        field: 'sensitiveBasis.reason',
        clause: `J.8.3 2 ${basis.letter})`,
        quote: exception?.text ?? J832_QUOTE,
        message: `J.8.3 2 ${basis.letter}) に当たる理由を記入してください`,
      });
    }
    const methods = entry.acquisitionMethods ?? [];
    // g) and i) describe *how* the data arrives; the recorded 取得方法 should say the same.
    if (basis.letter === 'g' && !methods.includes('entrusted')) {
      findings.push(inconsistent('g', exception?.text ?? '', '委託を受けて'));
    }
    if (basis.letter === 'i' && !methods.includes('joint_use')) {
      findings.push(inconsistent('i', exception?.text ?? '', '共同利用'));
    }
  }
  return findings;
}

function inconsistent(letter: string, quote: string, method: string): InventoryFinding {
  return {
    code: 'sensitive_exception_inconsistent',
    severity: 'warning',
    field: 'sensitiveBasis.letter',
    clause: `J.8.3 2 ${letter})`,
    quote,
    message: `J.8.3 2 ${letter}) を根拠にしていますが、取得方法に「${method}」がありません。根拠か取得方法を見直してください`,
  };
}

// ─── 岡崎市規程 第5条2 ──────────────────────────────────────────────────────────────────────

/**
 * 岡崎市規程 第5条2 「次に示す内容を含む個人情報の収集、利用又は提供を行ってはならない。」: a warning
 * per tagged category in the five prohibited items, and per item name (個人情報の項目) whose words
 * suggest one (a heuristic — 「可能性」). The seed lists no exception to 第5条2.
 */
export function okazakiProhibitedCategoryWarnings(entry: Partial<InventoryEntry>): InventoryFinding[] {
  const findings: InventoryFinding[] = [];
  const tagged = new Set(entry.specialCategories ?? []);
  for (const id of tagged) {
    const category = categoryOf(id);
    if (category.okazaki === null) continue;
    const quote = okazakiProhibitedItems[category.okazaki.item];
    findings.push({
      code: 'okazaki_prohibited_category',
      severity: 'warning',
      field: 'specialCategories',
      clause: OKAZAKI_ARTICLE,
      quote: `${OKAZAKI_LEAD} ${quote}`,
      message: `「${category.label}」は${OKAZAKI_ARTICLE}（${quote}）${category.okazaki.literal ? 'に当たります' : 'に当たる可能性があります'}。同規程の適用を受ける業務では収集・利用・提供できません`,
    });
  }
  for (const [index, item] of (entry.items ?? []).entries()) {
    const hits = unique(specialCategoryKeywords.filter((hint) => namesTerm(item, hint.keyword)).map((hint) => hint.category));
    for (const id of hits) {
      const category = categoryOf(id);
      if (category.okazaki === null || tagged.has(id)) continue;
      const quote = okazakiProhibitedItems[category.okazaki.item];
      findings.push({
        code: 'okazaki_prohibited_category',
        severity: 'warning',
        field: `items[${index}]`,
        clause: OKAZAKI_ARTICLE,
        quote: `${OKAZAKI_LEAD} ${quote}`,
        message: `項目「${item}」は${OKAZAKI_ARTICLE}の「${category.label}」（${quote}）に当たる可能性があります。同規程の適用を受ける業務では収集・利用・提供できません`,
      });
    }
  }
  return findings;
}

/**
 * Heads that turn a keyword into a term about when or where, not about the person: 「受診日」 is the
 * day of a visit, 「診療時間」 a clinic's hours — neither records the person's 保険医療 (issue 10:
 * 「受診日」 was flagged as 保険医療). A keyword followed by one of these is not a hit. Heads that
 * still describe the person (「精神障害者」, 「受診歴」) are not listed: a warning too many is better
 * than a prohibited item missed.
 */
const neutralHeads = ['日', '年月日', '予定', '予約', '時刻', '時間', '場所'] as const;

/**
 * Whether an item name (個人情報の項目) names a keyword as a term of its own — 「病歴」「既往歴の有無」
 * 「受診内容」 — rather than inside a compound that means something else (「受診日」「受診者番号」).
 * Japanese has no spaces between words, so a term is the keyword not followed by a neutral head.
 */
export function namesTerm(item: string, keyword: string): boolean {
  const text = item.normalize('NFKC');
  for (let at = text.indexOf(keyword); at !== -1; at = text.indexOf(keyword, at + 1)) {
    const rest = text.slice(at + keyword.length);
    if (!neutralHeads.some((head) => rest.startsWith(head))) return true;
  }
  return false;
}

// ─── Exemptions ────────────────────────────────────────────────────────────────────────────

/** Checks each recorded exemption: a reason is written; J.8.4 d) / J.8.5 4 name one of PA01's four kinds. */
export function checkExemptions(entry: Partial<InventoryEntry>): InventoryFinding[] {
  const findings: InventoryFinding[] = [];
  for (const [index, exemption] of (entry.exemptions ?? []).entries()) {
    const item = exemptionClauseLists[exemption.clause].find((candidate) => candidate.letter === exemption.letter);
    const ref = `${exemption.clause} 2 ${exemption.letter}${/^[a-z]$/.test(exemption.letter) ? ')' : ''}`;
    if (!filled(exemption.reason)) {
      findings.push({
        code: 'exemption_reason_missing',
        severity: 'error',
        field: `exemptions[${index}].reason`,
        clause: ref,
        quote: item?.text ?? '',
        message: `例外 ${ref} に当たる理由を記入してください`,
      });
    }
    const obvious = (exemption.clause === 'J.8.4' && exemption.letter === 'd') || (exemption.clause === 'J.8.5' && exemption.letter === '4');
    if (obvious && exemption.subItem === undefined) {
      findings.push({
        code: 'exemption_sub_item_missing',
        severity: 'error',
        field: `exemptions[${index}].subItem`,
        clause: 'J.8.4 2 d)',
        quote: `d) に該当する個人情報は、財団では以下に限定する。 ${obviousPurposeKinds.map((kind) => `${kind.letter}) ${kind.text}`).join(' ')}`,
        message: `「取得の状況からみて利用目的が明らか」は PA01 が定める4種類に限られます。1)〜4) のどれに当たるかを選んでください（J.8.4 2 d)）`,
      });
    }
  }
  return findings;
}

/**
 * All entry checks in one list (J.3.1.1 3, J.8.3, 例外の記録, 岡崎市規程 第5条2): errors first, then
 * warnings, each group in rule order. 岡崎市規程 第5条2 binds an organization handling a
 * municipality's information (`audience: 'public_body'`: 行政機関等, 指定管理者・受託者); a company
 * is held to JIS Q 15001 / PA01 and is not shown 岡崎市's prohibitions (issue 10).
 */
export function validateInventoryEntry(entry: Partial<InventoryEntry>, options: { audience?: RuleAudience } = {}): InventoryFinding[] {
  const municipal = options.audience === 'public_body' ? okazakiProhibitedCategoryWarnings(entry) : [];
  const all = [...checkRequiredItems(entry), ...checkSensitiveAcquisition(entry), ...checkExemptions(entry), ...municipal];
  return [...all.filter((f) => f.severity === 'error'), ...all.filter((f) => f.severity === 'warning')];
}
