import { describe, expect, it } from 'vitest';
import { excludedDates, periodEnd } from './counting.ts';
import {
  describeRequestDeadlineFactsIssues,
  evaluateRequestDeadline,
  type RequestDeadlineFacts,
  requestDeadlineFactsSchema,
  UnknownRequestDeadlineRulesVersionError,
} from './index.ts';

const publicDisclosure = { profile: 'public', kind: 'disclosure' } as const;

/** The Japanese field errors the schema gives for `facts`. */
function errorsOf(facts: unknown): string[] {
  const parsed = requestDeadlineFactsSchema.safeParse(facts);
  return parsed.success ? [] : describeRequestDeadlineFactsIssues(parsed.error);
}

describe('開示決定等の期限（個人情報の保護に関する法律 第83条第1項）', () => {
  it('第83条第1項「開示請求があった日から三十日以内」: 受付日は算入せず翌日が1日目（2026-04-01 受付 → 2026-05-01）', () => {
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01' })).toEqual({
      rulesVersion: 'appi-2023-04',
      legal: true,
      decisionDue: '2026-05-01',
      extendedDue: null,
      specialPartDue: null,
      excludedDays: 0,
      basis: '個人情報の保護に関する法律 第83条第1項',
      reason: '開示請求を受けた日（2026/04/01）は算入せず、翌日から起算して30日目（2026/05/01）までに開示決定等をしなければなりません（法第83条第1項）。',
    });
  });

  it('第83条第1項ただし書「当該補正に要した日数は、当該期間に算入しない」: 補正を求めた日の翌日から補正の日までを除く', () => {
    // 04-02 受付, 04-03 補正を求め 04-10 補正完了 → 04-04〜04-10 の7日を除く: 30日目は 05-09（土）→ 05-11（月）.
    const result = evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-02', correctionPeriods: [{ askedOn: '2026-04-03', completedOn: '2026-04-10' }] });
    expect(result.excludedDays).toBe(7);
    expect(result.decisionDue).toBe('2026-05-11');
    expect(result.reason).toContain('補正に要した7日（補正を求めた日の翌日から補正が完了した日まで）は期間に算入しません（法第83条第1項ただし書）');
  });

  it('第83条第1項ただし書: 補正を求めた日にそのまま補正されたときは除く日はない', () => {
    const result = evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01', correctionPeriods: [{ askedOn: '2026-04-03', completedOn: '2026-04-03' }] });
    expect(result).toMatchObject({ excludedDays: 0, decisionDue: '2026-05-01' });
  });

  it('第83条第1項ただし書: 重なる補正の期間・複数回の補正は同じ日を一度だけ除く', () => {
    // 04-09〜04-15 と 04-13〜04-20 の和集合は 04-09〜04-20 の12日.
    const result = evaluateRequestDeadline({
      ...publicDisclosure,
      receivedOn: '2026-04-06',
      correctionPeriods: [
        { askedOn: '2026-04-08', completedOn: '2026-04-15' },
        { askedOn: '2026-04-12', completedOn: '2026-04-20' },
      ],
    });
    expect(result).toMatchObject({ excludedDays: 12, decisionDue: '2026-05-18' });
    expect(
      excludedDates([
        { askedOn: '2026-04-08', completedOn: '2026-04-15' },
        { askedOn: '2026-04-12', completedOn: '2026-04-20' },
      ]).size,
    ).toBe(12);
  });

  it('第83条第1項ただし書: 期間が満了した後の補正は期限を動かさない', () => {
    const result = evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01', correctionPeriods: [{ askedOn: '2026-05-10', completedOn: '2026-05-20' }] });
    expect(result).toMatchObject({ excludedDays: 0, decisionDue: '2026-05-01' });
  });
});

