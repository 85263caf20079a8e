import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Empty, Input, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ProfileSection } from '../../../../src/modules/contractorPortal/questionnaire.labels.ts';
import { itemKey } from '../../../../src/rules/contractors/profileItems.ts';
import type { QuestionnaireAnswerValue } from '../../../../src/rules/contractors/questionnaire.ts';
import { ApiError, api } from '../../api/client.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { DateInput } from '../../components/form.tsx';
import { PageHeader, RequirePermission } from '../../components/page.tsx';
import type { Profile } from './types.ts';

type Answers = Record<string, { answer?: QuestionnaireAnswerValue; details: string }>;
type Certificate = { uid: string; kind: 'privacy_mark' | 'isms'; number: string; expiresOn: string | null };
let nextUid = 0;
const uid = () => {
  nextUid += 1;
  return `cert-${nextUid}`;
};

/**
 * Who asks an item and through what, e.g. 「株式会社まもりデモ（改定された評価基準（第2版））」: the
 * latest 調査票 and a revision published since are told apart (issue #13).
 */
function askedByText(item: Profile['items'][number]): string {
  return item.askedBy
    .map((principal) => {
      const via = item.askedVia.filter((a) => a.principal === principal && a.via).map((a) => a.via);
      return via.length > 0 ? `${principal}（${via.join('・')}）` : principal;
    })
    .join('、');
}

/** 委託元ごとの共有: which sections this 委託元 may read (nothing until chosen). */
function Shares({ profile }: { profile: Profile }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Record<string, ProfileSection[]>>(() => Object.fromEntries(profile.shares.map((s) => [s.linkId, s.sections])));
  const save = async (linkId: string) => {
    await api.put(`/api/contractor-portal/profile/shares/${linkId}`, { sections: chosen[linkId] ?? [] });
    message.success('共有する項目を保存しました');
    await queryClient.invalidateQueries({ queryKey: ['contractor-portal', 'profile'] });
  };
  return (
    <Card size="small" title="委託元ごとの共有（選ぶまでは何も共有しません）" style={{ marginTop: 16 }} data-testid="profile-shares">
      <Typography.Paragraph type="secondary">「調査票の回答」を共有しても、その委託元に見えるのは、その委託元の評価項目への回答だけです。</Typography.Paragraph>
      {profile.shares.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="接続している委託元はありません" /> : null}
      {profile.shares.map((s) => (
        <Space key={s.linkId} wrap style={{ display: 'flex', marginBottom: 8 }} data-testid={`profile-share-${s.linkId}`}>
          <Typography.Text strong>{s.principalName}</Typography.Text>
          <Typography.Text type="secondary">
            {s.criteriaName ? `（調査票: ${s.criteriaName}）` : '（調査票はまだ届いていません）'}
            {s.revision ? `（${s.revision.versionLabel}: ${s.revision.criteriaName}。次の調査票の前に知らされた評価基準です）` : ''}
          </Typography.Text>
          <Checkbox.Group
            value={chosen[s.linkId] ?? []}
            onChange={(v) => setChosen((c) => ({ ...c, [s.linkId]: v as ProfileSection[] }))}
            options={profile.sections.map((x) => ({ value: x.code, label: x.label }))}
          />
          <Button onClick={() => void save(s.linkId)} data-testid={`profile-share-save-${s.linkId}`}>
            共有を保存
          </Button>
        </Space>
      ))}
    </Card>
  );
}

/**
 * 自社のプロフィール (委託先, issue #13 「回答を一度にして複数の委託元に共有」): the 調査票 answers kept
 * once, the P-mark / ISMS certifications with their validity, the security measures and the files
 * (登録証, 規程) — in this organization only; each 委託元 sees only what is shared with it.
 */
