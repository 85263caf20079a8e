import { normalizeLabel } from '../../domain/text.ts';
import { detectHeaderRow, HEADER_SEARCH_ROWS, type HeadingIndex, headingsAt, indexHeadings, mapColumns } from '../../rules/ledgerImport/index.ts';
import { cellText } from '../../rules/ledgerValues/index.ts';
import type { CellOutput } from '../exports/xlsx.ts';
import { extrasOfRow, isExtrasHeading, isRowNumberHeading, keptColumns } from './extras.ts';
import { HttpError } from '../http/errors.ts';
import { MAX_IMPORT_ROWS, tooManyRowsMessage } from './limits.ts';
import { emptyImportMemory, type ImportMemory, rememberedColumn } from './memory.ts';
import type { AnyRegisterImport, ColumnUse, RegisterRow, RegisterSheet } from './register.ts';
import { chooseSheet, previewSheets } from './sheets.ts';
import type { ImportGrid } from './upload.ts';

// 取込の読込 (issue #12, stages 1–2 of the one pipeline): the sheet chosen (or the one whose header
// matches the register's headings best), the header row given (or found below title rows, a heading
// merged over two rows joined), and each column's field — the choice sent with the request, else
// the organization's earlier choice for that heading (取込の記憶), else the register's dictionary
// (exact and normalized matches only; a partial match is offered, never applied unseen).

/** The client's column choice: heading → field key, or `''` for 「取り込まない」. */
export type ColumnChoice = Record<string, string>;

/** What to read: the sheet and header row (found when left out), the column choice, the row limit. */
export type RegisterSheetOptions = {
  sheet?: string | undefined;
  headerRow?: number | undefined;
  columns?: ColumnChoice | null | undefined;
  memory?: ImportMemory | undefined;
  maxRows?: number | undefined;
  /** The unmapped columns to keep as 取込時の追加情報 (a register declaring `extras`); left out, every one but row numbers and the export's state. */
  keep?: readonly string[] | null | undefined;
};

const indexes = new WeakMap<AnyRegisterImport, HeadingIndex>();

/** The register's heading dictionary, indexed once. */
export function headingIndexOf(definition: AnyRegisterImport): HeadingIndex {
  let index = indexes.get(definition);
  if (!index) {
    index = indexHeadings(definition.fields.map((f) => ({ key: f.key, label: f.header, synonyms: f.synonyms ?? [] })));
    indexes.set(definition, index);
  }
  return index;
}

const badFile = (message: string) => new HttpError(400, message, 'import_file');

/** A choice for `heading` in the client's column choice, matched as {@link normalizeLabel} folds headings. */
function chosenFor(columns: ColumnChoice | null | undefined, heading: string): string | undefined {
  if (!columns) return undefined;
  if (heading in columns) return columns[heading];
  const wanted = normalizeLabel(heading);
  for (const [written, field] of Object.entries(columns)) if (normalizeLabel(written) === wanted) return field;
  return undefined;
}

/**
 * Reads an uploaded workbook's sheets (or CSV, parsed beforehand by `readImportSheets` — outside
 * the transaction, so that parsing never holds the database) for a register. Never refuses a
 * readable file for its columns:
 * missing required columns and a field filled twice are reported (`missingColumns`,
 * `columnProblems`) for the inspection to show; {@link assertImportable} refuses them on import.
 *
 * @throws {HttpError} 400 when the sheet named does not exist or the file has more than `maxRows` rows
 */
