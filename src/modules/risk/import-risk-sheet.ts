import { and, eq, isNull, or, gt } from 'drizzle-orm';
import { normalizeLabel } from '../../domain/text.ts';
import type { Clock } from '../../domain/time.ts';
import { getRiskCriteria, latestRiskCriteriaVersion, type RiskCriteria, type RiskPhaseId, type RiskScale, type RiskThreatId } from '../../rules/data/riskCriteria.ts';
import { type RiskHeadingKey, riskHeadings } from '../../rules/ledgerImport/index.ts';
import { cellText, isNoneCell, quoteCell, readDateCell, readList, readText } from '../../rules/ledgerValues/index.ts';
import type { Tx } from '../../platform/db/connection.ts';
import type { CellOutput } from '../../platform/exports/xlsx.ts';
import { people } from '../../platform/org/org.tables.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { createAssessment } from './create-assessment.ts';
import { type RiskRecordInput, riskRecordInput } from './risk.schema.ts';
import { blocksSaving, recordViolations, toRiskRecord } from './risk.violations.ts';
import { saveRecords } from './save-records.ts';

// リスク分析のシートの取込 (issue #12: a 台帳 with a risk sheet imports its risk side into M2). A
// consultant's リスク分析表 or Mamori's own risk export, beside the 台帳 sheet: each row one risk of
// the entries it names (対象の個人情報), read under the current リスク基準 (J.3.1.3 1 b)) — the 局面
// and 脅威 by their words, 発生可能性・影響度 by number or by the scale's words, a リスク総合評価 the file
// states checked against 発生可能性 × 影響度 (never recomputed silently), the リスク対策 one per line.
// The 台帳 import (src/modules/inventory/plan-import.ts) links the rows to its entries and, when
// every row of both sheets is right, writes one draft リスク分析対策表 per 類型 in its transaction.

export type RiskSheetRow = { rowNumber: number; cells: Map<string, CellOutput> };

/** The risk sheet as read: its name, header row, the column of each field found, its rows. */
export type RiskSheet = { name: string; headerRow: number; columns: Partial<Record<RiskHeadingKey, string>>; rows: RiskSheetRow[] };

export type RiskImportIssue = { field: string; message: string };

/** One row of the risk sheet, checked: the risk(s) it gives, and what the 台帳 import must link. */
export type PlannedRiskRow = {
  row: number;
  risk: string | null;
  /** 対象の個人情報 as written, one name per item (matched to the 台帳 sheet's entries by the caller). */
  entryNames: string[];
  department: string | null;
  category: string | null;
  /** One record per 脅威 the row names (「漏えい・紛失」 gives two, with a warning saying so). */
  records: RiskRecordInput[];
  errors: RiskImportIssue[];
  warnings: RiskImportIssue[];
};

const PHASE_WORDS: [RegExp, RiskPhaseId][] = [
  [/取得|入力|収集|受付|受領/, 'acquisition'],
  [/移送|送信|運搬|郵送|送付|搬送|持ち?出/, 'transfer'],
  [/利用|加工|閲覧|使用/, 'use'],
  [/保管|保存|バックアップ/, 'storage'],
  [/消去|廃棄|削除|返却/, 'disposal'],
];

const THREAT_WORDS: [RegExp, RiskThreatId][] = [
  [/漏え?い|漏洩|流出/, 'leak'],
  [/紛失|盗難|置き忘れ/, 'loss'],
  [/滅失|毀損|き損|破損|消失/, 'destruction_damage'],
  [/改ざん|改竄/, 'tampering'],
  [/正確性|誤り|誤入力|誤記/, 'inaccuracy'],
  [/不正.?取得|不適正.?取得|不適切な取得/, 'improper_acquisition'],
  [/目的外/, 'purpose_violation'],
  [/不正利用|不正使用|なりすまし/, 'misuse'],
  [/開示等|求め.*拒否|請求.*拒否/, 'request_refusal'],
];

