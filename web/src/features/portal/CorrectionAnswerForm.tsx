import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Input, Typography } from 'antd';
import { useId, useState } from 'react';
import { ApiError, api } from '../../api/client.ts';
import { useI18n, useT } from '../../i18n/index.tsx';
import { fileErrorsOf, IdentityDocumentWarning, type PortalFileDraft, PortalFileField } from './PortalFiles.tsx';
import { publicErrorMessage } from './PublicFrame.tsx';
import type { PortalProgress } from './types.ts';

/**
 * 補正の回答 (issue #14 M5) on the follow-up page: what the requester answers to the office's
 * 補正のお願い, with the documents asked for. Sending it records today as the day the 補正 was
 * completed (the days the office waited are not counted in its deadline, 法第83条第1項).
 */
export function CorrectionAnswerForm({ slug, number, token }: { slug: string; number: string; token: string }) {
  const queryClient = useQueryClient();
  const t = useT();
  const { locale } = useI18n();
  const id = useId();
  const [answer, setAnswer] = useState('');
  const [files, setFiles] = useState<PortalFileDraft[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [answerError, setAnswerError] = useState<string | null>(null);
  const [fileErrors, setFileErrors] = useState<string[]>([]);
  const [sending, setSending] = useState(false);

  const send = async () => {
    setError(null);
    setFileErrors([]);
    setAnswerError(answer.trim() ? null : t('public.answer.required'));
    if (!answer.trim()) return;
    setSending(true);
    try {
      const progress = await api.post<PortalProgress>(
        `/api/public/portals/${encodeURIComponent(slug)}/receipts/${encodeURIComponent(number)}/answer`,
        { token, answer, files: files.map(({ kind, fileName, contentBase64 }) => ({ kind, fileName, contentBase64 })) },
        { quiet401: true, language: locale },
      );
      queryClient.setQueryData(['portal', slug, 'receipt', number, token], progress);
      setAnswer('');
      setFiles([]);
    } catch (e) {
      const files = fileErrorsOf(e);
      setFileErrors(files);
      const answerField = e instanceof ApiError ? e.fields.find((f) => f.path === 'answer') : undefined;
      setAnswerError(answerField?.message ?? null);
      setError(publicErrorMessage(e, t));
    } finally {
      setSending(false);
    }
  };

  return (
    <Card title={<h2 style={{ fontSize: 18, margin: 0 }}>{t('public.answer.title')}</h2>} style={{ marginTop: 16 }} data-testid="portal-answer">
      <Typography.Paragraph>{t('public.answer.lead')}</Typography.Paragraph>
      {error ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={error} data-testid="portal-answer-error" /> : null}
      <div style={{ marginBottom: 16 }}>
        <label htmlFor={id} style={{ display: 'block', marginBottom: 4 }}>
          <span style={{ color: '#cf1322', marginInlineEnd: 4 }}>*</span>
          {t('public.answer.label')}
        </label>
        <Input.TextArea
          id={id}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
          rows={4}
          count={{ max: 5000 }}
          showCount
          status={answerError ? 'error' : undefined}
          aria-invalid={answerError ? true : undefined}
          data-testid="portal-answer-text"
        />
        {answerError ? <Typography.Text type="danger">{answerError}</Typography.Text> : null}
      </div>
      <IdentityDocumentWarning />
      <PortalFileField
        kind="correction_answer"
        label={t('public.answer.files')}
        files={files}
        onChange={(next) => {
          setFiles(next);
          setFileErrors([]);
        }}
        onError={(m) => setFileErrors(m ? [m] : [])}
      />
      {fileErrors.length > 0 ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={fileErrors.join(' / ')} data-testid="portal-file-error" /> : null}
      <Button type="primary" loading={sending} onClick={() => void send()} data-testid="portal-answer-submit">
        {t('public.answer.submit')}
      </Button>
    </Card>
  );
}