describe('行政機関の休日（行政機関の休日に関する法律 第2条・地方自治法 第4条の2第4項）', () => {
  it('末日が土曜（ゴールデンウィーク: 5/2土〜5/6 振替休日）なら休日でない翌日 5/7 が期限', () => {
    const result = evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-02' });
    expect(result.decisionDue).toBe('2026-05-07');
    expect(result.basis).toBe('個人情報の保護に関する法律 第83条第1項、行政機関の休日に関する法律 第2条・地方自治法 第4条の2第4項');
    expect(result.reason).toContain(
      '期間の末日（2026/05/02）が行政機関の休日（土日・祝日・12月29日〜1月3日）に当たるため、その翌日以降で休日でない最初の日（2026/05/07）が期限です。',
    );
  });

  it('末日が振替休日（2026-05-06: 憲法記念日が日曜のため）なら翌日', () => {
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-06' }).decisionDue).toBe('2026-05-07');
  });

  it('末日が年末年始（12月29日〜1月3日）なら年明けの最初の開庁日（2026-12-29 → 2027-01-04）', () => {
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-11-29' }).decisionDue).toBe('2027-01-04');
  });

  it('末日が土曜で、続く敬老の日・国民の休日・秋分の日（2026-09-21〜23）を越えて 9/24', () => {
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-08-20' }).decisionDue).toBe('2026-09-24');
  });

  it('休日に受け付けても受付日は算入せず、休日も期間に数える（末日だけを動かす）', () => {
    // 2026-01-02（年始）受付 → 30日目 02-01（日）→ 02-02（月）.
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-01-02' }).decisionDue).toBe('2026-02-02');
  });
});

describe('期間の延長（第83条第2項「三十日以内に限り延長することができる」）', () => {
  it('延長すると請求の翌日から60日目（05-31 日曜 → 06-01）。書面での通知を求める', () => {
    const result = evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01', extended: true });
    expect(result).toMatchObject({ decisionDue: '2026-05-01', extendedDue: '2026-06-01', specialPartDue: null });
    expect(result.basis).toBe('個人情報の保護に関する法律 第83条第1項・第2項、行政機関の休日に関する法律 第2条・地方自治法 第4条の2第4項');
    expect(result.reason).toContain('延長後の期間と延長の理由を遅滞なく書面で請求者に通知してください（法第83条第2項）');
  });

  it('延長した期間にも補正の日数は算入しない', () => {
    const result = evaluateRequestDeadline({
      ...publicDisclosure,
      receivedOn: '2026-04-02',
      extended: true,
      correctionPeriods: [{ askedOn: '2026-04-03', completedOn: '2026-04-10' }],
    });
    expect(result).toMatchObject({ decisionDue: '2026-05-11', extendedDue: '2026-06-08', excludedDays: 7 });
  });

  it('延長しないときは extendedDue は null', () => {
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01', extended: false }).extendedDue).toBeNull();
  });
});

describe('開示決定等の期限の特例（第84条「相当の部分につき当該期間内に開示決定等をし」）', () => {
  it('相当の部分は請求の翌日から60日以内、特例の通知は第83条第1項の期間内', () => {
    const result = evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01', specialProvision: true });
    // 60日目は 05-31（日）→ 06-01（月）.
    expect(result).toMatchObject({ legal: true, decisionDue: '2026-05-01', extendedDue: null, specialPartDue: '2026-06-01' });
    expect(result.basis).toContain('第83条第1項・第84条');
    expect(result.reason).toContain('2026/05/01までに特例を適用する旨・その理由・残りの開示決定等をする期限を書面で通知し');
  });

  it('第三者提供記録の開示請求も行政機関等では開示請求（第76条）として第83条・第84条による', () => {
    const result = evaluateRequestDeadline({ profile: 'public', kind: 'provision_record_disclosure', receivedOn: '2026-04-01', specialProvision: true });
    expect(result).toMatchObject({ decisionDue: '2026-05-01', specialPartDue: '2026-06-01' });
    expect(result.reason).toContain('開示請求（法第76条）の対象になります');
  });

  it('特例と延長は同時に指定できない（第84条は第83条に代わる）', () => {
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026-04-01', specialProvision: true, extended: true })).toEqual([
      'specialProvision: 期間の延長（extended）と期限の特例（specialProvision）は同時に指定できません（法第84条は第83条に代わる特例です）',
    ]);
  });

  it('訂正請求には第84条の特例を指定できない', () => {
    expect(errorsOf({ profile: 'public', kind: 'correction', receivedOn: '2026-04-01', specialProvision: true })).toEqual([
      'specialProvision: 期限の特例（specialProvision）は行政機関等（profile "public"）の開示請求（法第84条）の場合だけ指定できます',
    ]);
  });
});

