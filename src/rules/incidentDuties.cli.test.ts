import { describe, expect, it } from 'vitest';
import { runIncidentDutiesCli } from './incidentDuties.cli.ts';
import { evaluateIncidentDuties, type IncidentFacts } from './incidentDuties.ts';

/** The CLI's own field names (knownAt: the CLI contract); the engine reads knownOn. */
const facts = {
  profile: 'private',
  privacyMark: true,
  knownAt: '2026-01-05',
  events: ['leak'],
  sensitive: true,
  persons: 12,
};

describe('mamori rules incident-duties（runIncidentDutiesCli）', () => {
  it('事実の JSON を評価し、{ rulesVersion, isIncident, duties } を整形した JSON で出力する', () => {
    const result = runIncidentDutiesCli(JSON.stringify(facts));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    const { knownAt, ...rest } = facts;
    const { rulesVersion, isIncident, duties } = evaluateIncidentDuties({ ...rest, knownOn: knownAt } as IncidentFacts);
    expect(result.stdout).toBe(JSON.stringify({ rulesVersion, isIncident, duties }, null, 2));
    expect(result.stdout).toMatch(/^\{\n {2}"rulesVersion": "appi-2024-04",\n {2}"isIncident": true,\n {2}"duties": \[/);
    expect(duties.map((d) => d.kind)).toEqual(['ppc_preliminary', 'ppc_final', 'jipdec_preliminary', 'jipdec_final', 'individual_notice', 'publication_consideration']);
  });

  it('前後の空白や改行があっても受け付ける', () => {
    expect(runIncidentDutiesCli(`\n  ${JSON.stringify(facts)}\n`).exitCode).toBe(0);
  });

  it('漏えい等に当たらない事実では isIncident: false と空の duties を出力する', () => {
    const result = runIncidentDutiesCli(JSON.stringify({ ...facts, privacyMark: false, recoveredBeforeViewed: true }));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual({ rulesVersion: 'appi-2024-04', isIncident: false, duties: [] });
  });

  it('空の入力は終了コード2と日本語のエラー', () => {
    const result = runIncidentDutiesCli('   ');
    expect(result).toEqual({ exitCode: 2, stdout: '', stderr: expect.stringContaining('入力が空です') });
  });

  it('JSON として解釈できない入力は終了コード2', () => {
    const result = runIncidentDutiesCli('{ profile: private }');
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('入力を JSON として解釈できません');
  });

  it('検証エラーは終了コード2で、項目名を挙げた日本語のエラーを1行ずつ出す', () => {
    const result = runIncidentDutiesCli(JSON.stringify({ profile: 'company', knownAt: '2026-01-05', events: ['leak', 'spill'] }));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      '入力エラー profile: 組織の区分の値が正しくありません（指定できる値: "private"・"public"・"designated_manager"）',
      '入力エラー events[1]: 事象の値が正しくありません（指定できる値: "leak"・"loss"・"destruction"・"damage"・"tampering"・"inaccuracy"・"improper_acquisition"・"purpose_violation"・"misuse"・"request_refusal"）',
    ]);
  });

  it('必須項目の欠落は項目名を挙げる', () => {
    const result = runIncidentDutiesCli('{"profile":"private"}');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toBe('入力エラー knownAt: 知った日を入力してください');
  });

  it('オブジェクトでない JSON と不明な項目は拒否する', () => {
    expect(runIncidentDutiesCli('[1,2]').stderr).toBe('入力エラー （全体）: 事実の形式が正しくありません（項目と値の組で指定してください）');
    const unknown = runIncidentDutiesCli(JSON.stringify({ ...facts, sensitiv: true }));
    expect(unknown.exitCode).toBe(2);
    expect(unknown.stderr).toContain('不明な項目です: sensitiv');
  });

  it('ルールの版を指定でき、未知の版は終了コード2', () => {
    expect(runIncidentDutiesCli(JSON.stringify(facts), { rulesVersion: 'appi-2024-04' }).exitCode).toBe(0);
    const result = runIncidentDutiesCli(JSON.stringify(facts), { rulesVersion: 'appi-2099-01' });
    expect(result).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: '未知のルールバージョンです: "appi-2099-01"（利用可能: appi-2024-04）',
    });
  });
});
