import { eq } from 'drizzle-orm';
import { normalizeLabel } from '../../domain/text.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { departments } from '../../platform/org/org.tables.ts';
import { type PlannedRiskRow, planRiskSheet, type RiskImportIssue, type RiskRecordInput, type RiskSheet } from '../risk/risk.exports.ts';
import type { EntryContent } from './inventory.schema.ts';

// 台帳の取込 with a リスク分析 sheet (issue #12): the risk rows (checked by the risk module) linked
// to the entries of the 台帳 sheet they name, and grouped into one リスク分析対策表 per 類型 — the
// sheet's 類型 column, or the entries a row names. Reads only; the import writes them with its entries.

export type RiskRowReport = { row: number; risk: string | null; entries: string[]; action: 'create' | 'error'; errors: RiskImportIssue[]; warnings: RiskImportIssue[] };

export type RiskImportReport = {
  /** The sheet read as the risk sheet, and its header row. */
  sheet: string;
  headerRow: number;
  /** The columns of the sheet and the 対策表 field each was read as. */
  columns: { heading: string; field: string }[];
  total: number;
  valid: number;
  /** The リスク分析対策表 (下書き) the import creates. */
  assessments: number;
  /** The risks they hold (a row naming several 脅威 gives one per 脅威). */
  records: number;
  rows: RiskRowReport[];
};

/** A 対策表 to create, its entries named by 所管部署 and 名称 (their ids exist only once written). */
export type PlannedAssessment = { departmentId: string; category: string; entryKeys: string[]; records: RiskRecordInput[] };

/** The key of an entry of this import: its 所管部署 and its name as compared (normalized). */
export const entryKey = (departmentId: string, name: string) => `${departmentId}\u0000${normalizeLabel(name)}`;

const FIELD_LABELS: Record<string, string> = {
  entries: '対象の個人情報',
  department: '所管部署',
  category: '類型',
  phase: '局面',
  threat: '脅威',
  risk: '想定されるリスク',
  owner: 'リスク所有者',
  likelihood: '発生可能性',
  impact: '影響度',
  score: 'リスク総合評価',
  countermeasures: 'リスク対策',
  refs: '関連する規程類の項番',
  residualDescription: '残留リスク',
  residualMeasure: '残存リスク対応策',
  residualMonitoringDate: '次回モニタリング日',
};

/**
 * Checks the risk sheet and links it to the 台帳 sheet's rows: each 対象の個人情報 must be an entry
 * of this file (in the 所管部署 the row names, when it names one), one 対策表 covers one 所管部署
 * (J.3.1.3: the 類型 are the department's). A row naming an entry whose 台帳 row has errors says so.
 */
