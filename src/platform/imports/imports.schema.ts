import { z } from 'zod';
import { tooLongMessage } from '../validation/fields.ts';

// 取込の共通の項目 (issue #12, one import pipeline): the query parameters and response parts every
// register's import shares — the sheet and header row chosen, the sheet read and why, each sheet's
// preview. Pure (zod only): the contracts and the web import them.

/** The header row; left out, the import finds it (src/rules/ledgerImport detectHeaderRow, issue #12). */
export const headerRowQuery = z.coerce
  .number({ error: '見出し行は数値で指定してください' })
  .int({ error: '見出し行は整数で指定してください' })
  .min(1, { error: '見出し行は1以上で指定してください' })
  .max(20, { error: '見出し行は20行目までです' })
  .optional();

/** The sheet to read, by name or position (1 = the first); left out, the sheet whose header matches best (issue #12). */
export const sheetQuery = z
  .string({ error: 'シートはシート名か何枚目かで指定してください' })
  .trim()
  .max(100, { error: tooLongMessage('シート', 100) })
  .optional();

/** Which sheet of the file was read, and why (issue #12 シートの選択; the message is shown as is). */
export const sheetChoiceResponse = z.object({ index: z.number().int(), name: z.string(), reason: z.enum(['requested', 'only', 'best_header', 'no_header']), message: z.string() });

/** One sheet of the file for the sheet picker: its first 20 rows as text (cells from column A, cut to 60 characters) and the header row found. */
export const sheetPreviewResponse = z.object({
  index: z.number().int(),
  name: z.string(),
  rowCount: z.number().int(),
  headerRow: z.number().int().nullable(),
  matchedFields: z.number().int(),
  rows: z.array(z.object({ row: z.number().int(), cells: z.array(z.string()) })),
});
