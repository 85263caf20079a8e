/**
 * `mamori rules request-deadline`: reads the facts of a 開示等の請求 (JSON) and prints its deadline
 * (issue #14, SPEC §5.2). Kept free of process I/O so it can be tested as a function; src/cli.ts
 * does the reading and writing.
 *
 * Exit codes: 0 success · 2 invalid input (not JSON, schema violation, unknown rules version)
 * · 1 unexpected internal error.
 */
import { describeRequestDeadlineFactsIssues, evaluateRequestDeadline, requestDeadlineFactsSchema, UnknownRequestDeadlineRulesVersionError } from './requestDeadlines/index.ts';

/** What the command would print and return. */
export type CliOutcome = { exitCode: number; stdout: string; stderr: string };

/**
 * Evaluates the facts JSON in `stdinText`. On success `stdout` is `JSON.stringify({ rulesVersion,
 * legal, decisionDue, extendedDue, specialPartDue, excludedDays, basis, reason }, null, 2)`; on
 * invalid input the exit code is 2 and `stderr` holds one Japanese line per problem, each naming
 * the field.
 *
 * @param stdinText the facts JSON (docs/rules/request-deadlines.md「事実の JSON」).
 * @param options.rulesVersion pin a rules version (default: the one in force on `receivedOn`).
 * @example
 * runRequestDeadlineCli('{"profile":"public","kind":"disclosure","receivedOn":"2026-04-01"}')
 * // → { exitCode: 0, stdout: '{\n  "rulesVersion": "appi-2023-04",\n  "legal": true, …', stderr: '' }
 */
export function runRequestDeadlineCli(stdinText: string, options: { rulesVersion?: string } = {}): CliOutcome {
  if (stdinText.trim() === '') {
    return invalid(['入力が空です。標準入力から請求の事実（facts）の JSON を渡してください（docs/rules/request-deadlines.md 参照）。']);
  }
  let input: unknown;
  try {
    input = JSON.parse(stdinText);
  } catch (error) {
    return invalid([`入力を JSON として解釈できません: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parsed = requestDeadlineFactsSchema.safeParse(input);
  if (!parsed.success) return invalid(describeRequestDeadlineFactsIssues(parsed.error).map((line) => `入力エラー ${line}`));

  try {
    const result = evaluateRequestDeadline(parsed.data, options.rulesVersion);
    return { exitCode: 0, stdout: JSON.stringify(result, null, 2), stderr: '' };
  } catch (error) {
    if (error instanceof UnknownRequestDeadlineRulesVersionError) return invalid([error.message]);
    return { exitCode: 1, stdout: '', stderr: `内部エラー: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function invalid(lines: readonly string[]): CliOutcome {
  return { exitCode: 2, stdout: '', stderr: lines.join('\n') };
}