export async function planRiskImport(
  tx: Tx,
  organizationId: string,
  sheet: RiskSheet,
  ledger: { plan: { row: number; content: EntryContent }[]; erroredNames: ReadonlySet<string> },
  today: string,
): Promise<{ report: RiskImportReport; assessments: PlannedAssessment[] }> {
  const planned = await planRiskSheet(tx, organizationId, sheet, today);
  const allDepartments = await tx
    .select({ id: departments.id, name: departments.name, code: departments.code })
    .from(departments)
    .where(eq(departments.organizationId, organizationId));
  const byName = new Map<string, { departmentId: string; name: string; row: number }[]>();
  for (const p of ledger.plan) {
    const key = normalizeLabel(p.content.name);
    byName.set(key, [...(byName.get(key) ?? []), { departmentId: p.content.departmentId, name: p.content.name, row: p.row }]);
  }
  const departmentName = new Map(allDepartments.map((d) => [d.id, d.name]));
  const groups = new Map<string, PlannedAssessment>();
  const rows: RiskRowReport[] = [];
  const firstRowOf = new Map<string, number>();
  for (const r of planned) {
    const errors = [...r.errors];
    const entriesColumn = sheet.columns.entries ?? '対象の個人情報';
    const linked = errors.length === 0 ? link(r, entriesColumn) : null;
    if (linked && 'error' in linked) errors.push({ field: linked.field, message: linked.error });
    if (linked && !('error' in linked)) {
      const category = r.category ?? categoryOf(r.entryNames);
      const groupKey = `${linked.departmentId}\u0000${normalizeLabel(category)}`;
      const group = groups.get(groupKey) ?? { departmentId: linked.departmentId, category, entryKeys: [], records: [] };
      for (const key of linked.keys) if (!group.entryKeys.includes(key)) group.entryKeys.push(key);
      group.records.push(...r.records);
      groups.set(groupKey, group);
      if (!firstRowOf.has(groupKey)) firstRowOf.set(groupKey, rows.length);
    }
    rows.push({ row: r.row, risk: r.risk, entries: r.entryNames, action: errors.length === 0 ? 'create' : 'error', errors, warnings: r.warnings });
  }
  // recordsBody's limit: one 対策表 holds at most 500 risks (the error goes on the group's first row).
  for (const [key, group] of groups)
    if (group.records.length > 500) {
      const first = rows[firstRowOf.get(key) ?? 0];
      first?.errors.push({
        field: sheet.columns.category ?? '類型',
        message: `類型「${group.category}」のリスクが${group.records.length}件あります。1つのリスク分析対策表は500件までです。類型を分けてください`,
      });
    }
  for (const r of rows) if (r.errors.length > 0) r.action = 'error';
  const valid = rows.filter((r) => r.action === 'create').length;
  const assessments = valid === rows.length ? [...groups.values()] : [];
  return {
    report: {
      sheet: sheet.name,
      headerRow: sheet.headerRow,
      columns: Object.entries(sheet.columns).map(([field, heading]) => ({ heading: heading as string, field: FIELD_LABELS[field] ?? field })),
      total: rows.length,
      valid,
      assessments: assessments.length,
      records: assessments.reduce((n, a) => n + a.records.length, 0),
      rows,
    },
    assessments,
  };

  function link(r: PlannedRiskRow, column: string): { departmentId: string; keys: string[] } | { field: string; error: string } {
    let department: string | null = null;
    if (r.department) {
      const wanted = normalizeLabel(r.department);
      const hit = allDepartments.find((d) => normalizeLabel(d.name) === wanted || (d.code !== null && normalizeLabel(d.code) === wanted));
      if (!hit) return { field: sheet.columns.department ?? '所管部署', error: `所管部署「${r.department}」が見つかりません` };
      department = hit.id;
    }
    const keys: string[] = [];
    let departmentId: string | null = department;
    for (const name of r.entryNames) {
      const candidates = (byName.get(normalizeLabel(name)) ?? []).filter((c) => department === null || c.departmentId === department);
      if (candidates.length === 0) {
        if (ledger.erroredNames.has(normalizeLabel(name)))
          return { field: column, error: `対象の個人情報「${name}」は台帳のシートでエラーのある行です。台帳のシートの行を直してください` };
        return {
          field: column,
          error: `対象の個人情報「${name}」がこのファイルの台帳のシート${department ? `（所管部署「${r.department}」）` : ''}にありません。台帳のシートの個人情報の名称で入力してください`,
        };
      }
      if (candidates.length > 1) return { field: column, error: `対象の個人情報「${name}」は台帳のシートの複数の所管部署にあります。所管部署の列で指定してください` };
      const entry = candidates[0] as { departmentId: string; name: string };
      if (departmentId !== null && entry.departmentId !== departmentId)
        return {
          field: column,
          error: `対象の個人情報が複数の所管部署（${departmentName.get(departmentId) ?? ''}・${departmentName.get(entry.departmentId) ?? ''}）にまたがっています。リスク分析対策表は所管部署ごとに作ります（J.3.1.3）`,
        };
      departmentId = entry.departmentId;
      keys.push(entryKey(entry.departmentId, entry.name));
    }
    if (departmentId === null) return { field: column, error: '対象の個人情報を入力してください' };
    return { departmentId, keys };
  }
}

/** A 類型's name when the sheet has no 類型 column: the entries it names (at most 200 characters, the 類型's limit). */
function categoryOf(names: readonly string[]): string {
  const joined = names.join('、');
  if (joined.length <= 200) return joined;
  const first = names[0] ?? '';
  return `${first.slice(0, 180)}ほか${names.length - 1}件`;
}