export function readRegisterSheet(grids: readonly ImportGrid[], definition: AnyRegisterImport, options: RegisterSheetOptions = {}): RegisterSheet {
  const index = headingIndexOf(definition);
  const { grid, choice } = chooseSheet(grids, index, options.sheet);
  const preview = grid.rows.filter((r) => r.rowNumber <= HEADER_SEARCH_ROWS);
  const detected = detectHeaderRow(preview, index);
  const headerRow = options.headerRow ?? detected?.headerRow ?? 1;
  const rowSpan = detected?.headerRow === headerRow ? detected.rowSpan : 1;
  const headings = headingsAt(preview, headerRow, rowSpan, index);
  const dictionary = mapColumns(headings, index);
  const fieldKeys = new Set(definition.fields.map((f) => f.key));
  const exportOnly = new Set(definition.fields.filter((f) => f.exportOnly).map((f) => f.key));
  const memory = options.memory ?? emptyImportMemory();

  const columns: (ColumnUse & { column: number })[] = dictionary.map((d) => {
    const chosen = chosenFor(options.columns, d.heading);
    const remembered = rememberedColumn(memory, d.heading);
    const base = { column: d.column, header: d.heading, suggested: d.field, confidence: d.confidence };
    if (chosen !== undefined && (chosen === '' || fieldKeys.has(chosen))) return { ...base, field: chosen === '' ? null : chosen, source: 'chosen' };
    if (remembered !== undefined && (remembered === '' || fieldKeys.has(remembered))) return { ...base, field: remembered === '' ? null : remembered, source: 'remembered' };
    if (d.field && d.confidence !== 'partial' && !exportOnly.has(d.field)) return { ...base, field: d.field, source: 'dictionary' };
    return { ...base, field: null, source: null };
  });

  const columnProblems: string[] = [];
  const byField = new Map<string, string[]>();
  for (const c of columns) if (c.field) byField.set(c.field, [...(byField.get(c.field) ?? []), c.header]);
  for (const [field, headers] of byField) {
    if (headers.length < 2) continue;
    const label = definition.fields.find((f) => f.key === field)?.header ?? field;
    columnProblems.push(`「${label}」に${headers.map((h) => `「${h}」`).join('と')}の${headers.length}列が対応付けられています。どちらか一方を「取り込まない」にしてください`);
  }
  const present = new Set(byField.keys());
  const missingColumns = definition.fields.filter((f) => f.required && !present.has(f.key)).map((f) => f.header);

  const lastHeaderRow = headerRow + rowSpan - 1;
  const data = grid.rows.filter((r) => r.rowNumber > lastHeaderRow);
  const maxRows = options.maxRows ?? MAX_IMPORT_ROWS.pglite;
  const used = columns.filter((c): c is typeof c & { field: string } => c.field !== null);
  // A column the register's own export writes for people to read (承認, 版 …) is known, not ignored.
  const unmapped = columns.filter((c) => c.field === null && !(c.suggested && c.confidence !== 'partial' && exportOnly.has(c.suggested)));
  // 取込時の追加情報 (issue #12): for a register that keeps them, the unmapped columns chosen are kept
  // on each record, and the export's own column of them is read back into the same pairs.
  const extras = definition.extras;
  const ownColumn = extras ? unmapped.find((c) => isExtrasHeading(c.header)) : undefined;
  const candidates = unmapped.filter((c) => c !== ownColumn).map((c) => c.header);
  const kept = extras ? keptColumns(candidates, extras.derived ?? [], options.keep ?? null) : [];
  const keptUses = unmapped.filter((c) => kept.includes(c.header));
  const rows: RegisterRow[] = [];
  for (const r of data) {
    const cells: Partial<Record<string, CellOutput>> = {};
    let any = false;
    for (const c of used) {
      const value = r.cells[c.column] ?? null;
      cells[c.field] = value;
      if (value !== null && !(typeof value === 'string' && value.trim() === '')) any = true;
    }
    if (!any) continue;
    const row: RegisterRow = { rowNumber: r.rowNumber, cells };
    if (ownColumn || keptUses.length > 0)
      row.extras = extrasOfRow(
        ownColumn ? cellText(r.cells[ownColumn.column] ?? null) : null,
        keptUses.map((c) => ({ heading: c.header, value: cellText(r.cells[c.column] ?? null) })),
      );
    rows.push(row);
  }
  if (rows.length > maxRows) throw badFile(tooManyRowsMessage(maxRows, rows.length));
  return {
    sheet: choice,
    sheets: previewSheets(grids, index),
    headerRow,
    headers: columns.map((c) => c.header),
    columns: columns.map(({ column: _, ...c }) => c),
    rows,
    ignoredColumns: unmapped.filter((c) => c !== ownColumn && !kept.includes(c.header)).map((c) => c.header),
    keptColumns: kept,
    keepableColumns: extras ? candidates.filter((h) => !isRowNumberHeading(h)) : [],
    missingColumns,
    columnProblems,
  };
}

/**
 * Refuses (400) a sheet the import cannot read: no header, a required column missing, a field
 * filled by two columns — each naming the sheet and header row.
 */
export function assertImportable(sheet: RegisterSheet): void {
  const where = `${sheet.sheets.length > 1 ? `シート「${sheet.sheet.name}」の` : ''}見出し行（${sheet.headerRow}行目）`;
  if (sheet.headers.length === 0) throw badFile(`${where}に見出しがありません。見出しの行を選んでください`);
  const [missing] = sheet.missingColumns;
  if (missing) throw badFile(`${where}に「${missing}」の列がありません。見出しの行を選ぶか、列の対応付けで「${missing}」を選んでください`);
  const [problem] = sheet.columnProblems;
  if (problem) throw badFile(`${where}: ${problem}`);
}
