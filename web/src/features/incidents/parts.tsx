import { Alert, Descriptions, Input, List, Space, Steps, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useEffect, useState } from 'react';
import { readDate } from '../../../../src/domain/dateInput.ts';
import { readTime, typedDateTime } from '../../../../src/domain/timeInput.ts';
import type { IncidentDutiesResult, MissingFact } from '../../../../src/rules/incidentDuties.ts';
import { dutyStatusLabels, incidentPhaseLabels, incidentStatusLabels } from '../../../../src/modules/incidents/incidents.labels.ts';
import { DateInput } from '../../components/form.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import type { IncidentDetail } from './api.ts';
import { type IncidentTranslate, useIncidentT, useLocalized } from './messages.ts';

/** The deadline of a duty as people say it: 期限 / 目安 / 速やかに / 直ちに. */
export function deadlineText(
  duty: { kind: string; timing: string; dueOn: string | null; targetFrom: string | null; targetTo: string | null },
  t: IncidentTranslate,
  format: (date: string) => string,
): string {
  if (duty.timing === 'immediately') return t('duty.immediately', { date: duty.dueOn ? format(duty.dueOn) : '' });
  if (duty.dueOn && duty.targetFrom && duty.targetTo) return t('duty.publicBody', { from: format(duty.targetFrom), to: format(duty.targetTo), date: format(duty.dueOn) });
  if (duty.dueOn) return t('duty.due', { date: format(duty.dueOn) });
  if (duty.targetFrom && duty.targetTo) return `${t('duty.promptly')}（${t('duty.target', { from: format(duty.targetFrom), to: format(duty.targetTo) })}）`;
  return t('duty.promptly');
}

/** A date formatter following the user's calendar preference (和暦 on request). */
export function useDateFormat() {
  const { calendar } = useI18n();
  return (date: string) => formatDate(date, calendar);
}

/** あと3日 / 今日まで / 2日超過 / 速やかに, coloured by urgency. */
export function CountdownTag({ daysLeft, done, hideUndated }: { daysLeft: number | null; done?: boolean; hideUndated?: boolean }) {
  const t = useIncidentT();
  if (done) return null;
  if (daysLeft === null) return hideUndated ? null : <Tag>{t('dash.promptly')}</Tag>;
  if (daysLeft < 0) return <Tag color="error">{t('dash.overdueDays', { days: -daysLeft })}</Tag>;
  if (daysLeft === 0) return <Tag color="volcano">{t('dash.today')}</Tag>;
  return <Tag color={daysLeft <= 2 ? 'orange' : 'blue'}>{t('dash.daysLeft', { days: daysLeft })}</Tag>;
}

export function IncidentStatusTag({ status }: { status: keyof typeof incidentStatusLabels }) {
  const label = useLocalized();
  const color = status === 'closed' ? 'default' : status === 'closing' ? 'purple' : status === 'reported' ? 'red' : 'gold';
  return <Tag color={color}>{label(incidentStatusLabels[status])}</Tag>;
}

export function PhaseTag({ phase }: { phase: keyof typeof incidentPhaseLabels }) {
  const label = useLocalized();
  return <Tag color="geekblue">{label(incidentPhaseLabels[phase])}</Tag>;
}

export function DutyStatusTag({ status }: { status: keyof typeof dutyStatusLabels }) {
  const label = useLocalized();
  return <Tag color={status === 'done' ? 'success' : status === 'not_required' ? 'default' : 'warning'}>{label(dutyStatusLabels[status])}</Tag>;
}

type DutyLike = {
  kind: string;
  label: string;
  recipient: string;
  basis: string;
  reason: string;
  timing: string;
  dueOn: string | null;
  targetFrom: string | null;
  targetTo: string | null;
};

