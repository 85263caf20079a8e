import { useQuery } from '@tanstack/react-query';
import { Skeleton } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { api } from '../../api/client.ts';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useSession } from '../../session/session.tsx';
import { useText } from './messages.ts';
import { RequestForm } from './RequestForm.tsx';
import { asFormContent, blank, KEEPER_ROLES } from './requestFormValues.ts';
import type { EntryDetail, RequestDetail } from './types.ts';

function RequestFormScreen() {
  const tx = useText();
  const { id } = useParams();
  const [params] = useSearchParams();
  const { session } = useSession();
  const entryId = params.get('entryId');
  const reviewId = params.get('reviewId');
  const existing = useQuery({ queryKey: ['inventory', 'request', id], queryFn: () => api.get<RequestDetail>(`/api/inventory/requests/${id}`), enabled: !!id });
  const entry = useQuery({ queryKey: ['inventory', 'entry', entryId], queryFn: () => api.get<EntryDetail>(`/api/inventory/entries/${entryId}`), enabled: !id && !!entryId });
  const kind: 'acquisition' | 'change' = id ? (existing.data?.kind ?? 'acquisition') : entryId ? 'change' : 'acquisition';
  const ownDepartment = session?.roles.find((r) => KEEPER_ROLES.includes(r.role) && r.departmentId)?.departmentId ?? null;
  const error = existing.error ?? entry.error;
  if (error) return <QueryError error={error} />;
  const loading = (id && !existing.data) || (!id && entryId && !entry.data);
  const initial = id && existing.data ? asFormContent(existing.data.proposed) : entry.data ? asFormContent(entry.data.content) : blank(ownDepartment);
  const known = id && existing.data ? existing.data.accessHolders : (entry.data?.accessHolders ?? []);
  return (
    <>
      <PageHeader title={kind === 'acquisition' ? tx('req.newTitle') : tx('req.changeTitle')} lead={kind === 'acquisition' ? tx('req.lead.acquisition') : tx('req.lead.change')} />
      {loading ? (
        <Skeleton active />
      ) : (
        <RequestForm
          initial={initial}
          kind={kind}
          entryId={id ? (existing.data?.entryId ?? null) : entryId}
          reviewId={reviewId}
          requestId={id ?? null}
          knownPeople={known.map((p) => ({ value: p.id, label: p.name }))}
          reason={existing.data?.reason ?? ''}
          noticeDraft={existing.data?.noticeDraft ?? ''}
        />
      )}
    </>
  );
}

/** 新規個人情報取得申請書 / 個人情報取扱変更等申請書: the form, with the rule engines' preview beside it. */
export default function RequestFormPage() {
  return (
    <RequirePermission permission="inventory.request">
      <RequestFormScreen />
    </RequirePermission>
  );
}