/** A 局面 or 脅威 cell: the criteria's own label as written, else every item read by its words. */
function readChoice<K extends string>(text: string, labels: readonly { id: K; label: string }[], words: readonly [RegExp, K][]): { ids: K[]; unknown: string[] } {
  const whole = labels.find((l) => normalizeLabel(l.label) === normalizeLabel(text));
  if (whole) return { ids: [whole.id], unknown: [] };
  const ids: K[] = [];
  const unknown: string[] = [];
  for (const item of readList(text, 'items')) {
    const label = labels.find((l) => normalizeLabel(l.label) === normalizeLabel(item));
    const found = label ? [label.id] : [...new Set(words.filter(([pattern]) => pattern.test(item.normalize('NFKC'))).map(([, id]) => id))];
    if (found.length === 0) unknown.push(item);
    for (const id of found) if (!ids.includes(id)) ids.push(id);
  }
  return { ids, unknown };
}

/** 発生可能性・影響度: a level of the scale by its number (全角 too) or its words (高い・中程度 / 大・中・小). */
function readLevel(value: CellOutput, scale: RiskScale): number | null | { error: string } {
  if (isNoneCell(value)) return null;
  const values = scale.levels.map((l) => l.value);
  const text = cellText(value).normalize('NFKC').trim();
  const refuse = () => ({
    error: `${scale.label}「${quoteCell(value)}」はリスク基準の段階（${scale.levels.map((l) => `${l.value}: ${l.label}`).join('、')}）で入力してください（J.3.1.3 1 b)）`,
  });
  if (/^\d+$/.test(text)) return values.includes(Number(text)) ? Number(text) : refuse();
  const folded = normalizeLabel(text);
  const byLabel = scale.levels.find((l) => normalizeLabel(l.label) === folded);
  if (byLabel) return byLabel.value;
  // 高・中・低 / 大・中・小: the first letter of a three-level scale's words.
  if (scale.levels.length === 3) {
    const short: Record<string, number | undefined> = { 低: values[0], 小: values[0], 中: values[1], 高: values[2], 大: values[2] };
    const hit = short[folded];
    if (hit !== undefined) return hit;
  }
  return refuse();
}

/** The リスク対策 cell: one countermeasure per line (a sentence keeps its 、), bullets dropped. */
function readCountermeasures(value: CellOutput): string[] {
  if (isNoneCell(value)) return [];
  return cellText(value)
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:[・●○■□◆◇\-－‐*＊]|[①-⑳]|[(（]?\d{1,2}[)）.．])\s*/, '').trim())
    .filter(Boolean);
}

type PersonLookup = { id: string; name: string; employeeNumber: string | null }[];

async function peopleOf(tx: Tx, organizationId: string, today: string): Promise<PersonLookup> {
  return tx
    .select({ id: people.id, name: people.name, employeeNumber: people.employeeNumber })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), or(isNull(people.leftOn), gt(people.leftOn, today))));
}

/**
 * Checks every row of the risk sheet under the current リスク基準 (reads only). A row's errors name
 * the sheet's column; what only a submission would refuse (no owner, no 残存リスク対応策 at the
 * threshold: 世田谷区 自己点検 No.2) is a warning — the 対策表 is imported as a draft (下書き).
 */