/** One duty with its deadline, recipient, basis (law and clause) and reason. */
export function DutyBlock({ duty, extra, testId }: { duty: DutyLike; extra?: ReactNode; testId?: string }) {
  const t = useIncidentT();
  const format = useDateFormat();
  return (
    <div className="mm-duty" data-testid={testId} data-kind={duty.kind}>
      <Space wrap size={6} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{duty.label}</Typography.Text>
        <Tag color="blue" data-testid="duty-deadline">
          {deadlineText(duty, t, format)}
        </Tag>
        {extra}
      </Space>
      <Descriptions size="small" column={1} colon styles={{ label: { width: 72, color: '#666' } }}>
        <Descriptions.Item label={t('duty.recipient')}>{duty.recipient}</Descriptions.Item>
        <Descriptions.Item label={t('duty.basis')}>
          <span data-testid="duty-basis">{duty.basis}</span>
        </Descriptions.Item>
        <Descriptions.Item label={t('duty.reason')}>
          <span data-testid="duty-reason">{duty.reason}</span>
        </Descriptions.Item>
      </Descriptions>
    </div>
  );
}

/**
 * 事実の不足 (issue #10): the facts the answer still depends on, each with why (the clause). With no
 * duty yet it says the duties cannot be decided — never that there are none; beside duties it
 * warns that more may follow.
 */
export function MissingFactsAlert({ missing, hasDuties }: { missing: readonly MissingFact[]; hasDuties: boolean }) {
  const t = useIncidentT();
  if (missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="missing-facts"
      style={{ marginBottom: 12 }}
      title={hasDuties ? t('missing.more') : t('missing.undecided')}
      description={
        <List
          size="small"
          dataSource={[...missing]}
          renderItem={(m) => (
            <List.Item style={{ paddingInline: 0 }}>
              <div>
                <Typography.Text strong>{`${t('missing.label')}: ${m.label}`}</Typography.Text>
                <div>{m.reason}</div>
              </div>
            </List.Item>
          )}
        />
      }
    />
  );
}

/** Why duties are absent: the engine's exclusions (e.g. 高度な暗号化), why events are not 漏えい等, and notes. */
export function WhyPanel({ evaluation }: { evaluation: Pick<IncidentDutiesResult, 'exclusions' | 'notIncidentReasons' | 'notes'> }) {
  const t = useIncidentT();
  return (
    <>
      {evaluation.exclusions.length > 0 ? (
        <Alert
          type="info"
          showIcon
          data-testid="exclusions"
          style={{ marginTop: 12 }}
          title={t('preview.exclusions')}
          description={
            <List
              size="small"
              dataSource={evaluation.exclusions}
              renderItem={(e) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <div>
                    <Typography.Text strong>{e.label}</Typography.Text>
                    <div>{e.reason}</div>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('duty.basis')}: {e.basis}
                    </Typography.Text>
                  </div>
                </List.Item>
              )}
            />
          }
        />
      ) : null}
      {evaluation.notIncidentReasons.length > 0 ? (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 12 }}
          title={t('preview.notIncidentReasons')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {evaluation.notIncidentReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      ) : null}
      {evaluation.notes.length > 0 ? (
        <Alert
          type="warning"
          style={{ marginTop: 12 }}
          title={t('preview.notes')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 18 }}>
              {evaluation.notes.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </>
  );
}

