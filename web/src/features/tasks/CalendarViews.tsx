import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import type { CalendarItem, Task } from './api.ts';
import { useTaskText } from './messages.ts';

// The PMS year as a calendar (SPEC §3 Tasks & calendar, Setagaya 運用スケジュール): a month view
// (a table of weeks, each day listing its tasks and the year plan's items due that day) and a
// year view (twelve months, each listing what falls due in it). Dates are YYYY-MM-DD strings of
// Japan's calendar; no local time zone is involved.

/** A task as the calendar shows it (the fields it reads, from the contract's task). */
export type CalendarTask = Pick<Task, 'id' | 'title' | 'dueOn' | 'progress' | 'progressLabel' | 'calendarItemId' | 'departmentName'>;

/** A day shows this many entries; the rest are counted (the list has them all). */
const DAY_LIMIT = 4;

/** An entry of a day: one of the tasks, or an occurrence of the year plan that has no task yet. */
type Entry = { kind: 'task'; task: CalendarTask } | { kind: 'plan'; item: CalendarItem; dueOn: string };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** Each day's entries: tasks, and the plan's occurrences not yet turned into a task. */
function entriesByDay(tasks: readonly CalendarTask[], items: readonly CalendarItem[]): Map<string, Entry[]> {
  const days = new Map<string, Entry[]>();
  const add = (day: string, e: Entry) => days.set(day, [...(days.get(day) ?? []), e]);
  for (const task of tasks) add(task.dueOn, { kind: 'task', task });
  for (const item of items) {
    if (!item.active) continue;
    for (const o of item.occurrences ?? []) {
      if (tasks.some((t) => t.calendarItemId === item.id && t.dueOn === o.dueOn)) continue;
      add(o.dueOn, { kind: 'plan', item, dueOn: o.dueOn });
    }
  }
  return days;
}

const progressColor: Record<string, string> = { not_started: 'default', in_progress: 'processing', done: 'success', overdue: 'error', cancelled: 'default' };

function EntryLine({ entry, onOpenTask }: { entry: Entry; onOpenTask: (id: string) => void }) {
  const tx = useTaskText();
  if (entry.kind === 'task') {
    return (
      <Button
        type="link"
        size="small"
        style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }}
        onClick={() => onOpenTask(entry.task.id)}
        data-testid={`calendar-task-${entry.task.id}`}
      >
        <Tag color={progressColor[entry.task.progress]} style={{ marginInlineEnd: 4 }}>
          {entry.task.progressLabel}
        </Tag>
        {entry.task.title}
        {entry.task.departmentName ? `（${entry.task.departmentName}）` : ''}
      </Button>
    );
  }
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      <Tag color="blue" style={{ marginInlineEnd: 4 }}>
        {tx('calendar.plan')}
      </Tag>
      {entry.item.title}
    </Typography.Text>
  );
}

/** Previous / next / today, with the period's title. */
function Pager({ title, onPrev, onNext, onToday }: { title: string; onPrev: () => void; onNext: () => void; onToday: () => void }) {
  const tx = useTaskText();
  return (
    <Space style={{ marginBottom: 12 }}>
      <Button icon={<LeftOutlined />} onClick={onPrev} aria-label={tx('calendar.prev')} />
      <Typography.Title level={4} style={{ margin: 0, minWidth: 140, textAlign: 'center' }} data-testid="calendar-title">
        {title}
      </Typography.Title>
      <Button icon={<RightOutlined />} onClick={onNext} aria-label={tx('calendar.next')} />
      <Button onClick={onToday}>{tx('calendar.today')}</Button>
    </Space>
  );
}

