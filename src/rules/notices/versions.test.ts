import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkNoticeItems, noticeItems } from '../requiredItems/checkers.ts';
import { type DiffLine, diffLines, planEdit, publicationBlockers } from './versions.ts';

// 通知文・方針・公表事項の版 (issue 14 M6): 公開済みの版は変えず、編集は新しい下書きになる。

describe('版の編集（公開済みの版は不変）', () => {
  it('版がなければ第1版の下書きを作る', () => {
    expect(planEdit([])).toEqual({ kind: 'new_draft', versionNo: 1 });
  });

  it('最新が下書きならその下書きを変える', () => {
    expect(
      planEdit([
        { versionNo: 1, status: 'published' },
        { versionNo: 2, status: 'draft' },
      ]),
    ).toEqual({ kind: 'update_draft', versionNo: 2 });
  });

  it('最新が公開済みなら、その版は変えず次の番号の下書きを作る', () => {
    expect(
      planEdit([
        { versionNo: 2, status: 'published' },
        { versionNo: 1, status: 'published' },
      ]),
    ).toEqual({ kind: 'new_draft', versionNo: 3 });
  });
});

describe('公開の可否（J.8.5 1 の必要通知事項が欠けていれば公開しない）', () => {
  it('欠けた事項を条項と規程の文言つきの日本語で返す', () => {
    const ticked = noticeItems.map((i) => i.code).filter((c) => c !== 'J.8.5-1-c');
    expect(publicationBlockers('draft', checkNoticeItems({ ticked }))).toEqual(['J.8.5 1 c) 利用目的 が記載されていません']);
  });

  it('全て揃った下書きは公開できる', () => {
    expect(publicationBlockers('draft', checkNoticeItems({ ticked: noticeItems.map((i) => i.code) }))).toEqual([]);
  });

  it('公開済みの版は再公開も変更もできない', () => {
    const blockers = publicationBlockers('published', checkNoticeItems({ ticked: noticeItems.map((i) => i.code) }));
    expect(blockers).toHaveLength(1);
    expect(blockers[0]).toContain('公開済み');
  });
});

describe('版の比較（行単位の差分）', () => {
  it('変わった行を削除と追加で、変わらない行をそのまま示す', () => {
    const before = '1. 利用目的\n会員管理のため\n2. 第三者提供\n行いません';
    const after = '1. 利用目的\n会員管理及びお知らせの送付のため\n2. 第三者提供\n行いません\n3. 委託\n発送業務を委託します';
    expect(diffLines(before, after)).toEqual([
      { op: 'same', text: '1. 利用目的' },
      { op: 'removed', text: '会員管理のため' },
      { op: 'added', text: '会員管理及びお知らせの送付のため' },
      { op: 'same', text: '2. 第三者提供' },
      { op: 'same', text: '行いません' },
      { op: 'added', text: '3. 委託' },
      { op: 'added', text: '発送業務を委託します' },
    ]);
  });

  it('同じ文面なら全ての行が same', () => {
    expect(diffLines('a\nb', 'a\nb').every((l) => l.op === 'same')).toBe(true);
  });

  it('差分の same と removed から旧文面、same と added から新文面が戻る', () => {
    const before = 'あ\nい\nう\nえ';
    const after = 'い\nお\nう\nか';
    const d = diffLines(before, after);
    expect(
      d
        .filter((l) => l.op !== 'added')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(before);
    expect(
      d
        .filter((l) => l.op !== 'removed')
        .map((l) => l.text)
        .join('\n'),
    ).toBe(after);
  });
  it('入れ替えた行は、元の位置で削除・新しい位置で追加として示す（jsdiff の行差分）', () => {
    const before = '1. 利用目的\n会員管理のため\n2. 第三者提供\n行いません';
    const after = '2. 第三者提供\n1. 利用目的\n会員管理のため\n行いません（法令に基づく場合を除く）';
    expect(diffLines(before, after)).toEqual([
      { op: 'added', text: '2. 第三者提供' },
      { op: 'same', text: '1. 利用目的' },
      { op: 'same', text: '会員管理のため' },
      { op: 'removed', text: '2. 第三者提供' },
      { op: 'removed', text: '行いません' },
      { op: 'added', text: '行いません（法令に基づく場合を除く）' },
    ]);
  });

  it('改行コード（CRLF）と最後の行の改行の有無は違いとしない', () => {
    expect(diffLines('1. 利用目的\r\n会員管理のため', '1. 利用目的\n会員管理のため\n')).toEqual([
      { op: 'same', text: '1. 利用目的' },
      { op: 'same', text: '会員管理のため' },
    ]);
  });

  it('どんな文面の組でも、same と removed から旧文面、same と added から新文面が戻る', () => {
    // Few distinct lines, so that the texts share lines in many orders.
    const text = fc.array(fc.constantFrom('', 'あ', 'い', 'う', '1. 利用目的'), { maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(
      fc.property(text, text, (before, after) => {
        const d = diffLines(before, after);
        const lines = (omit: DiffLine['op']) =>
          d
            .filter((l) => l.op !== omit)
            .map((l) => l.text)
            .join('\n');
        // The last line's newline is not a line of its own (see the CRLF test above).
        expect(lines('added')).toBe(before.replace(/\n$/, ''));
        expect(lines('removed')).toBe(after.replace(/\n$/, ''));
      }),
    );
  });
});