/** A date-and-time field whose value is an ISO 8601 string with the offset (Japan time in Japan). */
export function DateTimeInput({
  value,
  onChange,
  onBlur,
  id,
  status,
}: {
  value: string | null | undefined;
  onChange: (v: string | null) => void;
  onBlur?: () => void;
  id?: string;
  status?: 'error';
}) {
  // The date is typed as anywhere else in the app (2026/11/28, ISO, 和暦: the shared DateInput) and
  // the time as people write it (14:30, 14時30分, 午後2時30分, 正午: domain/timeInput.ts); both are
  // kept as typed. Once both read exactly, the value is the ISO instant; otherwise it is the typed
  // parts, which the form's schema refuses under the field, quoting them (never another time).
  const [parts, setParts] = useState<DateTimeParts>(() => splitInstant(value) ?? { date: null, time: '' });
  // A value set from elsewhere (the record, a reset) replaces what is shown.
  // biome-ignore lint/correctness/useExhaustiveDependencies: follow the outside value only
  useEffect(() => {
    if (value === combineParts(parts)) return;
    setParts(splitInstant(value) ?? { date: null, time: '' });
  }, [value]);
  const change = (next: DateTimeParts) => {
    setParts(next);
    onChange(combineParts(next));
  };
  const t = useIncidentT();
  const clock = parts.time.trim() ? readTime(parts.time) : null;
  // Typed in another form than the app shows times (午後2時30分, １４３０): say what it was read as.
  const readAs = clock?.ok && !clock.plain ? clock.hhmm : null;
  return (
    <div>
      {/* Aligned to the top: the date's 「… として読みました」 below it does not stretch the time input. */}
      <Space.Compact style={{ width: '100%', alignItems: 'flex-start' }}>
        <div style={{ flex: 1 }}>
          <DateInput id={id} value={parts.date} onChange={(date) => change({ ...parts, date })} onBlur={onBlur} status={status} />
        </div>
        <Input
          aria-label={t('dateTime.time')}
          value={parts.time}
          placeholder="09:30"
          onChange={(e) => change({ ...parts, time: e.target.value })}
          onBlur={onBlur}
          status={status}
          style={{ width: 120 }}
          autoComplete="off"
          data-testid={id ? `${id}-time` : undefined}
        />
      </Space.Compact>
      {readAs ? (
        <div className="date-read-as" data-testid={id ? `${id}-time-read-as` : undefined}>
          {t('dateTime.timeReadAs', { time: readAs })}
        </div>
      ) : null}
    </div>
  );
}

type DateTimeParts = { date: string | null; time: string };

/** A stored instant as the date and time shown (in the browser's zone, as the form sends it). */
function splitInstant(value: string | null | undefined): DateTimeParts | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}T/.test(value)) return null;
  const parsed = dayjs(value);
  return parsed.isValid() ? { date: parsed.format('YYYY-MM-DD'), time: parsed.format('HH:mm') } : null;
}

/** The typed date and time as an ISO instant, or the typed parts ({@link typedDateTime}) when either cannot be read exactly. */
function combineParts({ date, time }: DateTimeParts): string | null {
  if (!date && !time.trim()) return null;
  const day = date ? readDate(date) : null;
  const clock = readTime(time);
  if (day?.ok && clock.ok) return dayjs(`${day.iso}T${clock.hhmm}`).format();
  return typedDateTime(date ?? '', time);
}

type Approval = IncidentDetail['closure'];

/** The approval chain of a record with its stamps (承認者・日時). */
export function ApprovalSteps({ approval, emptyText }: { approval: Approval; emptyText: string }) {
  const current = approval.current;
  if (!current) return <Typography.Text type="secondary">{emptyText}</Typography.Text>;
  return (
    <>
      <Space style={{ marginBottom: 8 }}>
        <Tag color={current.status === 'approved' ? 'success' : current.status === 'pending' ? 'processing' : 'default'}>{current.statusLabel}</Tag>
        <Typography.Text type="secondary">{`${current.submittedByName} ${formatDateTime(current.submittedAt)}`}</Typography.Text>
      </Space>
      <Steps
        size="small"
        current={current.stamps.filter((s) => s.action === 'approve').length}
        status={current.status === 'returned' ? 'error' : undefined}
        items={current.steps.map((step) => {
          const stamp = current.stamps.filter((s) => s.step === step.index).at(-1);
          return {
            title: step.label,
            description: stamp
              ? `${stamp.action === 'approve' ? '承認' : '差戻し'}: ${stamp.actorName} ${formatDateTime(stamp.at)}${stamp.comment ? `（${stamp.comment}）` : ''}`
              : undefined,
          };
        })}
      />
    </>
  );
}
