import { describe, expect, it } from 'vitest';
import { defaultSpecialClauseChoices, composeSpecialClausesFrom, specialClausesText } from './specialClauses.ts';
import {
  defaultEditableArticles,
  diffTemplateArticles,
  diffTemplateStructure,
  type EditableArticle,
  newCustomArticleKey,
  TEMPLATE_LIMITS,
  templateClauseCheck,
  handledInformationArticle,
  templateProblems,
  templateSetOf,
} from './specialClauseTemplate.ts';
import { articleReferencesIn, relativeReferencesIn, templateReferenceWarnings } from './specialClauseTemplateReferences.ts';

// 自社のひな型 (issue 13 「a private company gets its own editable template set built the same way
// (J.9.4 3 wording)」): the editable copy of the 民間事業者向け set, its checks and its diff.

const copy = (): EditableArticle[] => structuredClone(defaultEditableArticles) as EditableArticle[];
const edit = (articles: EditableArticle[], key: string, code: string, change: (v: EditableArticle['variants'][number]) => void) => {
  const v = articles.find((a) => a.key === key)?.variants.find((x) => x.code === code);
  if (!v) throw new Error(`${key}/${code}`);
  change(v);
  return articles;
};
const meta = { name: '自社のひな型', title: '個人情報の取扱いに関する特記事項', source: '' };
const compose = (articles: EditableArticle[], specificPersonalInfo = false, choices = defaultSpecialClauseChoices) => {
  const r = composeSpecialClausesFrom(templateSetOf(articles, meta), {
    choices,
    specificPersonalInfo,
    principalName: '株式会社委託元',
    contractorName: '株式会社委託先',
    businessName: '発送業務',
    providedItems: ['顧客名簿（氏名、住所）'],
    collectedItems: [],
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return specialClausesText(r.value);
};

describe('自社のひな型の既定（民間事業者向けの写し）', () => {
  it('J.9.4 3 a) 委託者及び受託者の責任の明確化: 第1条は差し込み項目【業務名】【委託先】【委託元】で当事者を定める', () => {
    const first = defaultEditableArticles[0]!.variants[0]!.paragraphs[0]!;
    expect(first).toContain('【業務名】の受託事業者である【委託先】（以下「乙」という。）は、【委託元】（以下「甲」という。）');
    expect(templateProblems(copy())).toEqual([]);
  });

  it('差し込み項目は生成時に当事者の名称と業務名になり、【…】は残らない', () => {
    const text = compose(copy());
    expect(text).toContain('発送業務の受託事業者である株式会社委託先（以下「乙」という。）は、株式会社委託元（以下「甲」という。）');
    expect(text).not.toMatch(/【[^】]*】/);
    expect(text).toContain('顧客名簿（氏名、住所）');
  });

  it('J.9.4 3 ただし書 i)〜r): 特定個人情報の条は、特定個人情報を委託する場合だけ入る', () => {
    expect(compose(copy(), false)).not.toContain('（特定個人情報の取扱い）');
    expect(compose(copy(), true)).toContain('特定個人情報に関する秘密保持義務を負い');
  });

  it('J.9.4 3 a)〜h) と i)〜r): 既定のひな型は契約書の必須事項の確認で欠けがない', () => {
    expect(templateClauseCheck(templateSetOf(copy(), meta))).toEqual([]);
  });
});

describe('自社のひな型の検査（条文を名指す日本語）', () => {
  it('差し込み項目【委託先】を消した第1条は拒む', () => {
    const articles = edit(copy(), 'basicDuty', 'text', (v) => {
      v.paragraphs[0] = v.paragraphs[0]!.replace('【委託先】', '乙');
    });
    expect(templateProblems(articles)).toEqual([
      {
        path: ['articles', 0, 'variants', 0, 'paragraphs'],
        message: '第1条（委託者及び受託者の責任）から差し込み項目「【委託先】」を消すことはできません（当事者の名称・業務名が入る箇所です）',
      },
    ]);
  });

  it('知らない差し込み項目（【委託元名】）は拒む', () => {
    const articles = edit(copy(), 'report', 'text', (v) => {
      v.paragraphs[0] = `${v.paragraphs[0]}【委託元名】`;
    });
    expect(templateProblems(articles)[0]?.message).toContain('第9条（取扱状況の報告）の差し込み項目「【委託元名】」は使えません');
  });

  it('J.9.4 3 b) 個人データの安全管理に関する事項: 安全管理措置の項を空にすると、その条と J.9.4 3 b) を名指して拒む', () => {
    const articles = edit(copy(), 'safetyMeasures', 'text', (v) => {
      v.paragraphs[1] = '  ';
    });
    expect(templateProblems(articles).map((p) => p.message)).toEqual(['第3条（安全管理措置）の第2項を入力してください（J.9.4 3 b)の条文のため空にはできません）']);
  });

  it('J.9.4 3 c) 再委託に関する事項: 「制限」の変種の条文をすべて消すと拒む', () => {
    const articles = edit(copy(), 'subcontracting', 'restrict', (v) => {
      v.paragraphs = [];
    });
    expect(templateProblems(articles).map((p) => p.message)).toEqual([
      '第6条（再委託）「制限（甲の承認による）」の条文を入力してください（J.9.4 3 c)の条文のため空にはできません）',
    ]);
  });

  it('変種の欠けと長すぎる項は拒み、切り詰めない', () => {
    const articles = copy();
    edit(articles, 'report', 'text', (v) => {
      v.paragraphs[0] = 'あ'.repeat(2001);
    });
    const subcontracting = articles.find((a) => a.key === 'subcontracting');
    subcontracting!.variants = subcontracting!.variants.filter((v) => v.code !== 'restrict');
    const messages = templateProblems(articles).map((p) => p.message);
    expect(messages).toContain('第9条（取扱状況の報告）の第1項は2000文字以内で入力してください（2001文字入力されています）');
    expect(messages).toContain('第6条（再委託）の「制限（甲の承認による）」の条文がありません');
    expect(articles.find((a) => a.key === 'report')!.variants[0]!.paragraphs[0]).toHaveLength(2001);
  });
});

describe('J.9.4 3 の事項の確認（契約書の必須事項チェック §5.5）', () => {
  it('J.9.4 3 f) 契約内容が遵守されなかった場合の措置: 契約解除・損害賠償の言葉を消すと欠けとして出る', () => {
    const articles = edit(copy(), 'termination', 'text', (v) => {
      v.paragraphs = ['乙が本特記事項に違反したときは、甲は乙と協議する。'];
    });
    expect(templateClauseCheck(templateSetOf(articles, meta)).map((i) => i.clause)).toEqual(['J.9.4 3 f)']);
  });
});

describe('版の差分（jsdiff）', () => {
  it('書き換えた項だけが、削除と追加の文字で出る', () => {
    const before = copy();
    const after = edit(copy(), 'purposeUse', 'restrict', (v) => {
      v.paragraphs[0] = v.paragraphs[0]!.replace('書面による', '書面又は電磁的方法による');
    });
    const changes = diffTemplateArticles(before, after);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({ where: '第4条（目的外利用）「制限（甲の承認による）」', field: 'paragraph', paragraph: 1 });
    expect(
      changes[0]!.parts
        .filter((p) => p.added)
        .map((p) => p.value)
        .join(''),
    ).toContain('又は電磁的方法');
    expect(diffTemplateArticles(before, copy())).toEqual([]);
  });

  it('編集した条文と選んだ変種が生成した特記事項に入る', () => {
    const articles = edit(copy(), 'takingOut', 'restrict', (v) => {
      v.title = '持ち出しの制限（当社規程）';
    });
    const text = compose(articles, false, { ...defaultSpecialClauseChoices, takingOut: 'restrict' });
    expect(text).toContain('（持ち出しの制限（当社規程））');
    expect(text).not.toContain('（持ち出しの禁止）');
  });
});

/** An article the organization adds (plain: a heading and paragraphs). */
const added = (key: string, title: string, ...paragraphs: string[]): EditableArticle => ({ key, variants: [{ code: 'text', title, paragraphs }] });
const confidentiality = added('custom-1', '秘密保持', '乙は、受託業務に関して知り得た甲の秘密を第三者に漏らしてはならない。');

describe('条の追加・削除・並べ替え', () => {
  it('追加した条は位置で番号が付き、生成した特記事項でも第N条になり、後ろの条は繰り下がる', () => {
    const articles = copy();
    articles.splice(3, 0, confidentiality);
    expect(templateProblems(articles)).toEqual([]);
    const text = compose(articles);
    expect(text).toContain('（秘密保持）\n第4条 乙は、受託業務に関して知り得た甲の秘密を第三者に漏らしてはならない。');
    expect(text).toContain('（目的外利用の禁止）\n第5条 ');
  });

  it('新しい条の鍵は、使った custom-N の次の番号', () => {
    expect(newCustomArticleKey(copy().map((a) => a.key))).toBe('custom-1');
    expect(newCustomArticleKey(['basicDuty', 'custom-2', 'custom-7'])).toBe('custom-8');
  });

  it('並べ替えた順で生成し、削除した条は入らない', () => {
    const articles = copy().filter((a) => a.key !== 'copying');
    const termination = articles.findIndex((a) => a.key === 'termination');
    const [moved] = articles.splice(termination, 1);
    articles.splice(2, 0, moved!);
    const text = compose(articles);
    expect(text).toContain('（契約違反の場合の措置）\n第3条 ');
    expect(text).not.toContain('（複写又は複製の禁止）');
    expect(templateProblems(articles)).toEqual([]);
  });

  it('取り扱う個人情報の条を削除したひな型では、台帳の項目を紐付けていない委託先でも生成できる（その条を持つひな型では拒む）', () => {
    const input = {
      choices: defaultSpecialClauseChoices,
      principalName: '株式会社委託元',
      contractorName: '株式会社委託先',
      businessName: '発送業務',
      providedItems: [],
      collectedItems: [],
    };
    const without = copy().filter((a) => a.key !== 'handledInformation');
    const composed = composeSpecialClausesFrom(templateSetOf(without, meta), input);
    expect(composed.ok).toBe(true);
    const refused = composeSpecialClausesFrom(templateSetOf(copy(), meta), input);
    expect(refused.ok ? [] : refused.problems.map((p) => p.field)).toEqual(['providedItems']);
  });

  it('J.9.4 3 の事項の確認は全体にかかる: J.9.4 3 b) 個人データの安全管理に関する事項の条（安全管理措置）を削除するとその事項が欠けとして出る（拒まない）', () => {
    const articles = copy().filter((a) => a.key !== 'safetyMeasures');
    expect(templateProblems(articles)).toEqual([]);
    expect(templateClauseCheck(templateSetOf(articles, meta)).map((i) => i.clause)).toEqual(['J.9.4 3 b)']);
  });

  it('追加した条: 見出し・項が空、60文字を超える見出し、変種、知らない差し込み項目は第N条を名指して拒む', () => {
    const articles = [
      ...copy(),
      added('custom-1', '', ''),
      added('custom-2', 'あ'.repeat(61), '【甲】に報告する。'),
      { key: 'custom-3', variants: [{ code: 'prohibit', title: '禁止', paragraphs: ['x'] }] },
    ];
    expect(templateProblems(articles).map((p) => p.message)).toEqual([
      '第15条（見出しのない条）の見出しを入力してください',
      '第15条（見出しのない条）の第1項を入力してください',
      `第16条（${'あ'.repeat(61)}）の見出しは60文字以内で入力してください（61文字入力されています）`,
      `第16条（${'あ'.repeat(61)}）の差し込み項目「【甲】」は使えません（使えるのは【委託元】【委託先】【業務名】です）`,
      '第17条（禁止）は追加した条のため、変種（禁止・制限など）は持てません',
      '第17条（禁止）の条文がありません',
    ]);
  });

  it(`条は${TEMPLATE_LIMITS.articles}条まで、0条・知らない鍵・重複は拒む`, () => {
    const many = [...copy(), ...Array.from({ length: TEMPLATE_LIMITS.articles - 13 }, (_, i) => added(`custom-${i + 1}`, `追加${i + 1}`, '乙は、甲の指示に従う。'))];
    expect(templateProblems(many).map((p) => p.message)).toEqual([`条は${TEMPLATE_LIMITS.articles}条までです（41条あります）`]);
    expect(templateProblems([]).map((p) => p.message)).toEqual(['条文を1条以上入力してください']);
    expect(templateProblems([...copy(), added('extra', '追加', 'x')]).map((p) => p.message)).toEqual(['第15条の条文「extra」はこのひな型にありません']);
    expect(templateProblems([...copy(), confidentiality, confidentiality]).map((p) => p.message)).toEqual(['第16条（秘密保持）が重複しています']);
  });
});

describe('版の差分: 条の追加・削除・移動', () => {
  it('追加・削除・移動した条が、番号と条文つきで出る（番号がずれただけの条は移動にしない）', () => {
    const before = copy();
    const after = copy().filter((a) => a.key !== 'copying');
    after.splice(1, 0, confidentiality);
    const [report] = after.splice(
      after.findIndex((a) => a.key === 'report'),
      1,
    );
    after.push(report!);
    const changes = diffTemplateStructure(before, after);
    expect(changes.map((c) => [c.label, c.where, c.previousNumber, c.currentNumber])).toEqual([
      ['条の追加', '第2条（秘密保持）', null, 2],
      ['条の削除', '第7条（複写・複製）', 7, null],
      ['条の移動', '第14条（取扱状況の報告）', 9, 14],
    ]);
    expect(changes[0]!.text).toBe('（秘密保持）\n乙は、受託業務に関して知り得た甲の秘密を第三者に漏らしてはならない。');
    expect(changes[1]!.text).toContain('【禁止】（複写又は複製の禁止）');
    expect(diffTemplateStructure(before, copy())).toEqual([]);
    // Wording changes name the articles by their new numbers.
    edit(after, 'purposeUse', 'prohibit', (v) => {
      v.title = '目的外利用の禁止等';
    });
    expect(diffTemplateArticles(before, after).map((c) => c.where)).toEqual(['第5条（目的外利用）「禁止」']);
  });
});

describe('「第N条」の漢数字・全角数字', () => {
  const numbers = (text: string) => articleReferencesIn(text).map((r) => [r.typed, r.number, r.branch]);

  it.each([
    ['第十四条', 14],
    ['第二条', 2],
    ['第十条', 10],
    ['第二十条', 20],
    ['第二十一条', 21],
    ['第九十九条', 99],
    ['第百条', 100],
    ['第百一条', 101],
    ['第二〇条', 20],
    ['第一〇条', 10],
    ['第拾条', 10],
    ['第弐条', 2],
    ['第１４条', 14],
    ['第14条', 14],
  ])('%s は第%i条', (typed, n) => {
    expect(numbers(`乙は、${typed}に従う。`)).toEqual([[typed, n, null]]);
  });

  it('「第二条第一項」は第2条（項は条の引用に含めない）', () => {
    expect(numbers('第二条第一項に定める個人情報')).toEqual([['第二条', 2, null]]);
  });

  it('「第十条の二」「第10条の2」は枝番号のある条、「第3条の一部」「第三条の規定」は第3条', () => {
    expect(numbers('第十条の二に定める')).toEqual([['第十条の二', 10, 2]]);
    expect(numbers('第十条の二第一項')).toEqual([['第十条の二', 10, 2]]);
    expect(numbers('第10条の2による')).toEqual([['第10条の2', 10, 2]]);
    expect(numbers('第3条の一部を')).toEqual([['第3条', 3, null]]);
    expect(numbers('第三条の規定により')).toEqual([['第三条', 3, null]]);
  });

  it('法令・他の文書の条（「施行規則第十四条」「契約書第二条」「条例第五条」）は引用として読まない', () => {
    expect(numbers('施行規則第十四条、契約書第二条、条例第五条、法第七条、約款第三条、規程第二条、規定第四条')).toEqual([]);
  });

  it('崩れた漢数字（「第十十条」「第一十条」）と「第三者」は第N条として読まない', () => {
    expect(numbers('第十十条、第一十条、第三者')).toEqual([]);
  });

  it('同じ条を二通りに書いても一度（最初の書き方）', () => {
    expect(numbers('第三条及び第3条')).toEqual([['第三条', 3, null]]);
  });
});

describe('「第N条」の引用（書き換えずに警告）', () => {
  const citing = (n: number | string) => added('custom-1', '秘密保持', `乙は、第${n}条に定める安全管理措置に従い、秘密を守る。`);

  it('前の版から引用していた第3条（安全管理措置）が移動すると新しい番号を、削除すると削除を知らせ、条文は変えない', () => {
    const before = [...copy(), citing(3)];
    const moved = [...copy(), citing(3)];
    moved.splice(0, 0, ...moved.splice(2, 1));
    const warnings = templateReferenceWarnings(before, moved);
    expect(warnings.map((w) => w.message)).toEqual(['第15条（秘密保持）の第1項が引用する第3条（安全管理措置）は第1条になりました。引用している条文は書き換えていません']);
    expect(moved[14]!.variants[0]!.paragraphs[0]).toContain('第3条に定める');
    const removed = [...copy().filter((a) => a.key !== 'safetyMeasures'), citing(3)];
    expect(templateReferenceWarnings(before, removed).map((w) => w.message)).toEqual([
      '第14条（秘密保持）の第1項が引用する第3条（安全管理措置）は削除されました。引用している条文は書き換えていません',
    ]);
  });

  it('漢数字の「第三条」も同じ: 移動すると書いたままの「第三条」を名指して新しい番号を知らせる', () => {
    const before = [...copy(), citing('三')];
    const moved = [...copy(), citing('三')];
    moved.splice(0, 0, ...moved.splice(2, 1));
    expect(templateReferenceWarnings(before, moved).map((w) => [w.cited, w.message])).toEqual([
      ['第三条', '第15条（秘密保持）の第1項が引用する第三条（安全管理措置）は第1条になりました。引用している条文は書き換えていません'],
    ]);
    expect(moved[14]!.variants[0]!.paragraphs[0]).toContain('第三条に定める');
  });

  it('ない条の引用は警告し、新しく書いた引用・法令の条（施行規則第7条）は新しい番号のまま警告しない', () => {
    expect(templateReferenceWarnings(null, [...copy(), citing(20)]).map((w) => w.message)).toEqual([
      '第15条（秘密保持）の第1項が引用する第20条はありません（このひな型は第15条までです）',
    ]);
    expect(templateReferenceWarnings(null, [...copy(), citing('二十')]).map((w) => w.message)).toEqual([
      '第15条（秘密保持）の第1項が引用する第二十条はありません（このひな型は第15条までです）',
    ]);
    const moved = [...copy(), citing(1)];
    moved.splice(0, 0, ...moved.splice(2, 1));
    expect(templateReferenceWarnings([...copy()], moved)).toEqual([]);
    expect(templateReferenceWarnings(null, copy())).toEqual([]);
  });

  it('枝番号の「第十条の二」はこのひな型にない条として警告する', () => {
    expect(templateReferenceWarnings(null, [...copy(), citing('十条の二に定める措置及び第十')]).map((w) => w.message)).toEqual([
      '第15条（秘密保持）の第1項が引用する第十条の二はありません（このひな型の条は第1条から第15条までの番号で、枝番号はありません）',
    ]);
  });
});

describe('「前条」「次条」「前二条」の引用（書き換えずに警告）', () => {
  const relative = (text: string) => relativeReferencesIn(text).map((r) => [r.typed, r.targets(5)]);
  const referring = (key: string, text: string) => added(key, `${key}の見出し`, text);
  const keysOf = (articles: EditableArticle[]) => articles.map((a) => a.key);
  const messages = (previous: EditableArticle[] | null, current: EditableArticle[]) => templateReferenceWarnings(previous, current).map((w) => w.message);

  it('前条は一つ前、次条は一つ後、前二条・前2条は二つ前から（第6条から）', () => {
    expect(relative('前条、次条、前二条、前2条')).toEqual([
      ['前条', [4]],
      ['次条', [6]],
      ['前二条', [3, 4]],
      ['前2条', [3, 4]],
    ]);
  });

  it('「前各条」（前のすべての条）は、前の条が増減しても言っていることが変わらないため読まない: 既定の第13条（特定個人情報の取扱い）の前の条を削除しても警告しない', () => {
    expect(relative('前各条に定めるもののほか')).toEqual([]);
    expect(
      messages(
        copy(),
        copy().filter((a) => a.key !== 'safetyMeasures'),
      ),
    ).toEqual([]);
  });

  it('「事前条件」「前条件」「条例」は前条・次条として読まない', () => {
    expect(relative('事前条件、前条件、前条例、次条約')).toEqual([]);
  });

  it('前条を含む条を移動すると、以前と今の指す条を名指して警告する', () => {
    const before = [...copy(), referring('custom-1', '前条の規定にかかわらず、乙は秘密を守る。')];
    const moved = [...before];
    moved.splice(3, 0, ...moved.splice(14, 1));
    expect(keysOf(moved).slice(2, 5)).toEqual(['safetyMeasures', 'custom-1', 'purposeUse']);
    expect(messages(before, moved)).toEqual([
      '第4条（custom-1の見出し）の第1項の「前条」は、以前は第14条（契約違反の場合の措置）を指していましたが、今は第3条（安全管理措置）を指します。引用している条文は書き換えていません',
    ]);
    expect(moved[3]!.variants[0]!.paragraphs[0]).toBe('前条の規定にかかわらず、乙は秘密を守る。');
  });

  it('前条の条の前に条を追加・削除・移動すると警告し、両方の前に追加して番号がずれただけなら警告しない', () => {
    const before = [...copy(), referring('custom-1', '前条の規定にかかわらず、乙は秘密を守る。')];
    const insertedBetween = [...copy(), referring('custom-2', '新しい条。'), before[14]!];
    expect(messages(before, insertedBetween)).toEqual([
      '第16条（custom-1の見出し）の第1項の「前条」は、以前は第14条（契約違反の場合の措置）を指していましたが、今は第15条（custom-2の見出し）を指します。引用している条文は書き換えていません',
    ]);
    const removedBefore = [...copy().filter((a) => a.key !== 'termination'), before[14]!];
    expect(messages(before, removedBefore)).toEqual([
      '第14条（custom-1の見出し）の第1項の「前条」は、以前は第14条（契約違反の場合の措置）を指していましたが、今は第13条（特定個人情報の取扱い）を指します。引用している条文は書き換えていません',
    ]);
    const addedAtTop = [referring('custom-2', '新しい条。'), ...before];
    expect(messages(before, addedAtTop)).toEqual([]);
  });

  it('次条: 後ろの条を移動すると警告し、最後の条になると「今は指す条がありません」', () => {
    const before = [referring('custom-1', '次条に定める措置を講じる。'), ...copy()];
    const swapped = [before[0]!, before[2]!, before[1]!, ...before.slice(3)];
    expect(messages(before, swapped)).toEqual([
      '第1条（custom-1の見出し）の第1項の「次条」は、以前は第2条（委託者及び受託者の責任）を指していましたが、今は第2条（取り扱う個人情報の範囲等）を指します。引用している条文は書き換えていません',
    ]);
    const last = [...before.slice(1), before[0]!];
    expect(messages(before, last)).toEqual([
      '第15条（custom-1の見出し）の第1項の「次条」は、以前は第2条（委託者及び受託者の責任）を指していましたが、今は指す条がありません。引用している条文は書き換えていません',
    ]);
  });

  it('前二条: 二つ前までの一つが入れ替わると両方を名指す', () => {
    const before = [...copy(), referring('custom-1', '前二条の規定は、契約の終了後も効力を有する。')];
    const removed = [...copy().filter((a) => a.key !== 'specificPersonalInfo'), before[14]!];
    expect(messages(before, removed)).toEqual([
      '第14条（custom-1の見出し）の第1項の「前二条」は、以前は第13条（特定個人情報の取扱い）・第14条（契約違反の場合の措置）を指していましたが、今は第12条（資料等の返還・廃棄）・第13条（契約違反の場合の措置）を指します。引用している条文は書き換えていません',
    ]);
  });

  it('指す条がない前条・次条（第1条の「前条」、最後の条の「次条」）は、新しく書いたものでも警告する', () => {
    expect(messages(null, [referring('custom-1', '前条に従う。'), ...copy()])).toEqual([
      '第1条（custom-1の見出し）の第1項の「前条」が指す条はありません（このひな型は第1条から第15条までです）',
    ]);
    expect(messages(null, [...copy(), referring('custom-1', '次条に従う。')])).toEqual([
      '第15条（custom-1の見出し）の第1項の「次条」が指す条はありません（このひな型は第1条から第15条までです）',
    ]);
  });

  it('新しく書いた前条、前の版からの意味が同じ前条は警告しない', () => {
    const before = [...copy(), referring('custom-1', '秘密を守る。')];
    const typedAnew = [...copy(), referring('custom-1', '前条の規定にかかわらず、秘密を守る。')];
    expect(messages(before, typedAnew)).toEqual([]);
    const reworded = [...copy(), referring('custom-1', '前条の規定にかかわらず、乙は秘密を守る。')];
    expect(messages(typedAnew, reworded)).toEqual([]);
  });
});

describe('取り扱う個人情報の条（第2条）の位置', () => {
  it('既定では第2条、見出しは「取り扱う個人情報の範囲等」', () => {
    expect(handledInformationArticle(templateSetOf(copy(), meta))).toEqual({ title: '取り扱う個人情報の範囲等', number: 2, numberWithoutSpecificPersonalInfo: 2 });
  });

  it('移動すると作成した特記事項と同じ番号（特定個人情報の条より後ろなら、特定個人情報なしで一つ繰り上がる）', () => {
    const articles = copy();
    articles.splice(13, 0, ...articles.splice(1, 1));
    const found = handledInformationArticle(templateSetOf(articles, meta));
    expect(found).toEqual({ title: '取り扱う個人情報の範囲等', number: 14, numberWithoutSpecificPersonalInfo: 13 });
    expect(compose(articles, true)).toContain('（取り扱う個人情報の範囲等）\n第14条');
    expect(compose(articles, false)).toContain('（取り扱う個人情報の範囲等）\n第13条');
  });

  it('削除すると null（作成した特記事項に取り扱う個人情報は入らない）', () => {
    const articles = copy().filter((a) => a.key !== 'handledInformation');
    expect(handledInformationArticle(templateSetOf(articles, meta))).toBeNull();
    expect(compose(articles)).not.toContain('取り扱う個人情報の範囲等');
    expect(compose(articles)).not.toContain('顧客名簿');
  });
});
