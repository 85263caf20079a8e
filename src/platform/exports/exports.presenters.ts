import type { z } from 'zod';
import type { ImportReport, ParsedPeopleSheet, peopleImportFields } from '../org/people.import.ts';
import type { peopleImportRefusalResponse, peopleImportReportResponse, peopleInspectResponse } from './exports.contract.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

/** 従業者の取込: the outcome of every row. */
export function presentPeopleImportReport(r: ImportReport): z.output<typeof peopleImportReportResponse> {
  return {
    dryRun: r.dryRun,
    total: r.total,
    valid: r.valid,
    created: r.created,
    updated: r.updated,
    sheet: { index: r.sheet.index, name: r.sheet.name, reason: r.sheet.reason, message: r.sheet.message },
    headerRow: r.headerRow,
    ignoredColumns: r.ignoredColumns,
    unknownValues: r.unknownValues.map((u) => ({ field: u.field, column: u.column, value: u.value, rows: [...u.rows] })),
    rememberedValues: r.rememberedValues.map((u) => ({ field: u.field, column: u.column, value: u.value, target: u.target, rows: [...u.rows] })),
    rows: r.rows.map((row) => ({
      row: row.row,
      employeeNumber: row.employeeNumber,
      name: row.name,
      action: row.action,
      errors: row.errors.map((e) => ({ field: e.field, message: e.message })),
    })),
  };
}

/** A real run refused because rows have errors (422): the report, and why nothing was written (all or nothing). */
export function presentPeopleImportRefusal(r: ImportReport): z.output<typeof peopleImportRefusalResponse> {
  const invalid = r.total - r.valid;
  return {
    ...presentPeopleImportReport(r),
    error: { code: 'import_invalid', message: `${invalid}行にエラーがあるため、取り込みませんでした（1行も登録していません）。エラーを直して再度取り込んでください` },
  };
}

/** 従業者の取込の読込: the sheets, the sheet read and its header row, and the departments to map unknown 所属 names to. */
export function presentPeopleInspection(
  sheet: ParsedPeopleSheet,
  fileName: string,
  fields: typeof peopleImportFields,
  departments: { id: string; name: string; code: string | null }[],
): z.output<typeof peopleInspectResponse> {
  return {
    fileName,
    sheetName: sheet.sheet.name,
    sheet: { index: sheet.sheet.index, name: sheet.sheet.name, reason: sheet.sheet.reason, message: sheet.sheet.message },
    sheets: sheet.sheets.map((p) => ({ index: p.index, name: p.name, rowCount: p.rowCount, headerRow: p.headerRow, matchedFields: p.matchedFields, rows: p.rows })),
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    columnMatches: sheet.columnMatches.map((c) => ({ header: c.header, field: c.field, confidence: c.confidence })),
    missingColumns: sheet.missingColumns,
    fields: fields.map((f) => ({ key: f.key, header: f.header, required: f.required })),
    departments: departments.map((d) => ({ id: d.id, name: d.name, code: d.code })),
  };
}