describe('訂正決定等の期限（第94条）・利用停止決定等の期限（第102条）', () => {
  it('第94条第1項「訂正請求があった日から三十日以内」、第2項 三十日以内に限り延長', () => {
    const result = evaluateRequestDeadline({ profile: 'public', kind: 'correction', receivedOn: '2026-04-06', extended: true });
    expect(result).toMatchObject({ legal: true, decisionDue: '2026-05-07', extendedDue: '2026-06-05' });
    expect(result.basis).toContain('個人情報の保護に関する法律 第94条第1項・第2項');
    expect(result.reason).toContain('訂正決定等をしなければなりません（法第94条第1項）');
  });

  it('第102条第1項「利用停止請求があった日から三十日以内」、第2項 三十日以内に限り延長', () => {
    const result = evaluateRequestDeadline({ profile: 'public', kind: 'suspension', receivedOn: '2026-04-06', extended: true });
    expect(result).toMatchObject({ decisionDue: '2026-05-07', extendedDue: '2026-06-05' });
    expect(result.basis).toContain('第102条第1項・第2項');
  });

  it('第三者提供の停止は利用停止請求（第98条第1項第2号）として第102条による', () => {
    const result = evaluateRequestDeadline({ profile: 'public', kind: 'third_party_stop', receivedOn: '2026-04-01' });
    expect(result).toMatchObject({ decisionDue: '2026-05-01' });
    expect(result.basis).toBe('個人情報の保護に関する法律 第102条第1項');
    expect(result.reason).toContain('利用停止請求（法第98条第1項第2号）');
  });
});

describe('施行条例で定める期間（法第108条）', () => {
  it('条例が決定の期間を15日とするとき、その日数で計算し条例を根拠に挙げる', () => {
    const result = evaluateRequestDeadline({
      ...publicDisclosure,
      receivedOn: '2026-04-01',
      periodDays: 15,
      extensionDays: 30,
      ordinance: '世田谷区個人情報保護法施行条例第7条',
      extended: true,
    });
    // 15日目 04-16（木）; 延長後 45日目 05-16（土）→ 05-18（月）.
    expect(result).toMatchObject({ decisionDue: '2026-04-16', extendedDue: '2026-05-18' });
    expect(result.basis).toBe(
      '個人情報の保護に関する法律 第83条第1項・第2項、世田谷区個人情報保護法施行条例第7条（決定の期間15日・延長30日）、行政機関の休日に関する法律 第2条・地方自治法 第4条の2第4項',
    );
    expect(result.reason).toContain('期間は世田谷区個人情報保護法施行条例第7条の定める15日（延長30日）です（法律では30日・延長30日。法第108条）');
  });

  it('条例名を入れずに期間だけ短くしたときも「施行条例」を根拠に挙げる', () => {
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01', periodDays: 14 }).basis).toBe(
      '個人情報の保護に関する法律 第83条第1項、施行条例（決定の期間14日・延長30日）',
    );
  });

  it('法律の30日・延長30日が既定値で、条例は法律より長い期間を定められない', () => {
    expect(evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01', periodDays: 30, extensionDays: 30 }).basis).toBe('個人情報の保護に関する法律 第83条第1項');
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026-04-01', periodDays: 31, extensionDays: 45 })).toEqual([
      'periodDays: 決定の期間（periodDays）は30日以下で入力してください',
      'extensionDays: 延長の日数（extensionDays）は30日以下で入力してください',
    ]);
  });

  it('延長の日数が0日の条例では延長を指定できない', () => {
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026-04-01', extensionDays: 0, extended: true })).toEqual([
      'extended: 延長の日数（extensionDays）が0日のため、期間の延長（extended）は指定できません',
    ]);
  });
});

