import type { z } from 'zod';
import type { ImportReport } from '../org/people.import.ts';
import type { peopleImportRefusalResponse, peopleImportReportResponse } from './exports.contract.ts';

// Presenters are the only path from a row to JSON (STYLE: Outline).

/** 従業者の取込: the outcome of every row. */
export function presentPeopleImportReport(r: ImportReport): z.output<typeof peopleImportReportResponse> {
  return {
    dryRun: r.dryRun,
    total: r.total,
    valid: r.valid,
    created: r.created,
    updated: r.updated,
    ignoredColumns: r.ignoredColumns,
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
