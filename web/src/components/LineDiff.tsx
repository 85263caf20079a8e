import type { DiffLine } from '../../../src/rules/notices/versions.ts';

const marks: Record<DiffLine['op'], string> = { added: '＋', removed: '－', same: '　' };
const colours: Record<DiffLine['op'], { background?: string; color?: string }> = {
  added: { background: '#e6ffec', color: '#0a3622' },
  removed: { background: '#ffebe9', color: '#67060c' },
  same: {},
};

/**
 * 版の比較の本文: the lines of `diffLines` (src/rules/notices/versions.ts, jsdiff) one under another,
 * an added line as <ins> marked ＋, a removed one as <del> marked －, so that a screen reader says
 * which is which. Used by the 通知文 (J.8.5) and the 個人情報保護方針 (J.2.2) screens.
 */
export function LineDiff({ lines, testId }: { lines: readonly DiffLine[]; testId: string }) {
  return (
    <div style={{ border: '1px solid #d9d9d9', borderRadius: 6, padding: 8 }} data-testid={testId}>
      {lines.map((line, i) => {
        const Line = line.op === 'added' ? 'ins' : line.op === 'removed' ? 'del' : 'div';
        return (
          <Line
            // biome-ignore lint/suspicious/noArrayIndexKey: lines of a diff have no identity but their position
            key={i}
            style={{ display: 'block', whiteSpace: 'pre-wrap', padding: '1px 4px', ...colours[line.op] }}
            data-change={line.op}
          >
            {`${marks[line.op]} ${line.text}`}
          </Line>
        );
      })}
    </div>
  );
}
