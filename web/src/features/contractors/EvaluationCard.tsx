import { SaveOutlined, SendOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Radio, Space, Spin, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { contractorsContract } from '../../../../src/modules/contractors/contractors.contract.ts';
import { saveEvaluationBody } from '../../../../src/modules/contractors/contractors.schema.ts';
import { scoreEvaluation } from '../../../../src/rules/contractors/criteriaScore.ts';
import { type CriterionAnswer, criterionAnswerLabels, criterionAnswers } from '../../../../src/rules/data/contractorCriteria.ts';
import { todayInJapan } from '../../lib/dates.ts';
import { QuestionnairePrefillButton } from '../contractorPortal/QuestionnairePrefill.tsx';
import { api } from '../../api/client.ts';
import { errorMessage, YearInput } from '../../components/form.tsx';
import { QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { contractorKeys, type Evaluation, type Evaluations, pathOf, useEvaluations } from './api.ts';
import { useContractorText } from './messages.ts';

const answerColor: Record<CriterionAnswer, string> = { suitable: 'success', unsuitable: 'error', not_applicable: 'default' };

/** One year's evaluation being written: the answers per item, the note, and the actions. */
function EvaluationForm({ contractorId, data, current }: { contractorId: string; data: Evaluations; current: Evaluation | undefined }) {
  const ct = useContractorText();
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // The year as typed: 「２０２６」「令和8年度」 are read as 2026; text that does not read stays and the schema refuses it on save.
  const [year, setYear] = useState<number | string | null>(current?.year ?? Number(todayInJapan().slice(0, 4)));
  const [answers, setAnswers] = useState<Record<string, CriterionAnswer>>(current?.answers ?? {});
  const [note, setNote] = useState(current?.note ?? '');
  // Where each pre-filled answer comes from (the accepted 調査票, issue #13), shown under the item.
  const [citations, setCitations] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: contractorKeys.evaluations(contractorId) });

  // Items the person tried to submit unanswered, marked until answered (the same check as the server's, J.9.4 t)).
  const [missing, setMissing] = useState<string[]>([]);
  const unansweredNow = missing.filter((code) => answers[code] === undefined);

  const save = async (): Promise<Evaluation | null> => {
    setError(null);
    const parsed = saveEvaluationBody.safeParse({ year, answers, note });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? ct('ct.errors'));
      return null;
    }
    try {
      const saved = await api.put<Evaluation>(pathOf(contractorsContract.saveEvaluation, { id: contractorId }), parsed.data);
      await refresh();
      return saved;
    } catch (e) {
      setError(errorMessage(e, tc));
      return null;
    }
  };

  /**
   * 承認を申請: an evaluation with unanswered items is refused here, before anything is saved (no draft
   * appears as a side effect), with the items marked; otherwise it is saved and submitted. A refusal
   * of the submission after the save says the draft was kept.
   */
  const submit = async () => {
    setError(null);
    const { unanswered } = scoreEvaluation(data.criteria, answers);
    setMissing(unanswered);
    if (unanswered.length > 0) {
      setError(ct('ct.eval.unansweredError', { codes: unanswered.join('、') }));
      return;
    }
    const saved = await save();
    if (!saved) return;
    try {
      await api.post(pathOf(contractorsContract.submitEvaluation, { id: saved.id }));
      message.success(ct('ct.eval.submitted'));
      await refresh();
    } catch (e) {
      setError(ct('ct.eval.savedNotSubmitted', { reason: errorMessage(e, tc) }));
    }
  };

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <label htmlFor="ct-eval-year">{ct('ct.eval.year')}</label>
        <YearInput id="ct-eval-year" label="評価の年" value={year} min={2000} max={2100} onChange={setYear} style={{ width: 120 }} data-testid="ct-eval-year" />
        <QuestionnairePrefillButton
          contractorId={contractorId}
          onPrefill={(items) => {
            setAnswers((a) => ({ ...a, ...Object.fromEntries(items.map((i) => [i.code, i.answer])) }));
            setCitations(Object.fromEntries(items.map((i) => [i.code, i.citation])));
          }}
        />
      </Space>
      <Table
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={data.criteria.items}
        columns={[
          { title: '', dataIndex: 'code', width: 40 },
          { title: data.criteria.name, dataIndex: 'text' },
          {
            title: ct('ct.eval.result'),
            width: 260,
            render: (_v, item) => (
              <>
                <Radio.Group
                  aria-label={`${item.code} ${item.text}`}
                  aria-invalid={unansweredNow.includes(item.code) || undefined}
                  value={answers[item.code]}
                  onChange={(e) => setAnswers((a) => ({ ...a, [item.code]: e.target.value as CriterionAnswer }))}
                  options={criterionAnswers.map((a) => ({ value: a, label: criterionAnswerLabels[a] }))}
                  data-testid={`ct-eval-item-${item.code}`}
                />
                {unansweredNow.includes(item.code) ? (
                  <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }} data-testid={`ct-eval-missing-${item.code}`}>
                    {ct('ct.eval.answerThis')}
                  </Typography.Text>
                ) : null}
                {citations[item.code] ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid={`ct-eval-citation-${item.code}`}>
                    {citations[item.code]}
                  </Typography.Text>
                ) : null}
              </>
            ),
          },
        ]}
      />
      <div style={{ marginTop: 12 }}>
        <label htmlFor="ct-eval-note">{ct('ct.eval.note')}</label>
        <Input.TextArea id="ct-eval-note" value={note} onChange={(e) => setNote(e.target.value)} rows={2} count={{ max: 4000 }} />
      </div>
      {/* Next to the buttons, where the person is looking when a save or 申請 is refused. */}
      {error ? <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} data-testid="ct-eval-error" /> : null}
      <Space style={{ marginTop: 12 }}>
        <Button
          icon={<SaveOutlined />}
          loading={busy}
          data-testid="ct-eval-save"
          onClick={async () => {
            setBusy(true);
            if (await save()) message.success(tc('common.saved'));
            setBusy(false);
          }}
        >
          {ct('ct.eval.save')}
        </Button>
        <Button
          type="primary"
          icon={<SendOutlined />}
          loading={busy}
          data-testid="ct-eval-submit"
          onClick={async () => {
            setBusy(true);
            await submit();
            setBusy(false);
          }}
        >
          {ct('ct.eval.submit')}
        </Button>
      </Space>
    </>
  );
}

