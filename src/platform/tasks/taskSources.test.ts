import { describe, expect, it } from 'vitest';
import { taskSourceOf } from './tasks.presenters.ts';

// Tasks are actionable (Principle 4): each says what produced it and opens the work it points
// at — the module that creates a kind of task declares both in its manifest (`tasks`).
describe('タスクの発生元と作業を開くリンク', () => {
  it('事故等の対応タスクは事案の画面を開く', () => {
    expect(taskSourceOf('incident', 'a1b2')).toEqual({ sourceLabel: '事故等の対応', link: '/incidents/a1b2' });
  });
  it('台帳の廃棄タスクは台帳の項目を、リスク分析のタスクはリスク分析の画面を開く', () => {
    expect(taskSourceOf('inventory_disposal', 'e1')).toEqual({ sourceLabel: '台帳の廃棄', link: '/inventory/entries/e1' });
    expect(taskSourceOf('risk_monitoring', 'r1')).toEqual({ sourceLabel: '残存リスクのモニタリング', link: '/risk' });
  });
  it('PMSカレンダーと手動のタスクはタスク自身で完了する（リンクなし）、発生元のないタスクは何も示さない', () => {
    expect(taskSourceOf('calendar', 'c1')).toEqual({ sourceLabel: 'PMSカレンダー', link: null });
    expect(taskSourceOf(null, null)).toEqual({ sourceLabel: null, link: null });
    expect(taskSourceOf('unknown_kind', 'x')).toEqual({ sourceLabel: null, link: null });
  });
});