describe('個人情報取扱事業者: 遅滞なく（法第32条〜第35条・JIS Q 15001 J.10.1「遅滞なくこれに応じる」）', () => {
  it('開示（法第33条第2項・J.10.5）は組織の目標14日を目安とし legal: false', () => {
    const result = evaluateRequestDeadline({ profile: 'private', kind: 'disclosure', receivedOn: '2026-04-06' });
    expect(result).toEqual({
      rulesVersion: 'appi-2023-04',
      legal: false,
      decisionDue: '2026-04-20',
      extendedDue: null,
      specialPartDue: null,
      excludedDays: 0,
      basis: '個人情報の保護に関する法律 第33条第2項（JIS Q 15001 J.10.5）',
      reason:
        '開示請求には「遅滞なく」応じなければならず（個人情報の保護に関する法律 第33条第2項（JIS Q 15001 J.10.5））、日数の定めはありません。組織の目標（14日）として、受けた日（2026/04/06）の翌日から起算して14日目（2026/04/20）を目安の期限とします（法定の期限ではありません）。',
    });
  });

  it.each([
    ['purpose_notice', '第32条第2項（JIS Q 15001 J.10.4）'],
    ['provision_record_disclosure', '第33条第5項（JIS Q 15001 J.10.1 2・J.10.5）'],
    ['correction', '第34条第2項・第3項（JIS Q 15001 J.10.6）'],
    ['suspension', '第35条第1項・第2項・第7項（JIS Q 15001 J.10.7）'],
    ['third_party_stop', '第35条第3項・第4項・第7項（JIS Q 15001 J.10.7）'],
  ] as const)('%s は %s を根拠に挙げる', (kind, article) => {
    expect(evaluateRequestDeadline({ profile: 'private', kind, receivedOn: '2026-04-06' }).basis).toBe(`個人情報の保護に関する法律 ${article}`);
  });

  it('組織の目標日数（targetDays）を使い、補正の日数を除き、休日（年末年始）なら翌営業日を目安にする', () => {
    const result = evaluateRequestDeadline({
      profile: 'private',
      kind: 'correction',
      receivedOn: '2026-12-10',
      targetDays: 10,
      correctionPeriods: [{ askedOn: '2026-12-11', completedOn: '2026-12-20' }],
    });
    // 12-11 が1日目、12-12〜12-20 の9日を除き、10日目は 12-29 → 年末年始（〜1/3）を越えて 2027-01-04（月）.
    expect(result).toMatchObject({ legal: false, decisionDue: '2027-01-04', excludedDays: 9 });
  });

  it('延長・特例・法定の期間は行政機関等だけのもので、個人情報取扱事業者には指定できない', () => {
    expect(errorsOf({ profile: 'private', kind: 'disclosure', receivedOn: '2026-04-06', extended: true, periodDays: 20 })).toEqual([
      'extended: 期間の延長（extended）は行政機関等（profile "public"）の場合だけ指定できます（個人情報取扱事業者の開示等は「遅滞なく」行うもので、法定の期間・延長はありません）',
      'periodDays: 決定の期間（periodDays）は行政機関等（profile "public"）の場合だけ指定できます（個人情報取扱事業者の開示等は「遅滞なく」行うもので、法定の期間・延長はありません）',
    ]);
  });
});

describe('指定管理者・受託者（designated_manager）', () => {
  it('自らの保有個人データは個人情報取扱事業者として遅滞なく（目標日数）、委託元の保有個人情報は委託元へ連絡する', () => {
    const result = evaluateRequestDeadline({ profile: 'designated_manager', kind: 'disclosure', receivedOn: '2026-04-06', targetDays: 7 });
    expect(result).toMatchObject({ legal: false, decisionDue: '2026-04-13', extendedDue: null, specialPartDue: null });
    expect(result.reason).toContain('委託元（地方公共団体）の保有個人情報に係る請求は、委託契約の特記事項に従い速やかに委託元へ連絡してください');
  });
});

