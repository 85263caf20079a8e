// 取込の行数の上限 (issue #12 Scale): one limit for every register's import — 10,000 rows per file
// on the embedded database (PGlite) and 50,000 on PostgreSQL. The file's bytes and cells are bounded
// before that by XLSX_LIMITS / the upload.

/** At most this many data rows per file, by database kind. */
export const MAX_IMPORT_ROWS = { pglite: 10_000, postgres: 50_000 } as const;

/** The refusal of a file with more rows than `maxRows` (Japanese, naming both counts). */
export const tooManyRowsMessage = (maxRows: number, rows: number) =>
  `一度に取り込めるのは${maxRows.toLocaleString('ja-JP')}行までです（このファイルは${rows.toLocaleString('ja-JP')}行）。ファイルを分けてください`;
