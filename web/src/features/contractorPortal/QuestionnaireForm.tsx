import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import type { attachmentsContract } from '../../../../src/platform/attachments/attachments.contract.ts';
import { prefillFromProfile } from '../../../../src/rules/contractors/profileItems.ts';
import type { QuestionnaireAnswerValue } from '../../../../src/rules/contractors/questionnaire.ts';
import { ApiError, api } from '../../api/client.ts';
import type { Profile, Questionnaire } from './types.ts';

type Draft = Record<string, { answer?: QuestionnaireAnswerValue; details: string }>;

/**
 * 調査票への回答 (委託先, issue #13; 世田谷区 個人情報管理状況調査票): each 評価項目 はい／いいえ／該当なし
 * (いいえ with what is missing), started from the profile if wanted, with files chosen from the profile
 * (P-mark / ISMS 登録証, 規程). Each item's error under it; nothing is saved until every item is right.
 */
export function QuestionnaireForm({ exchangeId, questionnaire }: { exchangeId: string; questionnaire: Questionnaire }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: ['contractor-portal', 'profile'], queryFn: () => api.get<Profile>('/api/contractor-portal/profile') });
  const profileId = profile.data?.id ?? null;
  const files = useQuery({
    queryKey: ['attachments', 'contractor_profile', profileId],
    queryFn: () => api.get<ResponseOf<typeof attachmentsContract.list>>(`/api/attachments/contractor_profile/${profileId}`),
    enabled: !!profileId,
  });
  const [draft, setDraft] = useState<Draft>(() =>
    Object.fromEntries(questionnaire.items.flatMap((i) => (i.answer ? [[i.code, { answer: i.answer, details: i.details ?? '' }]] : []))),
  );
  const [name, setName] = useState('');
  const [attached, setAttached] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // What was loaded from the profile and what is left to write (いいえ without its 内容), until sent.
  const [loaded, setLoaded] = useState<string | null>(null);
  // Items of this 調査票 the profile does not answer (same number and wording): blank when started from
  // the profile; their answers go to the profile too only when the 委託先 ticks the box (never silently).
  const [keepInProfile, setKeepInProfile] = useState(false);
  const missing = profile.data ? prefillFromProfile(questionnaire.items, profile.data.questionnaireAnswers).missing : [];
  const missingAnswered = missing.filter((i) => draft[i.code]?.answer);
  const set = (code: string, change: Partial<{ answer: QuestionnaireAnswerValue; details: string }>) => {
    setDraft((d) => ({ ...d, [code]: { details: '', ...d[code], ...change } }));
    // The item's error (sent or loaded) stays until the item is changed.
    setErrors(({ [`answers.${code}`]: _, ...rest }) => rest);
  };
  /**
   * Loads the profile's answers. A profile's いいえ may have no 内容 (the profile does not ask for it);
   * the 調査票 does (J.9.4 s): the 委託元 must know what is missing), so those items are marked at once —
   * not first on sending.
   */
  const fromProfile = () => {
    const started = prefillFromProfile(questionnaire.items, profile.data?.questionnaireAnswers ?? []);
    setDraft(Object.fromEntries(started.answers.map((a) => [a.code, { answer: a.answer, details: a.details ?? '' }])));
    const toWrite = started.answers.filter((a) => a.answer === 'no' && !a.details?.trim()).map((a) => a.code);
    setErrors(Object.fromEntries(toWrite.map((code) => [`answers.${code}`, '「いいえ」の内容（対策の予定など）を書いてください。プロフィールの回答には内容がありません'])));
    setFormError(null);
    setLoaded(
      [
        `プロフィールの回答を読み込みました（${started.answers.length}項目）。`,
        toWrite.length > 0 ? `「いいえ」の項目（${toWrite.join('、')}）は、内容を書いてください。` : '',
        started.missing.length > 0 ? `プロフィールにない項目（${started.missing.map((i) => i.code).join('、')}）は空欄です。` : '',
        '送る前に確かめてください。',
      ].join(''),
    );
  };
  const submit = async () => {
    setErrors({});
    setFormError(null);
    try {
      await api.post(`/api/contractor-portal/exchanges/${exchangeId}/questionnaire`, {
        answeredByName: name,
        answers: questionnaire.items.flatMap((i) => {
          const a = draft[i.code];
          return a?.answer ? [{ code: i.code, answer: a.answer, details: a.details.trim() || null }] : [];
        }),
        attachmentIds: attached,
        saveToProfile: keepInProfile ? missingAnswered.map((i) => i.code) : [],
      });
      setLoaded(null);
      message.success(keepInProfile && missingAnswered.length > 0 ? `調査票を送り、${missingAnswered.length}項目の回答をプロフィールにも保存しました` : '調査票を送りました');
      await queryClient.invalidateQueries({ queryKey: ['contractor-portal'] });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setErrors(Object.fromEntries(e.fields.map((f) => [f.path, f.message])));
      setFormError(e.fields.length > 0 ? `送れませんでした。赤い項目を直してください（${e.fields.length}件）` : e.message);
    }
  };
  const covering = questionnaire.items.find((i) => i.coversOthers);
  const profileFiles = (files.data?.items ?? []).filter((f) => !f.deletedAt);
  return (
    <div data-testid="questionnaire-form">
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 8 }} data-testid="questionnaire-error" /> : null}
      {loaded ? <Alert type="info" showIcon title={loaded} style={{ marginBottom: 8 }} data-testid="questionnaire-loaded" /> : null}
      <Space style={{ marginBottom: 8 }} wrap>
        <Button onClick={fromProfile} disabled={!profile.data?.questionnaireAnswers.length} data-testid="questionnaire-from-profile">
          プロフィールの回答から始める
        </Button>
        <Link to="/contractor-profile" style={{ textDecoration: 'underline' }} data-testid="questionnaire-profile-link">
          自社のプロフィールを開く
        </Link>
        {covering ? <Typography.Text type="secondary">{covering.code} が「はい」のときは、ほかの項目を省けます（プライバシーマーク登録証の写しを添付）。</Typography.Text> : null}
      </Space>
      {questionnaire.items.map((i) => {
        const a = draft[i.code];
        const error = errors[`answers.${i.code}`];
        return (
          <div key={i.code} style={{ borderBottom: '1px solid #f0f0f0', padding: '8px 0' }} data-testid={`questionnaire-item-${i.code}`}>
            <div id={`q-item-${i.code}`}>
              {i.code} {i.text}
            </div>
            <Radio.Group
              aria-labelledby={`q-item-${i.code}`}
              value={a?.answer}
              onChange={(e) => set(i.code, { answer: e.target.value })}
              options={[{ value: 'yes', label: 'はい' }, { value: 'no', label: 'いいえ' }, ...(i.coversOthers ? [] : [{ value: 'not_applicable', label: '該当なし' }])]}
            />
            {a?.answer === 'no' || a?.details ? (
              <Input.TextArea
                rows={2}
                aria-label={`${i.code} の内容`}
                placeholder="「いいえ」の内容（対策の予定など）"
                value={a?.details ?? ''}
                onChange={(e) => set(i.code, { details: e.target.value })}
                status={error ? 'error' : undefined}
                style={{ marginTop: 4 }}
                data-testid={`questionnaire-item-${i.code}-details`}
              />
            ) : null}
            {profile.data && missing.includes(i) ? (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  プロフィールにない項目です
                </Typography.Text>
              </div>
            ) : null}
            {error ? <div style={{ color: '#cf1322' }}>{error}</div> : null}
          </div>
        );
      })}
      {missingAnswered.length > 0 ? (
        <div style={{ marginTop: 8 }} data-testid="questionnaire-keep-in-profile">
          <Checkbox checked={keepInProfile} onChange={(e) => setKeepInProfile(e.target.checked)}>
            プロフィールにない項目（{missingAnswered.map((i) => i.code).join('、')}）の回答を、自社のプロフィールにも保存する（プロフィールにある回答は変えません）
          </Checkbox>
          {errors.saveToProfile ? <div style={{ color: '#cf1322' }}>{errors.saveToProfile}</div> : null}
        </div>
      ) : null}
      <div style={{ marginTop: 12 }}>
        <Typography.Text strong>添付する資料（自社のプロフィールから）</Typography.Text>
        {profileFiles.length === 0 ? (
          <div>
            <Typography.Text type="secondary">
              プロフィールに資料がありません。
              <Link to="/contractor-profile" style={{ textDecoration: 'underline' }}>
                自社のプロフィール
              </Link>
              で登録証や規程を添付してください。
            </Typography.Text>
          </div>
        ) : (
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column' }}
            value={attached}
            onChange={(v) => setAttached(v as string[])}
            options={profileFiles.map((f) => ({ value: f.id, label: `${f.fileName}（${f.kindLabel}）` }))}
            data-testid="questionnaire-files"
          />
        )}
        {errors.attachmentIds ? <div style={{ color: '#cf1322' }}>{errors.attachmentIds}</div> : null}
      </div>
      <Space style={{ marginTop: 12 }}>
        <Input
          placeholder="回答者の氏名"
          aria-label="回答者の氏名"
          value={name}
          onChange={(e) => setName(e.target.value)}
          status={errors.answeredByName ? 'error' : undefined}
          data-testid="questionnaire-answered-by"
        />
        <Button type="primary" onClick={submit} data-testid="questionnaire-submit">
          調査票を送る
        </Button>
      </Space>
      {errors.answeredByName ? <div style={{ color: '#cf1322' }}>{errors.answeredByName}</div> : null}
    </div>
  );
}