describe('行政機関等への利用目的の通知の求め（法第5章に定めなし）', () => {
  it('法定の期限はなく、組織の目標日数で legal: false', () => {
    const result = evaluateRequestDeadline({ profile: 'public', kind: 'purpose_notice', receivedOn: '2026-04-06', targetDays: 10 });
    expect(result).toMatchObject({ legal: false, decisionDue: '2026-04-16' });
    expect(result.basis).toContain('第5章に利用目的の通知の求めの定めなし');
  });

  it('延長は指定できない', () => {
    expect(errorsOf({ profile: 'public', kind: 'purpose_notice', receivedOn: '2026-04-06', extended: true })).toEqual([
      'extended: 期間の延長（extended）は、利用目的の通知の求め（法第5章に規定がありません）には指定できません',
    ]);
  });
});

describe('入力の検証（項目名を挙げた日本語のエラー）', () => {
  it('日付は YYYY-MM-DD の実在する日だけ（和暦・スラッシュ・2月30日は拒否し、読み替えない）', () => {
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026/04/01' })).toEqual([
      'receivedOn: 請求を受けた日（receivedOn）は "YYYY-MM-DD" 形式の実在する日付で入力してください（入力値: "2026/04/01"）',
    ]);
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026-02-30' })).toEqual([
      'receivedOn: 請求を受けた日（receivedOn）は "YYYY-MM-DD" 形式の実在する日付で入力してください（入力値: "2026-02-30"）',
    ]);
    expect(errorsOf({ ...publicDisclosure, receivedOn: '令和8年4月1日' })).toHaveLength(1);
  });

  it('補正の日付の前後関係', () => {
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026-04-10', correctionPeriods: [{ askedOn: '2026-04-09', completedOn: '2026-04-08' }] })).toEqual([
      'correctionPeriods[0].askedOn: 補正を求めた日（askedOn）は請求を受けた日（receivedOn: 2026/04/10）以降の日付で入力してください',
      'correctionPeriods[0].completedOn: 補正が完了した日（completedOn）は補正を求めた日（askedOn: 2026/04/09）以降の日付で入力してください',
    ]);
  });

  it('補正の期間は50件まで', () => {
    const many = Array.from({ length: 51 }, () => ({ askedOn: '2026-04-02', completedOn: '2026-04-03' }));
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026-04-01', correctionPeriods: many })).toEqual([
      'correctionPeriods: 補正の期間（correctionPeriods）は50件以内で入力してください',
    ]);
  });

  it('必須項目・不明な項目・祝日データの範囲外', () => {
    expect(errorsOf({})).toEqual(['profile: 組織の区分（profile）は必須です', 'kind: 請求の種類（kind）は必須です', 'receivedOn: 請求を受けた日（receivedOn）は必須です']);
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2026-04-01', extend: true })).toEqual(['（全体）: 不明な項目です: extend（項目名の綴りを確認してください）']);
    expect(errorsOf({ ...publicDisclosure, receivedOn: '2099-04-01' })[0]).toMatch(
      /^receivedOn: 請求を受けた日（receivedOn）は 1970\/01\/01〜\d{4}\/\d{2}\/\d{2} の範囲で入力してください/,
    );
  });

  it('evaluateRequestDeadline は不正な事実と未知のルール版を拒否する', () => {
    expect(() => evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-13-01' } as RequestDeadlineFacts)).toThrow();
    expect(() => evaluateRequestDeadline({ ...publicDisclosure, receivedOn: '2026-04-01' }, 'appi-2099-01')).toThrow(UnknownRequestDeadlineRulesVersionError);
  });
});

describe('periodEnd（期間の末日）', () => {
  it('受付日の翌日を1日目として数え、除く日を飛ばす', () => {
    expect(periodEnd('2026-04-01', 30, new Set())).toEqual({ lastDay: '2026-05-01', due: '2026-05-01', excludedDays: 0 });
    expect(periodEnd('2026-04-01', 1, new Set(['2026-04-02']))).toEqual({ lastDay: '2026-04-03', due: '2026-04-03', excludedDays: 1 });
  });
});