/** 委託先審査表 (J.9.4 t)): this year's evaluation to write, and the past years with their results and changes. */
export function EvaluationCard({ contractorId }: { contractorId: string }) {
  const ct = useContractorText();
  const query = useEvaluations(contractorId);
  if (query.isPending) return <Spin />;
  if (query.isError) return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  const data = query.data;
  const draft = data.items.find((e) => e.status === 'draft');
  // A new evaluation is written for this year unless this year's is already waiting or approved.
  const thisYear = Number(todayInJapan().slice(0, 4));
  const writable = draft !== undefined || !data.items.some((e) => e.year === thisYear);
  // Each evaluation names its items from the criteria version it was scored against (J.9.4 s)).
  const textOf = (row: Evaluation, code: string) => row.criteriaItems.find((i) => i.code === code)?.text ?? code;
  return (
    <Card size="small" title={ct('ct.eval.title')} style={{ marginTop: 16 }} data-testid="ct-evaluation">
      <Typography.Paragraph type="secondary">
        {ct('ct.eval.lead', { name: `${data.criteria.name}（${data.criteria.versionLabel}）` })}{' '}
        <Link to="/contractors/criteria" style={{ textDecoration: 'underline' }} data-testid="ct-eval-criteria-link">
          {ct('ct.eval.criteriaLink')}
        </Link>
      </Typography.Paragraph>
      {/* One form while this year's evaluation is written: saving the first draft must not remount it (its message would be lost). */}
      {data.canEvaluate && writable ? <EvaluationForm contractorId={contractorId} data={data} current={draft} /> : null}
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {ct('ct.eval.history')}
      </Typography.Title>
      {data.items.length === 0 ? <Typography.Paragraph>{ct('ct.eval.none')}</Typography.Paragraph> : null}
      <Table<Evaluation>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.items}
        style={data.items.length === 0 ? { display: 'none' } : undefined}
        columns={[
          { title: ct('ct.eval.year'), dataIndex: 'year', width: 80 },
          { title: '', dataIndex: 'statusLabel', width: 100, render: (v: string) => <Tag>{v}</Tag> },
          {
            title: ct('ct.eval.criteria'),
            dataIndex: 'criteriaVersionLabel',
            width: 200,
            render: (v: string, row) => <span data-testid={`ct-eval-criteria-${row.year}`}>{`${row.criteriaName}（${v}）`}</span>,
          },
          {
            title: ct('ct.eval.result'),
            dataIndex: 'resultLabel',
            width: 220,
            render: (v: string, row) => (
              <>
                <Tag color={row.result === 'pass' ? 'success' : row.result === 'fail' ? 'error' : 'warning'}>{v}</Tag>
                {row.failed.map((code) => (
                  <div key={code}>{`${code} ${textOf(row, code)}`}</div>
                ))}
              </>
            ),
          },
          {
            title: ct('ct.eval.changes'),
            dataIndex: 'changes',
            render: (changes: Evaluation['changes'], row) =>
              changes.length === 0 && row.criteriaChanges.length === 0 ? (
                ct('ct.eval.noChanges')
              ) : (
                <>
                  {row.criteriaChanges.map((c) => (
                    <div key={`criteria-${c.kind}-${c.code}`}>
                      <Tag color="blue">{c.label}</Tag>
                      {`${c.code} ${c.currentText ?? c.previousText ?? ''}`}
                    </div>
                  ))}
                  {changes.map((c) => (
                    <div key={c.code}>
                      {`${c.code} ${textOf(row, c.code)}: `}
                      {c.previous ? <Tag color={answerColor[c.previous]}>{criterionAnswerLabels[c.previous]}</Tag> : ct('ct.eval.unanswered')}
                      {' → '}
                      {c.current ? <Tag color={answerColor[c.current]}>{criterionAnswerLabels[c.current]}</Tag> : ct('ct.eval.unanswered')}
                    </div>
                  ))}
                </>
              ),
          },
        ]}
      />
    </Card>
  );
}
