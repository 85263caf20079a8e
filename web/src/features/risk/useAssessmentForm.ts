import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { riskRecordInput } from '../../../../src/modules/risk/risk.schema.ts';
import { ApiError, api, download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { useUnsavedChangesGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.tsx';
import { type Draft, fromView, groupByPhase, newDraft, toBody } from './assessmentDraft.ts';
import { useRiskText } from './messages.ts';
import type { AssessmentDetail, Proposal } from './types.ts';

/** The row field an error belongs to (`residualMeasure`, `countermeasures` …): the first segment of its path. */
const fieldOf = (path: string) => path.split('.')[0] ?? path;

/**
 * Every shape error of every row at once, from the server's own schema (`riskRecordInput`): a
 * missing score or risk text is shown under each field before anything is sent (issue 10: it
 * took four saves to learn the missing items one by one). Keys are `<row key>.<field>`.
 */
export function draftErrors(records: readonly Draft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const draft of records) {
    const parsed = riskRecordInput.safeParse(toBody(draft));
    if (parsed.success) continue;
    for (const issue of parsed.error.issues) {
      const key = `${draft.key}.${String(issue.path[0] ?? '')}`;
      errors[key] ??= issue.message;
    }
  }
  return errors;
}

/** The engine's findings on the saved rows (no owner, no countermeasure …) under their fields: what submission will ask for. */
function findingErrors(saved: AssessmentDetail, drafts: readonly Draft[]): Record<string, string> {
  const errors: Record<string, string> = {};
  saved.records.forEach((record, index) => {
    const draft = drafts[index];
    if (!draft) return;
    for (const v of record.violations) if (v.severity === 'error') errors[`${draft.key}.${fieldOf(v.path)}`] ??= v.message;
  });
  return errors;
}

/**
 * The editing state of one リスク分析対策表: the stored assessment, the rows being edited, their
 * field errors, and the save / submit / export actions against the API. A draft may be saved
 * with incomplete rows; what is still missing shows under each field, all at once.
 */
export function useAssessmentForm(id: string | undefined) {
  const rt = useRiskText();
  const t = useT();
  const { message } = App.useApp();
  const { session } = useSession();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ['risk', 'assessment', id], queryFn: () => api.get<AssessmentDetail>(`/api/risk/assessments/${id}`) });
  const [records, setRecords] = useState<Draft[] | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'submit' | null>(null);
  const version = detail.data?.updatedAt;
  // Take the server's rows whenever the record was (re)loaded from the server.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset only when the stored version changes
  useEffect(() => {
    if (detail.data) setRecords(detail.data.records.map(fromView));
  }, [version, detail.data?.status]);
  const byPhase = useMemo(() => groupByPhase(records ?? []), [records]);
  const me = session ? { id: session.account.personId, name: session.account.name } : null;
  // Unsaved work: the rows differ from the stored ones (compared as the PUT body would send them).
  const dirty = useMemo(() => {
    if (!records || !detail.data?.canEdit) return false;
    return JSON.stringify(records.map(toBody)) !== JSON.stringify(detail.data.records.map(fromView).map(toBody));
  }, [records, detail.data]);
  useUnsavedChangesGuard(dirty, { title: rt('risk.unsaved.title'), content: rt('risk.unsaved.content'), leave: rt('risk.unsaved.leave'), stay: rt('risk.unsaved.stay') });

  const add = (phase: string, from?: Proposal) => setRecords((rs) => [...(rs ?? []), newDraft(phase, me, from)]);
  const update = (key: string, next: Draft) => setRecords((rs) => (rs ?? []).map((r) => (r.key === key ? next : r)));
  const remove = (key: string) => setRecords((rs) => (rs ?? []).filter((r) => r.key !== key));

  /** Server field paths (`records.3.residualMeasure`) → the row's key and field; the rest (局面の不足) above the table. */
  const applyErrors = (error: unknown, sent: Draft[], summary: string) => {
    if (!(error instanceof ApiError)) {
      setProblem(errorMessage(error, t));
      return;
    }
    const next: Record<string, string> = {};
    const other: string[] = [];
    for (const f of error.fields) {
      const m = /^records\.(\d+)\.([A-Za-z]+)/.exec(f.path);
      const draft = m ? sent[Number(m[1])] : undefined;
      if (m && draft) next[`${draft.key}.${m[2]}`] ??= f.message;
      else other.push(f.message);
    }
    setErrors(next);
    const count = error.fields.length;
    setProblem(count === 0 ? error.message : [`${summary}（${count}件）`, ...other].join(' / '));
  };

  const save = async (): Promise<AssessmentDetail | null> => {
    // The actions are only offered once the rows are loaded.
    if (!records) return null;
    setProblem(null);
    const missing = draftErrors(records);
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setProblem(`${rt('risk.errors')}（${Object.keys(missing).length}件）`);
      return null;
    }
    setBusy('save');
    const sent = records;
    try {
      const saved = await api.put<AssessmentDetail>(`/api/risk/assessments/${id}/records`, { records: sent.map(toBody) });
      queryClient.setQueryData(['risk', 'assessment', id], saved);
      const drafts = saved.records.map(fromView);
      setRecords(drafts);
      setErrors(findingErrors(saved, drafts));
      message.success(rt('risk.saved'));
      return saved;
    } catch (error) {
      applyErrors(error, sent, rt('risk.errors'));
      return null;
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    const saved = await save();
    if (!saved) return;
    const drafts = saved.records.map(fromView);
    setBusy('submit');
    try {
      const submitted = await api.post<AssessmentDetail>(`/api/risk/assessments/${id}/submit`);
      queryClient.setQueryData(['risk', 'assessment', id], submitted);
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
      message.success(rt('risk.submitted'));
    } catch (error) {
      applyErrors(error, drafts, rt('risk.submitErrors'));
    } finally {
      setBusy(null);
    }
  };

  const exportFile = async (kind: 'xlsx' | 'pdf') => {
    try {
      await download(`/api/risk/assessments/${id}/${kind === 'xlsx' ? 'export.xlsx' : 'report.pdf'}`, `リスク分析対策表.${kind}`);
    } catch (e) {
      message.error(`${t('common.downloadFailed')}: ${errorMessage(e, t)}`);
    }
  };

  return { detail, records, errors, problem, busy, byPhase, dirty, add, update, remove, save, submit, exportFile };
}