export async function planRiskSheet(tx: Tx, organizationId: string, sheet: RiskSheet, today: string): Promise<PlannedRiskRow[]> {
  const criteria: RiskCriteria = getRiskCriteria(latestRiskCriteriaVersion);
  const staff = await peopleOf(tx, organizationId, today);
  const column = (key: RiskHeadingKey) => sheet.columns[key] ?? null;
  // A finding on a field the sheet has no column for names the field (the 対策表's word for it).
  const label = (key: RiskHeadingKey) => sheet.columns[key] ?? riskHeadings.find((h) => h.key === key)?.label ?? key;
  return sheet.rows.map((row) => {
    const errors: RiskImportIssue[] = [];
    const warnings: RiskImportIssue[] = [];
    const fail = (key: RiskHeadingKey, message: string) => {
      const field = label(key);
      if (!errors.some((e) => e.field === field)) errors.push({ field, message });
    };
    const raw = (key: RiskHeadingKey): CellOutput => {
      const heading = column(key);
      return heading ? (row.cells.get(heading) ?? null) : null;
    };
    const text = (key: RiskHeadingKey) => readText(raw(key)) ?? '';
    const entryNames = readList(raw('entries'), 'names');
    if (entryNames.length === 0) fail('entries', '対象の個人情報（台帳の個人情報の名称）を入力してください');
    const risk = text('risk');
    const phase = readChoice(text('phase'), criteria.phases, PHASE_WORDS);
    if (!text('phase')) fail('phase', `局面を入力してください（${criteria.phases.map((p) => p.label).join('・')}）`);
    else if (phase.unknown.length > 0 || phase.ids.length !== 1)
      fail(
        'phase',
        phase.unknown.length > 0
          ? `局面「${phase.unknown.join('、')}」はリスク基準の局面（${criteria.phases.map((p) => p.label).join('・')}）のどれか読み取れません`
          : `局面「${text('phase')}」に${phase.ids.length}つの局面が書かれています。1行に1つの局面にしてください（J.3.1.3 留意事項）`,
      );
    const threat = readChoice(text('threat'), criteria.threats, THREAT_WORDS);
    if (!text('threat')) fail('threat', `脅威を入力してください（${criteria.threats.map((t) => t.label).join('・')}）`);
    else if (threat.unknown.length > 0)
      fail('threat', `脅威「${threat.unknown.join('、')}」はリスク基準の脅威（${criteria.threats.map((t) => t.label).join('・')}）のどれか読み取れません`);
    else if (threat.ids.length > 1)
      warnings.push({
        field: label('threat'),
        message: `脅威「${text('threat')}」を${threat.ids.map((id) => criteria.threats.find((t) => t.id === id)?.label).join('・')}の${threat.ids.length}件のリスクに分けて取り込みます（同じ評価と対策）`,
      });
    const likelihood = readLevel(raw('likelihood'), criteria.likelihood);
    if (likelihood === null) fail('likelihood', `${criteria.likelihood.label}を入力してください`);
    else if (typeof likelihood === 'object') fail('likelihood', likelihood.error);
    const impact = readLevel(raw('impact'), criteria.impact);
    if (impact === null) fail('impact', `${criteria.impact.label}を入力してください`);
    else if (typeof impact === 'object') fail('impact', impact.error);
    // リスク総合評価 as the file states it: checked, never replaced (発生可能性 × 影響度, J.3.1.3 1 b)).
    const stated = raw('score');
    if (!isNoneCell(stated) && typeof likelihood === 'number' && typeof impact === 'number') {
      const score = likelihood * impact;
      const statedText = cellText(stated).normalize('NFKC').trim();
      if (!/^\d+$/.test(statedText) || Number(statedText) !== score)
        fail('score', `リスク総合評価「${quoteCell(stated)}」が 発生可能性（${likelihood}）× 影響度（${impact}）= ${score} と合いません。どちらかを直してください`);
    }
    let ownerPersonId: string | null = null;
    const ownerText = text('owner');
    if (ownerText) {
      const wanted = normalizeLabel(ownerText);
      const hits = staff.filter((p) => normalizeLabel(p.name) === wanted || (p.employeeNumber !== null && normalizeLabel(p.employeeNumber) === wanted));
      if (hits.length === 1) ownerPersonId = (hits[0] as PersonLookup[number]).id;
      else
        fail(
          'owner',
          hits.length === 0
            ? `リスク所有者「${ownerText}」は在籍中の従業者に見つかりません。氏名か従業者番号で入力してください（J.3.1.3 1 c) 3)）`
            : `リスク所有者「${ownerText}」に同じ氏名の従業者が複数います。従業者番号で入力してください`,
        );
    }
    const measures = readCountermeasures(raw('countermeasures'));
    const refs = readList(raw('refs'), 'names');
    if (refs.length > 0 && measures.length > 1)
      warnings.push({
        field: column('refs') ?? '関連する規程類の項番',
        message: '関連する規程類の項番は、行の最初のリスク対策に付けて取り込みます（対策ごとの項番は画面で分けられます）',
      });
    const date = readDateCell(raw('residualMonitoringDate'), '次回モニタリング日');
    if (date && 'error' in date) fail('residualMonitoringDate', date.error);
    const records: RiskRecordInput[] = [];
    if (errors.length === 0) {
      for (const threatId of threat.ids) {
        const parsed = riskRecordInput.safeParse({
          phase: phase.ids[0],
          threat: threatId,
          risk,
          ownerPersonId,
          likelihood,
          impact,
          countermeasures: measures.map((m, i) => ({ text: m, refs: i === 0 ? refs : [] })),
          residualDescription: text('residualDescription') || null,
          residualMeasure: text('residualMeasure') || null,
          residualMonitoringDate: date && 'date' in date ? date.date : null,
        });
        if (!parsed.success) {
          for (const issue of parsed.error.issues) fail(fieldOfPath(String(issue.path[0] ?? '')), issue.message);
          break;
        }
        records.push(parsed.data);
      }
      // The engine's findings (J.3.1.3, J.3.1.4): what stops even a draft is an error, the rest a warning.
      const first = records[0];
      if (first) {
        const owners = new Map(ownerPersonId ? [[ownerPersonId, ownerText]] : []);
        for (const v of recordViolations(toRiskRecord(first, criteria.id, owners), criteria)) {
          if (v.severity !== 'error' && v.severity !== 'warning') continue;
          const target = { field: label(fieldOfPath(v.path.split('.')[0] ?? '')), message: v.text };
          if (v.severity === 'error' && blocksSaving.has(v.code)) errors.push(target);
          else if (!warnings.some((w) => w.message === target.message)) warnings.push(target);
        }
      }
    }
    return {
      row: row.rowNumber,
      risk: risk || null,
      entryNames,
      department: text('department') || null,
      category: text('category') || null,
      records: errors.length === 0 ? records : [],
      errors,
      warnings,
    };
  });
}

