import { describe, expect, it } from 'vitest';
import { setagayaQuestionnaire } from '../data/contractorCriteria.ts';
import { diffCriteria } from './criteriaDiff.ts';

// J.9.4 s) 「個人情報保護管理者は毎年 12 月に委託先の選定基準を見直し、「委託先審査表」に定める」:
// the difference between last year's criteria set and this year's, items matched by code.

const base = setagayaQuestionnaire;
const withItems = (items: { code: string; text: string; coversOthers?: boolean }[]) => ({ items });

describe('J.9.4 s) 委託先の選定基準の見直し: 版の差分（評価項目の番号で対応づけ）', () => {
  it('同じ版どうしは差分なし', () => {
    expect(diffCriteria(base, base)).toEqual([]);
  });

  it('評価項目の追加: 10 番目の項目が「評価項目の追加」として出る', () => {
    const next = withItems([...base.items, { code: '10', text: '委託先従業者への個人情報保護教育の実施' }]);
    expect(diffCriteria(base, next)).toEqual([{ kind: 'added', label: '評価項目の追加', code: '10', previousText: null, currentText: '委託先従業者への個人情報保護教育の実施' }]);
  });

  it('評価項目の削除: 調査票 2「継続的な取引があるか」を外すと「評価項目の削除」として以前の文言つきで出る', () => {
    const next = withItems(base.items.filter((i) => i.code !== '2'));
    expect(diffCriteria(base, next)).toEqual([{ kind: 'removed', label: '評価項目の削除', code: '2', previousText: '継続的な取引があるか', currentText: null }]);
  });

  it('文言の変更: 同じ番号で文言が変わると前後の文言つきで「文言の変更」', () => {
    const next = withItems(base.items.map((i) => (i.code === '3' ? { ...i, text: '個人情報の漏えい等の防止策（技術的安全管理措置を含む）の実施有無' } : i)));
    expect(diffCriteria(base, next)).toEqual([
      {
        kind: 'reworded',
        label: '文言の変更',
        code: '3',
        previousText: '個人情報の漏えい防止策の実施有無',
        currentText: '個人情報の漏えい等の防止策（技術的安全管理措置を含む）の実施有無',
      },
    ]);
  });

  it('並べ替えだけでは差分なし（位置ではなく番号で対応づける）', () => {
    expect(diffCriteria(base, withItems([...base.items].reverse()))).toEqual([]);
  });

  it('前後の空白だけの違いは文言の変更としない', () => {
    const next = withItems(base.items.map((i) => (i.code === '4' ? { ...i, text: ` ${i.text} ` } : i)));
    expect(diffCriteria(base, next)).toEqual([]);
  });

  it('調査票 1 プライバシーマーク: 他の項目を代替する扱いをやめると「他の項目を代替する扱いの変更」', () => {
    const next = withItems(base.items.map((i) => (i.code === '1' ? { code: '1', text: i.text } : i)));
    expect(diffCriteria(base, next).map((c) => [c.kind, c.code, c.label])).toEqual([['coverage', '1', '他の項目を代替する扱いの変更']]);
  });

  it('番号を付け替えた項目は、古い番号の削除と新しい番号の追加として出る（追加が先、削除が後）', () => {
    const next = withItems(base.items.map((i) => (i.code === '9' ? { ...i, code: '9a' } : i)));
    expect(diffCriteria(base, next).map((c) => [c.kind, c.code])).toEqual([
      ['added', '9a'],
      ['removed', '9'],
    ]);
  });

  it('追加・削除・文言の変更が同時にあれば、すべて出る', () => {
    const next = withItems([
      ...base.items.filter((i) => i.code !== '2').map((i) => (i.code === '5' ? { ...i, text: '事故発生時の担当窓口と責任者の設置及び周知' } : i)),
      { code: '10', text: '再委託先の選定基準の有無' },
    ]);
    expect(diffCriteria(base, next).map((c) => c.label)).toEqual(['文言の変更', '評価項目の追加', '評価項目の削除']);
  });
});
