import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { ApiError, api, download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { useT } from '../../i18n/index.tsx';
import { useSession } from '../../session/session.tsx';
import { type Draft, fromView, groupByPhase, newDraft, toBody } from './assessmentDraft.ts';
import { useRiskText } from './messages.ts';
import type { AssessmentDetail, Proposal } from './types.ts';

/**
 * The editing state of one リスク分析対策表: the stored assessment, the rows being edited, their
 * field errors, and the save / submit / export actions against the API.
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

  const add = (phase: string, from?: Proposal) => setRecords((rs) => [...(rs ?? []), newDraft(phase, me, from)]);
  const update = (key: string, next: Draft) => setRecords((rs) => (rs ?? []).map((r) => (r.key === key ? next : r)));
  const remove = (key: string) => setRecords((rs) => (rs ?? []).filter((r) => r.key !== key));

  /** Server field paths (`records.3.residualMeasure`) → the row's key and field. */
  const applyErrors = (error: unknown, sent: Draft[]) => {
    if (!(error instanceof ApiError)) {
      setProblem(errorMessage(error, t));
      return;
    }
    const next: Record<string, string> = {};
    const other: string[] = [];
    for (const f of error.fields) {
      const m = /^records\.(\d+)\.([A-Za-z]+)/.exec(f.path);
      const draft = m ? sent[Number(m[1])] : undefined;
      if (m && draft) next[`${draft.key}.${m[2]}`] = f.message;
      else other.push(f.message);
    }
    setErrors(next);
    setProblem(other.length ? other.join(' / ') : `${rt('risk.errors')}（${error.fields.length}件）`);
  };

  const save = async (): Promise<boolean> => {
    // The actions are only offered once the rows are loaded.
    if (!records) return false;
    setProblem(null);
    const missing: Record<string, string> = {};
    for (const r of records) {
      if (r.likelihood === null) missing[`${r.key}.likelihood`] = '発生可能性を選んでください';
      if (r.impact === null) missing[`${r.key}.impact`] = '影響度を選んでください';
    }
    if (Object.keys(missing).length > 0) {
      setErrors(missing);
      setProblem(rt('risk.errors'));
      return false;
    }
    setBusy('save');
    const sent = records;
    try {
      const saved = await api.put<AssessmentDetail>(`/api/risk/assessments/${id}/records`, { records: sent.map(toBody) });
      queryClient.setQueryData(['risk', 'assessment', id], saved);
      setRecords(saved.records.map(fromView));
      setErrors({});
      message.success(rt('risk.saved'));
      return true;
    } catch (error) {
      applyErrors(error, sent);
      return false;
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    if (!records || !(await save())) return;
    setBusy('submit');
    try {
      const submitted = await api.post<AssessmentDetail>(`/api/risk/assessments/${id}/submit`);
      queryClient.setQueryData(['risk', 'assessment', id], submitted);
      void queryClient.invalidateQueries({ queryKey: ['risk'] });
      message.success(rt('risk.submitted'));
    } catch (error) {
      applyErrors(error, records);
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

  return { detail, records, errors, problem, busy, byPhase, add, update, remove, save, submit, exportFile };
}
