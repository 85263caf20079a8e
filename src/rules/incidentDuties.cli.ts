/**
 * `mamori rules incident-duties`: reads incident facts (JSON) and prints the duties. Kept free of
 * process I/O so it can be tested as a function; src/cli.ts does the reading and writing.
 *
 * Exit codes: 0 success · 2 invalid input (not JSON, schema violation, unknown rules version)
 * · 1 unexpected internal error.
 */
import { UnknownIncidentRulesVersionError } from './data/incidentRules.ts';
import { describeIncidentFactsIssues, evaluateIncidentDuties, incidentFactsSchema } from './incidentDuties.ts';

/** What the command would print and return. */
export type CliOutcome = { exitCode: number; stdout: string; stderr: string };

/**
 * Evaluates the facts JSON in `stdinText`. On success `stdout` is
 * `JSON.stringify({ rulesVersion, isIncident, duties }, null, 2)`; on invalid input the exit code
 * is 2 and `stderr` holds one Japanese line per problem, each naming the field.
 *
 * @param stdinText the facts JSON (docs/rules/incident-duties.md「事実の JSON」).
 * @param options.rulesVersion pin a rules version (default: the one in force on `knownAt`).
 * @example
 * runIncidentDutiesCli('{"profile":"private","knownAt":"2026-01-05","events":["leak"],"sensitive":true}')
 * // → { exitCode: 0, stdout: '{\n  "rulesVersion": "appi-2024-04", …', stderr: '' }
 */
export function runIncidentDutiesCli(stdinText: string, options: { rulesVersion?: string } = {}): CliOutcome {
  if (stdinText.trim() === '') {
    return invalid(['入力が空です。標準入力から事実（facts）の JSON を渡してください（docs/rules/incident-duties.md 参照）。']);
  }
  let input: unknown;
  try {
    input = JSON.parse(stdinText);
  } catch (error) {
    return invalid([`入力を JSON として解釈できません: ${error instanceof Error ? error.message : String(error)}`]);
  }
  const parsed = incidentFactsSchema.safeParse(fromCliFacts(input));
  if (!parsed.success) return invalid(describeIncidentFactsIssues(parsed.error).map((line) => `入力エラー ${toCliNames(line)}`));

  try {
    const { rulesVersion, isIncident, duties } = evaluateIncidentDuties(parsed.data, options.rulesVersion);
    return { exitCode: 0, stdout: JSON.stringify({ rulesVersion, isIncident, duties }, null, 2), stderr: '' };
  } catch (error) {
    if (error instanceof UnknownIncidentRulesVersionError) return invalid([error.message]);
    return {
      exitCode: 1,
      stdout: '',
      stderr: `内部エラー: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/**
 * The CLI's facts JSON keeps its field names (docs/rules/incident-duties.md「事実の JSON」): the
 * 知った日 is `knownAt` there and `knownOn` everywhere else (docs/glossary.md). Mapped here, at the edge.
 */
function fromCliFacts(input: unknown): unknown {
  if (typeof input !== 'object' || input === null || Array.isArray(input) || !('knownAt' in input)) return input;
  const { knownAt, ...rest } = input as Record<string, unknown>;
  return { ...rest, knownOn: knownAt };
}

/** The engine's messages name `knownOn`; the CLI user typed `knownAt`. */
function toCliNames(line: string): string {
  return line.replaceAll('knownOn', 'knownAt');
}

function invalid(lines: readonly string[]): CliOutcome {
  return { exitCode: 2, stdout: '', stderr: lines.join('\n') };
}