/** The sheet field of a record field (errors name the sheet's column). */
function fieldOfPath(path: string): RiskHeadingKey {
  const map: Record<string, RiskHeadingKey> = {
    phase: 'phase',
    threat: 'threat',
    risk: 'risk',
    ownerPersonId: 'owner',
    likelihood: 'likelihood',
    impact: 'impact',
    countermeasures: 'countermeasures',
    residualDescription: 'residualDescription',
    residualMeasure: 'residualMeasure',
    residualMonitoringDate: 'residualMonitoringDate',
  };
  return map[path] ?? 'risk';
}

/** One リスク分析対策表 to create: a 類型 of one department's entries and its risks. */
export type ImportedAssessment = { departmentId: string; category: string; entryIds: string[]; records: RiskRecordInput[] };

/**
 * Writes the risk sheet's 対策表 in the 台帳 import's transaction: each a draft (下書き) under the
 * current criteria, its entries 分析中, through the same functions the screens use.
 */
export async function writeImportedAssessments(tx: Tx, actor: Actor, assessments: readonly ImportedAssessment[], clock: Clock, sheetName: string): Promise<number> {
  for (const a of assessments) {
    const id = await createAssessment(
      tx,
      actor,
      { departmentId: a.departmentId, category: a.category, description: `Excelのリスク分析シート「${sheetName}」から取込`, entryIds: a.entryIds },
      clock,
    );
    await saveRecords(tx, actor, id, a.records, clock);
  }
  return assessments.length;
}
