import { describe, expect, it } from 'vitest';
import { defaultSpecialClauseChoices, composeSpecialClausesFrom, specialClausesText } from './specialClauses.ts';
import { defaultEditableArticles, diffTemplateArticles, type EditableArticle, templateClauseCheck, templateProblems, templateSetOf } from './specialClauseTemplate.ts';

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

  it('条・変種の欠けと長すぎる項は拒み、切り詰めない', () => {
    const articles = copy().filter((a) => a.key !== 'incident');
    edit(articles, 'report', 'text', (v) => {
      v.paragraphs[0] = 'あ'.repeat(2001);
    });
    const messages = templateProblems(articles).map((p) => p.message);
    expect(messages).toContain('第9条（取扱状況の報告）の第1項は2000文字以内で入力してください（2001文字入力されています）');
    expect(messages).toContain('第11条（事故発生時の報告・連絡）がありません');
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
