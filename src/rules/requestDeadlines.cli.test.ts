import { describe, expect, it } from 'vitest';
import { runRequestDeadlineCli } from './requestDeadlines.cli.ts';
import { evaluateRequestDeadline, type RequestDeadlineFacts } from './requestDeadlines/index.ts';

const facts: RequestDeadlineFacts = {
  profile: 'public',
  kind: 'disclosure',
  receivedOn: '2026-04-02',
  correctionPeriods: [{ askedOn: '2026-04-03', completedOn: '2026-04-10' }],
  extended: true,
};

describe('mamori rules request-deadline（runRequestDeadlineCli）', () => {
  it('事実の JSON を評価し、契約の8項目を整形した JSON で出力する（第83条第1項・第2項）', () => {
    const result = runRequestDeadlineCli(JSON.stringify(facts));
    expect(result.exitCode).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(JSON.stringify(evaluateRequestDeadline(facts), null, 2));
    const output = JSON.parse(result.stdout);
    expect(Object.keys(output)).toEqual(['rulesVersion', 'legal', 'decisionDue', 'extendedDue', 'specialPartDue', 'excludedDays', 'basis', 'reason']);
    expect(output).toMatchObject({ rulesVersion: 'appi-2023-04', legal: true, decisionDue: '2026-05-11', extendedDue: '2026-06-08', specialPartDue: null, excludedDays: 7 });
  });

  it('個人情報取扱事業者は legal: false と目標日数の期限', () => {
    const result = runRequestDeadlineCli(JSON.stringify({ profile: 'private', kind: 'purpose_notice', receivedOn: '2026-04-06', targetDays: 14 }));
    expect(result.exitCode).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ legal: false, decisionDue: '2026-04-20', extendedDue: null, specialPartDue: null });
  });

  it('前後の空白や改行があっても受け付ける', () => {
    expect(runRequestDeadlineCli(`\n  ${JSON.stringify(facts)}\n`).exitCode).toBe(0);
  });

  it('空の入力は終了コード2と日本語のエラー', () => {
    expect(runRequestDeadlineCli('  ')).toEqual({ exitCode: 2, stdout: '', stderr: expect.stringContaining('入力が空です') });
  });

  it('JSON として解釈できない入力は終了コード2', () => {
    const result = runRequestDeadlineCli('{ profile: public }');
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('入力を JSON として解釈できません');
  });

  it('検証エラーは終了コード2で、項目名を挙げた日本語のエラーを1行ずつ出す（日付は YYYY-MM-DD の実在する日だけ）', () => {
    const result = runRequestDeadlineCli(
      JSON.stringify({ profile: 'public', kind: 'disclosur', receivedOn: '2026-02-30', correctionPeriods: [{ askedOn: '令和8年3月1日', completedOn: '2026-03-05' }] }),
    );
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')).toEqual([
      '入力エラー kind: 請求の種類（kind）は "purpose_notice"・"disclosure"・"correction"・"suspension"・"third_party_stop"・"provision_record_disclosure"・"overseas_info" のいずれかで入力してください（入力値: "disclosur"）',
      '入力エラー receivedOn: 請求を受けた日（receivedOn）は "YYYY-MM-DD" 形式の実在する日付で入力してください（入力値: "2026-02-30"）',
      '入力エラー correctionPeriods[0].askedOn: 補正を求めた日（askedOn）は "YYYY-MM-DD" 形式の実在する日付で入力してください（入力値: "令和8年3月1日"）',
    ]);
  });

  it('型の誤り・不明な項目・オブジェクトでない JSON を拒否する', () => {
    const result = runRequestDeadlineCli(JSON.stringify({ profile: 'public', kind: 'disclosure', receivedOn: '2026-04-01', extended: 'yes', periodDays: 14.5, extend: true }));
    expect(result.exitCode).toBe(2);
    expect(result.stderr.split('\n')).toEqual([
      '入力エラー extended: 期間の延長（extended）は true または false で入力してください',
      '入力エラー periodDays: 決定の期間（periodDays）は整数で入力してください',
      '入力エラー （全体）: 不明な項目です: extend（項目名の綴りを確認してください）',
    ]);
    expect(runRequestDeadlineCli('[1,2]').stderr).toBe('入力エラー （全体）: 事実（facts）は JSON オブジェクトで入力してください');
  });

  it('ルールの版を指定でき、未知の版は終了コード2', () => {
    expect(runRequestDeadlineCli(JSON.stringify(facts), { rulesVersion: 'appi-2023-04' }).exitCode).toBe(0);
    expect(runRequestDeadlineCli(JSON.stringify(facts), { rulesVersion: 'appi-2099-01' })).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: '未知のルールバージョンです: "appi-2099-01"（利用可能: appi-2023-04）',
    });
  });
});
