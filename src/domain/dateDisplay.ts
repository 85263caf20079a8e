// Dates as the app shows them to a person (Standards: "Japanese to the user, always"). Pure;
// every sentence the server composes — notifications, the rule engines' 理由 and 注記, retention
// texts, field errors that echo a typed date — writes its dates through `displayDate`, so a
// person reads 2026/12/06 where the web shows 2026/12/06, never the ISO form the data keeps.
// Machine fields (API JSON, the CLI contract, database columns) stay ISO.

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (YYYY-MM-DD) as the app displays it: 2026/12/06, the form the web's date
 * fields and tables use. Anything else is returned as it is (a date is never silently changed).
 * @example displayDate('2026-12-06') // '2026/12/06'
 */
export function displayDate(iso: string): string {
  const m = isoDate.exec(iso);
  return m ? `${m[1]}/${m[2]}/${m[3]}` : iso;
}

/** A range of days as the app displays it: 2026/12/08〜2026/12/10. */
export function displayDateRange(from: string, to: string): string {
  return `${displayDate(from)}〜${displayDate(to)}`;
}