function ProfileScreen() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const profile = useQuery({ queryKey: ['contractor-portal', 'profile'], queryFn: () => api.get<Profile>('/api/contractor-portal/profile') });
  // Keyed by item (number and wording): several 委託元 may word one number differently.
  const [answers, setAnswers] = useState<Answers>({});
  const [certificates, setCertificates] = useState<Certificate[]>([]);
  const [measures, setMeasures] = useState('');
  const [error, setError] = useState<string | null>(null);
  const data = profile.data;
  useEffect(() => {
    if (!data) return;
    setAnswers(Object.fromEntries(data.questionnaireAnswers.map((a) => [itemKey(a.code, a.text), { answer: a.answer, details: a.details ?? '' }])));
    setCertificates(data.certificates.map((c) => ({ uid: uid(), kind: c.kind, number: c.number, expiresOn: c.expiresOn })));
    setMeasures(data.securityMeasures ?? '');
  }, [data]);
  if (!data) return null;
  const save = async () => {
    setError(null);
    try {
      await api.put('/api/contractor-portal/profile', {
        questionnaireAnswers: data.items.flatMap((i) => {
          const a = answers[i.key];
          return a?.answer ? [{ code: i.code, text: i.text, answer: a.answer, details: a.details.trim() || null }] : [];
        }),
        certificates: certificates.map(({ kind, number, expiresOn }) => ({ kind, number, expiresOn })),
        securityMeasures: measures,
      });
      message.success('プロフィールを保存しました');
      await queryClient.invalidateQueries({ queryKey: ['contractor-portal', 'profile'] });
    } catch (e) {
      setError(e instanceof ApiError ? e.fields.map((f) => f.message).join(' / ') || e.message : String(e));
    }
  };
  const setCertificate = (index: number, change: Partial<Certificate>) => setCertificates((list) => list.map((c, i) => (i === index ? { ...c, ...change } : c)));
  return (
    <>
      <PageHeader
        title="自社のプロフィール（委託先）"
        lead="調査票の回答・認証・安全管理措置を一度登録し、委託元ごとに共有する項目を選びます。調査票に回答するときは、ここから読み込めます。"
      />
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 8 }} data-testid="profile-error" /> : null}
      <Card size="small" title="調査票の回答（接続している委託元の評価項目）" data-testid="profile-answers">
        <Typography.Paragraph type="secondary">
          接続している委託元が最後に送った調査票（最新の調査票）と、その後に委託元が改定して知らせた評価基準（改定された評価基準）の評価項目と、
          {data.standardName}（標準）の項目です。番号と文言が同じ項目は一度だけ答えます。文言の違う項目は、文言ごとに答えます。
        </Typography.Paragraph>
        {data.items.map((i, index) => {
          const variant = data.items.slice(0, index).filter((x) => x.code === i.code).length;
          const id = `p-item-${index}`;
          return (
            <div key={i.key} style={{ borderBottom: '1px solid #f0f0f0', padding: '6px 0' }} data-testid={`profile-row-${i.code}${variant ? `-${variant + 1}` : ''}`}>
              <div id={id}>
                {i.code} {i.text}
              </div>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {i.askedBy.length > 0
                    ? `尋ねている委託元: ${askedByText(i)}${i.standard ? `（${data.standardName}の項目）` : ''}`
                    : i.standard
                      ? `${data.standardName}の項目（まだどの委託元の調査票にもありません）`
                      : '今はどの委託元も尋ねていない項目（以前の回答）'}
                </Typography.Text>
              </div>
              <Radio.Group
                aria-labelledby={id}
                value={answers[i.key]?.answer}
                onChange={(e) => setAnswers((a) => ({ ...a, [i.key]: { details: '', ...a[i.key], answer: e.target.value } }))}
                options={[{ value: 'yes', label: 'はい' }, { value: 'no', label: 'いいえ' }, ...(i.coversOthers ? [] : [{ value: 'not_applicable', label: '該当なし' }])]}
                data-testid={`profile-item-${i.code}${variant ? `-${variant + 1}` : ''}`}
              />
              {answers[i.key]?.answer === 'no' || answers[i.key]?.details ? (
                <Input.TextArea
                  rows={2}
                  aria-label={`${i.code} ${i.text} の内容`}
                  value={answers[i.key]?.details ?? ''}
                  onChange={(e) => setAnswers((a) => ({ ...a, [i.key]: { ...a[i.key], details: e.target.value } }))}
                  style={{ marginTop: 4 }}
                />
              ) : null}
              {answers[i.key]?.answer ? (
                <Button size="small" type="link" onClick={() => setAnswers((a) => Object.fromEntries(Object.entries(a).filter(([k]) => k !== i.key)))}>
                  この回答を消す
                </Button>
              ) : null}
            </div>
          );
        })}
      </Card>
      <Card size="small" title="認証（プライバシーマーク・ISMS）と有効期限" style={{ marginTop: 16 }} data-testid="profile-certificates">
        {certificates.map((c, index) => (
          <Space key={c.uid} wrap style={{ display: 'flex', marginBottom: 8 }}>
            <Select
              aria-label="認証の種類"
              value={c.kind}
              onChange={(v) => setCertificate(index, { kind: v })}
              style={{ width: 180 }}
              options={[
                { value: 'privacy_mark', label: 'プライバシーマーク' },
                { value: 'isms', label: 'ISMS認証' },
              ]}
            />
            <Input
              aria-label="登録番号"
              placeholder="登録番号"
              value={c.number}
              onChange={(e) => setCertificate(index, { number: e.target.value })}
              style={{ width: 200 }}
              data-testid={`profile-cert-number-${index}`}
            />
            <DateInput id={`profile-cert-expires-${index}`} aria-label="有効期限" value={c.expiresOn} onChange={(v) => setCertificate(index, { expiresOn: v })} />
            <Button aria-label="この認証を削除" icon={<DeleteOutlined />} onClick={() => setCertificates((list) => list.filter((_, i) => i !== index))} />
          </Space>
        ))}
        <Button
          icon={<PlusOutlined />}
          onClick={() => setCertificates((list) => [...list, { uid: uid(), kind: 'privacy_mark', number: '', expiresOn: null }])}
          data-testid="profile-cert-add"
        >
          認証を追加
        </Button>
      </Card>
      <Card size="small" title="安全管理措置" style={{ marginTop: 16 }}>
        <Input.TextArea rows={3} aria-label="安全管理措置" value={measures} onChange={(e) => setMeasures(e.target.value)} data-testid="profile-measures" />
      </Card>
      <Button type="primary" onClick={save} style={{ marginTop: 12 }} data-testid="profile-save">
        プロフィールを保存
      </Button>
      {data.id ? (
        <div style={{ marginTop: 16 }}>
          <Attachments ownerType="contractor_profile" ownerId={data.id} />
        </div>
      ) : (
        <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
          保存すると、登録証や規程のファイルを添付できます。
        </Typography.Paragraph>
      )}
      <Shares key={data.shares.map((s) => s.sections.join()).join('|')} profile={data} />
    </>
  );
}

export default function ProfilePage() {
  return (
    <RequirePermission permission="contractorPortal.respond">
      <ProfileScreen />
    </RequirePermission>
  );
}
