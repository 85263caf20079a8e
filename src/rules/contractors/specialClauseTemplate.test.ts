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
  templateProblems,
  templateReferenceWarnings,
  templateSetOf,
} from './specialClauseTemplate.ts';

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

describe('「第N条」の引用（書き換えずに警告）', () => {
  const citing = (n: number) => added('custom-1', '秘密保持', `乙は、第${n}条に定める安全管理措置に従い、秘密を守る。`);

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

  it('ない条の引用は警告し、新しく書いた引用・法令の条（施行規則第7条）は新しい番号のまま警告しない', () => {
    expect(templateReferenceWarnings(null, [...copy(), citing(20)]).map((w) => w.message)).toEqual([
      '第15条（秘密保持）の第1項が引用する第20条はありません（このひな型は第15条までです）',
    ]);
    const moved = [...copy(), citing(1)];
    moved.splice(0, 0, ...moved.splice(2, 1));
    expect(templateReferenceWarnings([...copy()], moved)).toEqual([]);
    expect(templateReferenceWarnings(null, copy())).toEqual([]);
  });
});
