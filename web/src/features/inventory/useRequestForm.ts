import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useMemo, useState } from 'react';
import { type FieldPath, useForm, useWatch } from 'react-hook-form';
import { useNavigate } from 'react-router';
import { entryDuties, entryFindings } from '../../../../src/modules/inventory/inventory.content.shared.ts';
import { entryContentSchema, requestBody } from '../../../../src/modules/inventory/inventory.schema.ts';
import { ApiError, api } from '../../api/client.ts';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useText } from './messages.ts';
import { FIELD_NAMES, type FormIn, type FormOut, fieldFor, type ProposedContent } from './requestFormValues.ts';
import type { RequestDetail } from './types.ts';

/**
 * The state of an acquisition / change request form: react-hook-form over the shared request
 * schema, the rule engines' preview of the proposed content, and sending it as a draft or for
 * approval (server field errors land under their fields).
 */
export function useRequestForm({
  initial,
  kind,
  entryId,
  reviewId,
  requestId,
  knownPeople,
  reason,
  noticeDraft,
}: {
  initial: ProposedContent;
  kind: 'acquisition' | 'change';
  entryId: string | null;
  reviewId: string | null;
  requestId: string | null;
  knownPeople: { value: string; label: string }[];
  reason: string;
  noticeDraft: string;
}) {
  const tx = useText();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState<'draft' | 'submit' | null>(null);
  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(requestBody),
    defaultValues: { kind, entryId, reviewId, proposed: initial, reason, noticeDraft, submit: true },
  });
  const leave = useFormLeaveGuard(form);
  const proposed = useWatch({ control: form.control, name: 'proposed' });
  const sensitiveBasis = useWatch({ control: form.control, name: 'proposed.sensitiveBasis' });
  const names = useMemo(() => new Map(knownPeople.map((p) => [p.value, p.label])), [knownPeople]);
  // The same engines as the server: a preview of the refusals before submitting.
  const preview = useMemo(() => {
    const parsed = entryContentSchema.safeParse(proposed);
    if (!parsed.success) return null;
    const people = new Map([...(parsed.data.accessHolderIds.map((id) => [id, names.get(id) ?? id]) as [string, string][])]);
    return { findings: entryFindings(parsed.data, { people }), duties: entryDuties(parsed.data, { people }) };
  }, [proposed, names]);

  const send = (submit: boolean) =>
    form.handleSubmit(async (values) => {
      setFormError(null);
      setSending(submit ? 'submit' : 'draft');
      try {
        const saved = requestId
          ? await api.put<RequestDetail>(`/api/inventory/requests/${requestId}`, { proposed: values.proposed, reason: values.reason, noticeDraft: values.noticeDraft, submit })
          : await api.post<RequestDetail>('/api/inventory/requests', { ...values, submit });
        leave.release();
        message.success(submit ? tx('req.submitted') : tx('req.saved'));
        void queryClient.invalidateQueries({ queryKey: ['inventory'] });
        navigate(`/inventory/requests/${saved.id}`);
      } catch (error) {
        if (error instanceof ApiError && error.fields.length > 0) {
          const unmatched: string[] = [];
          let first = true;
          for (const f of error.fields) {
            const name = fieldFor(f.path, FIELD_NAMES);
            if (name) {
              form.setError(name as FieldPath<FormIn>, { type: 'server', message: f.message }, { shouldFocus: first });
              first = false;
            } else unmatched.push(f.message);
          }
          // Each error once, next to its field (issue 10): the summary counts them instead of repeating them.
          setFormError(unmatched.length ? unmatched.join(' / ') : tx('req.fixFields', { count: error.fields.length }));
        } else setFormError(error instanceof Error ? error.message : String(error));
      } finally {
        setSending(null);
      }
    })();

  return { control: form.control, formError, sending, proposed, sensitiveBasis, preview, send };
}
