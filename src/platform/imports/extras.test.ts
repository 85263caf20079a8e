import { describe, expect, it } from 'vitest';
import { EXTRAS_HEADING, formatExtras, isRowNumberHeading, keptColumns, parseExtras } from './extras.ts';

// 取込時の追加情報 (issue #12 stage 3): unmapped columns kept as heading/value pairs, written to one
// export cell and read back unchanged.

describe('取込時の追加情報', () => {
  it('行番号だけの列は残さない（No.・番号・連番・項番・#、全角も）', () => {
    for (const h of ['No.', 'NO', 'Ｎｏ．', '番号', '連番', '通し番号', '項番', '#']) expect(isRowNumberHeading(h), h).toBe(true);
    for (const h of ['管理番号', '備考', 'リスク']) expect(isRowNumberHeading(h), h).toBe(false);
  });

  it('既定では対応しない列のうち行番号・出力の状態の列・追加情報の列そのもの以外を残し、keep を渡せばその列だけ', () => {
    const unmapped = ['No.', '備考', '管理番号', '版', EXTRAS_HEADING];
    expect(keptColumns(unmapped, ['版'])).toEqual(['備考', '管理番号']);
    expect(keptColumns(unmapped, ['版'], ['管理番号', 'ない列', EXTRAS_HEADING])).toEqual(['管理番号']);
    expect(keptColumns(unmapped, ['版'], [])).toEqual([]);
  });

  it('出力のセル（「見出し: 値」を1行ずつ）は、複数行の値も含めて同じ組に読み戻す', () => {
    const extras = [
      { heading: '備考', value: '年1回棚卸' },
      { heading: 'リスク総合評価', value: '中\n（漏えい）' },
      { heading: '管理番号', value: '' },
    ];
    expect(formatExtras(extras)).toBe('備考: 年1回棚卸\nリスク総合評価: 中\n（漏えい）\n管理番号: ');
    expect(parseExtras(formatExtras(extras))).toEqual(extras);
    expect(parseExtras('備考：全角のコロン')).toEqual([{ heading: '備考', value: '全角のコロン' }]);
    expect(parseExtras('見出しのない文')).toEqual([{ heading: EXTRAS_HEADING, value: '見出しのない文' }]);
    expect(formatExtras(null)).toBe('');
  });
});
