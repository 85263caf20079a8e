import { useState } from 'react';
import type { z } from 'zod';
import type { registerImportReportResponse, registerInspectionResponse } from '../../../src/platform/imports/imports.schema.ts';
import { api, type ImportProgress, uploadWithProgress, withQuery } from '../api/client.ts';
import { useT } from '../i18n/index.tsx';
import { errorMessage } from './form.tsx';
import { useUnsavedChangesGuard } from './unsavedChanges.tsx';

export type RegisterInspection = z.output<typeof registerInspectionResponse>;
export type RegisterImportReport = z.output<typeof registerImportReportResponse>;

/** What was chosen so far: the sheet and header row, the columns (heading → field, '' = 取り込まない), the values mapped and the columns kept. */
export type ImportChoice = {
  /** The sheet read (by name); null: the server picks the sheet whose header matches best and says why. */
  sheet: string | null;
  /** null: the server finds the header row (title rows skipped, two-row headings joined). */
  headerRow: number | null;
  columns: Record<string, string>;
  /** 見つからない値の対応付け: field → the value as the file writes it → the chosen record or kind, or {@link CREATE_NEW}. */
  values: Record<string, Record<string, string>>;
  /** The unmapped columns kept as 取込時の追加情報; null: the server's default (all but a row number). */
  keep: string[] | null;
};
/**
 * The value mapping's choice 「新しい所属として作る」 (a 所属 field the caller may create, the
 * inspection's `creatable`): sent as `{"create":true}`, created by the import in its transaction.
 */
export const CREATE_NEW = '\u0000create';

/** The value mapping as the request sends it: {@link CREATE_NEW} as `{"create":true}`. */
const requestedValues = (values: ImportChoice['values']) =>
  Object.fromEntries(
    Object.entries(values).map(([field, chosen]) => [
      field,
      Object.fromEntries(Object.entries(chosen).map(([v, target]) => [v, target === CREATE_NEW ? { create: true } : target])),
    ]),
  );

const freshChoice = (): ImportChoice => ({ sheet: null, headerRow: null, columns: {}, values: {}, keep: null });

/**
 * The state and requests of one import on the one import pipeline (issue #12; server:
 * src/platform/imports, `/api/imports/<register>`), shared by every register's screen (the 台帳's
 * page and the other registers' dialog): the file, its inspection (読込) with the sheet, header row
 * and columns chosen, the dry run's report, the value mapping, the columns kept, and the progress
 * of a dry run or import under way. A new inspection drops the report of an earlier choice (it no
 * longer holds); a new file drops every choice. From the file chosen until the import is done,
 * leaving the page asks first (the app's unsaved-changes guard): the choices would be lost.
 */
export function useRegisterImport(register: string) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [inspected, setInspected] = useState<RegisterInspection | null>(null);
  const [report, setReport] = useState<RegisterImportReport | null>(null);
  const [choice, setChoice] = useState<ImportChoice>(freshChoice());
  const [busy, setBusy] = useState<'inspect' | 'dry' | 'run' | null>(null);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [imported, setImported] = useState(false);
  const release = useUnsavedChangesGuard(file !== null && !imported, {
    title: t('import.unsaved.title'),
    content: t('import.unsaved.content'),
    leave: t('import.unsaved.leave'),
    stay: t('import.unsaved.stay'),
  });
  const base = `/api/imports/${register}`;

  const formOf = (f: File) => {
    const form = new FormData();
    form.append('file', f, f.name);
    return form;
  };
  const json = (value: Record<string, unknown>) => (Object.keys(value).length > 0 ? JSON.stringify(value) : null);

  /** Reads the file (again) with the sheet, header row and columns chosen; `f` is a file just chosen (state not yet set). */
  const inspect = async (next: ImportChoice, f: File | null = file) => {
    if (!f) return;
    setBusy('inspect');
    setError(null);
    setReport(null);
    try {
      const result = await api.upload<RegisterInspection>(withQuery(`${base}/inspect`, { sheet: next.sheet, headerRow: next.headerRow, columns: json(next.columns) }), formOf(f));
      setInspected(result);
      setChoice(next);
    } catch (e) {
      setInspected(null);
      setError(errorMessage(e, t));
    } finally {
      setBusy(null);
    }
  };

  /** 確認 (dry run) or 取込 (all or nothing) with the progress; the report of the run, or null when refused (the error shown). */
  const send = async (dryRun: boolean): Promise<RegisterImportReport | null> => {
    if (!file || !inspected) return null;
    setBusy(dryRun ? 'dry' : 'run');
    setError(null);
    setProgress(null);
    const query = {
      dryRun: dryRun ? '1' : '0',
      sheet: choice.sheet ?? inspected.sheet.name,
      headerRow: choice.headerRow ?? inspected.headerRow,
      columns: json(choice.columns),
      values: json(requestedValues(choice.values)),
      keep: choice.keep ? JSON.stringify(choice.keep) : null,
    };
    try {
      const result = await uploadWithProgress<RegisterImportReport>(withQuery(base, query), formOf(file), setProgress);
      setReport(result);
      if (!dryRun) {
        // Imported: nothing left to lose; released at once, so that the screen may move on to the list.
        setImported(true);
        release();
      }
      return result;
    } catch (e) {
      setError(errorMessage(e, t));
      return null;
    } finally {
      setBusy(null);
      setProgress(null);
    }
  };

  return {
    file,
    inspected,
    report,
    choice,
    busy,
    progress,
    error,
    inspect,
    send,
    /** A file chosen: every earlier choice dropped; read at once unless `read` is false (the 台帳's page reads on its button). */
    chooseFile: (f: File, read = true) => {
      setFile(f);
      setImported(false);
      setInspected(null);
      setReport(null);
      setError(null);
      setChoice(freshChoice());
      if (read) void inspect(freshChoice(), f);
    },
    removeFile: () => {
      setFile(null);
      setImported(false);
      setInspected(null);
      setReport(null);
      setChoice(freshChoice());
    },
    /** A tab of the sheet picker chosen: that sheet read, its header row found by the server. */
    chooseSheet: (name: string) => void inspect({ ...choice, sheet: name, headerRow: null }),
    /** A row of a sheet's preview clicked: the sheet read with that row as the header. */
    chooseHeaderRow: (name: string, row: number) => void inspect({ ...choice, sheet: name, headerRow: row }),
    /** A column's field chosen ('' = 取り込まない): read again, so that the server checks the choice (missing columns, two columns on one field). */
    chooseColumn: (header: string, field: string) => void inspect({ ...choice, columns: { ...choice.columns, [header]: field } }),
    /** An unknown value mapped to a record or kind; `undefined` (the selection cleared) leaves it an error. */
    mapValue: (field: string, value: string, target: string | undefined) =>
      setChoice((c) => {
        const forField = { ...(c.values[field] ?? {}) };
        if (target) forField[value] = target;
        else delete forField[value];
        const values = { ...c.values, [field]: forField };
        if (Object.keys(forField).length === 0) delete values[field];
        return { ...c, values };
      }),
    /** The columns kept as 取込時の追加情報 (the dry run's report no longer holds). */
    setKeep: (keep: string[]) => {
      setReport(null);
      setChoice((c) => ({ ...c, keep }));
    },
  };
}

export type RegisterImport = ReturnType<typeof useRegisterImport>;