/** 月: a table of the month's weeks (Sunday first); today is marked. */
export function MonthView({
  year,
  month,
  today,
  tasks,
  items,
  onMove,
  onOpenTask,
}: {
  year: number;
  month: number;
  today: string;
  tasks: readonly CalendarTask[];
  items: readonly CalendarItem[];
  onMove: (year: number, month: number) => void;
  onOpenTask: (id: string) => void;
}) {
  const tx = useTaskText();
  const days = entriesByDay(tasks, items);
  const first = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const cells: (number | null)[] = [...Array.from({ length: first }, () => null), ...Array.from({ length: daysIn(year, month) }, (_, i) => i + 1)];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
  const weekdays = tx('calendar.weekdays').split(',');
  const move = (delta: number) => {
    const index = year * 12 + (month - 1) + delta;
    onMove(Math.floor(index / 12), (index % 12) + 1);
  };
  const [ty, tm] = today.split('-').map(Number);
  return (
    <Card data-testid="calendar-month">
      <Pager title={tx('calendar.monthTitle', { year, month })} onPrev={() => move(-1)} onNext={() => move(1)} onToday={() => onMove(ty ?? year, tm ?? month)} />
      <table className="mm-month" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
        <caption className="mm-visually-hidden" style={{ position: 'absolute', left: -10000 }}>
          {tx('calendar.monthTitle', { year, month })}
        </caption>
        <thead>
          <tr>
            {weekdays.map((d, i) => (
              <th key={d} scope="col" style={{ padding: 4, color: i === 0 ? '#cf1322' : i === 6 ? '#1d4f91' : undefined, fontWeight: 600 }}>
                {d}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.map((d) => d ?? '-').join('.')}>
              {week.map((d, i) => {
                const day = d ? iso(year, month, d) : null;
                const entries = day ? (days.get(day) ?? []) : [];
                return (
                  <td
                    // biome-ignore lint/suspicious/noArrayIndexKey: the weekday position is the cell's identity
                    key={i}
                    style={{
                      verticalAlign: 'top',
                      border: '1px solid #f0f0f0',
                      height: 96,
                      padding: 4,
                      background: day === today ? '#e6f4ff' : undefined,
                    }}
                    data-testid={day ? `calendar-day-${day}` : undefined}
                  >
                    {d ? (
                      <>
                        <div style={{ fontWeight: day === today ? 700 : 400, fontSize: 12 }}>{d}</div>
                        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                          {entries.slice(0, DAY_LIMIT).map((e) => (
                            <EntryLine key={e.kind === 'task' ? e.task.id : `${e.item.id}:${e.dueOn}`} entry={e} onOpenTask={onOpenTask} />
                          ))}
                          {entries.length > DAY_LIMIT ? (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {tx('calendar.more', { count: entries.length - DAY_LIMIT })}
                            </Typography.Text>
                          ) : null}
                        </Space>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** 年: twelve months, each with the plan's items and the tasks due in it. */
export function YearView({
  year,
  today,
  tasks,
  items,
  onMove,
  onOpenTask,
  onOpenMonth,
}: {
  year: number;
  today: string;
  tasks: readonly CalendarTask[];
  items: readonly CalendarItem[];
  onMove: (year: number) => void;
  onOpenTask: (id: string) => void;
  onOpenMonth: (month: number) => void;
}) {
  const tx = useTaskText();
  const days = entriesByDay(tasks, items);
  const ty = Number(today.slice(0, 4));
  return (
    <div data-testid="calendar-year">
      <Pager title={tx('calendar.yearTitle', { year })} onPrev={() => onMove(year - 1)} onNext={() => onMove(year + 1)} onToday={() => onMove(ty)} />
      <Row gutter={[12, 12]}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => {
          const prefix = `${year}-${pad(m)}-`;
          const entries = [...days.entries()]
            .filter(([day]) => day.startsWith(prefix))
            .sort(([a], [b]) => a.localeCompare(b))
            .flatMap(([day, list]) => list.map((e) => ({ day, e })));
          return (
            <Col xs={24} md={12} xl={8} key={m}>
              <Card
                size="small"
                title={
                  <Button type="link" style={{ padding: 0 }} onClick={() => onOpenMonth(m)}>
                    {tx('calendar.monthTitle', { year, month: m })}
                  </Button>
                }
                data-testid={`calendar-year-month-${m}`}
              >
                {entries.length === 0 ? (
                  <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('calendar.nothing')} />
                ) : (
                  <List
                    size="small"
                    dataSource={entries.slice(0, 8)}
                    renderItem={({ day, e }) => (
                      <List.Item style={{ padding: '2px 0' }}>
                        <Space size={6} align="start">
                          <Typography.Text type="secondary" style={{ fontSize: 12, minWidth: 32, whiteSpace: 'nowrap' }}>
                            {tx('calendar.day', { day: Number(day.slice(8)) })}
                          </Typography.Text>
                          <EntryLine entry={e} onOpenTask={onOpenTask} />
                        </Space>
                      </List.Item>
                    )}
                    footer={entries.length > 8 ? <Typography.Text type="secondary">{tx('calendar.more', { count: entries.length - 8 })}</Typography.Text> : undefined}
                  />
                )}
              </Card>
            </Col>
          );
        })}
      </Row>
    </div>
  );
}
