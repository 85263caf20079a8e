import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Radio, Select, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import {
  disposalMethodLabels,
  disposalMethods,
  type IncidentReportFact,
  incidentReportFactLabels,
  incidentReportFacts,
} from '../../../../src/modules/contractorPortal/contractorPortal.reports.labels.ts';
import { MAX_SUBCONTRACT_WORKERS } from '../../../../src/modules/contractors/contractors.labels.ts';
import { eventLabels } from '../../../../src/modules/incidents/incidents.labels.ts';
import { incidentEventKinds } from '../../../../src/rules/incidentDuties/facts.ts';
import { api } from '../../api/client.ts';
import { NumberInput } from '../../components/form.tsx';
import { DateField, DateTimeField, FormError, Item, type ReportForm, readDateTime, TextField, useReportForm } from './reportFormKit.tsx';
import type { PortalReport } from './reportTypes.ts';
import type { PrincipalTerms } from './types.ts';

// The 委託先's three reports to its 委託元 (issue #13), each validated by the server's own schema
// with the errors under their fields. 豊島区 個人情報特記事項: 再委託 第6条第2項 (資料A 第7条第2項),
// 返還 第17条 (資料A 第10条), 事故等の報告 第16条第2項 (資料A 第15条) 「直ちに…報告」.

const refresh = (queryClient: ReturnType<typeof useQueryClient>) => queryClient.invalidateQueries({ queryKey: ['contractor-portal'] });

/** An optional file (PDF or an image) chosen for upload after the report is sent. */
function FilePicker({
  form,
  name,
  label,
  file,
  setFile,
  testId,
}: {
  form: ReportForm;
  name: string;
  label: string;
  file: File | null;
  setFile: (f: File | null) => void;
  testId: string;
}) {
  return (
    <Item form={form} name={name} label={label}>
      <Upload
        beforeUpload={(f) => {
          setFile(f);
          return false;
        }}
        onRemove={() => setFile(null)}
        maxCount={1}
        accept="application/pdf,image/png,image/jpeg,image/heic"
        fileList={file ? [{ uid: '1', name: file.name, status: 'done' }] : []}
      >
        <Button data-testid={testId}>ファイルを選ぶ</Button>
      </Upload>
    </Item>
  );
}

/**
 * 作業従事者の氏名: one input per person (at least one, at most MAX_SUBCONTRACT_WORKERS), each marked
 * when the server refuses it (workers.1 → the 2nd input). 豊島区 守るべき事項 3 ウ.
 */
function WorkersField({ form, workers, setWorkers }: { form: ReportForm; workers: string[]; setWorkers: (w: string[]) => void }) {
  return (
    <Item form={form} name="workers" label={`再委託先の作業従事者の氏名（1人以上、${MAX_SUBCONTRACT_WORKERS}人まで）`} required>
      <Space direction="vertical" style={{ width: '100%', maxWidth: 480 }} data-testid="sub-workers">
        {workers.map((name, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place; an input's place is its identity
          <Space.Compact key={i} style={{ width: '100%' }}>
            <Input
              id={i === 0 ? 'report-workers' : undefined}
              aria-label={`作業従事者（${i + 1}人目）の氏名`}
              value={name}
              onChange={(e) => setWorkers(workers.map((w, j) => (j === i ? e.target.value : w)))}
              status={form.errors[`workers.${i}`] ? 'error' : undefined}
              data-testid={`sub-worker-${i}`}
            />
            {workers.length > 1 ? (
              <Button onClick={() => setWorkers(workers.filter((_, j) => j !== i))} aria-label={`作業従事者（${i + 1}人目）を削除`}>
                削除
              </Button>
            ) : null}
          </Space.Compact>
        ))}
        {/* undefined, not false, below the limit: the form's own 「無効」 (再委託の禁止) then applies. */}
        <Button onClick={() => setWorkers([...workers, ''])} disabled={workers.length >= MAX_SUBCONTRACT_WORKERS || undefined} data-testid="sub-worker-add">
          作業従事者を追加
        </Button>
      </Space>
    </Item>
  );
}

/**
 * 再委託申請: 業務の着手前に委託元の承認を得る（特記事項 第6条第2項）, naming the 作業責任者・作業従事者 (守るべき事項 3 ウ).
 * The 委託元's 再委託 clause (`terms`, from the inbox) is stated first; under 再委託の禁止 the form is
 * disabled — nothing to fill before a refusal. The 豊島区 citations are shown only to a public body's 委託先.
 */
export function SubcontractForm({ linkId, terms }: { linkId: string; terms: PrincipalTerms | undefined }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const form = useReportForm({});
  const [workers, setWorkers] = useState<string[]>(['']);
  const [pledge, setPledge] = useState<File | null>(null);
  const submit = async () => {
    form.clear();
    try {
      const v = form.values;
      const r = await api.post<PortalReport>(`/api/contractor-portal/principals/${linkId}/subcontract-requests`, {
        reportedByName: v.reportedByName ?? '',
        subContractorName: v.subContractorName ?? '',
        corporateNumber: v.corporateNumber ?? '',
        work: v.work ?? '',
        personalData: v.personalData ?? '',
        startsOn: v.startsOn ?? '',
        endsOn: v.endsOn ?? '',
        safetyMeasures: v.safetyMeasures ?? '',
        supervision: v.supervision ?? '',
        workStartsOn: v.workStartsOn ?? '',
        reason: v.reason ?? '',
        workLeadName: v.workLeadName ?? '',
        workLeadTitle: v.workLeadTitle ?? '',
        workLeadContact: v.workLeadContact ?? '',
        workers,
      });
      if (pledge) {
        const data = new FormData();
        data.append('file', pledge, pledge.name);
        try {
          await api.upload(`/api/contractor-portal/my-reports/${r.id}/certificate`, data);
        } catch (e) {
          form.fail(e);
          message.warning(`再委託申請は送りました（受付番号 ${r.number}）が、誓約書・名簿を添付できませんでした。委託元に直接お送りください`);
          await refresh(queryClient);
          return;
        }
      }
      message.success(`再委託申請を送りました（受付番号 ${r.number}）`);
      form.reset();
      setWorkers(['']);
      setPledge(null);
      await refresh(queryClient);
    } catch (e) {
      form.fail(e);
    }
  };
  return (
    <Form layout="vertical" component="div" disabled={terms?.subcontracting !== 'restrict'} data-testid="portal-subcontract-form">
      {terms?.subcontracting === 'prohibit' ? (
        <Alert type="warning" showIcon title={terms.subcontractingNotice} style={{ marginBottom: 12 }} data-testid="sub-prohibited" />
      ) : terms ? (
        <Typography.Paragraph type="secondary" data-testid="sub-notice">
          {terms.subcontractingNotice}
        </Typography.Paragraph>
      ) : null}
      <FormError form={form} />
      <TextField form={form} name="subContractorName" label="再委託先の名称" required testId="sub-name" />
      <TextField form={form} name="corporateNumber" label="再委託先の法人番号（13桁、分かれば）" testId="sub-corporate-number" />
      <TextField form={form} name="work" label="再委託して処理する業務の内容" required area testId="sub-work" />
      <TextField form={form} name="personalData" label="再委託先が取り扱う個人情報" required area testId="sub-personal-data" />
      <DateField form={form} name="startsOn" label="再委託の期間（開始日）" required testId="sub-starts" />
      <DateField form={form} name="endsOn" label="再委託の期間（終了日）" testId="sub-ends" />
      <TextField form={form} name="safetyMeasures" label="再委託先における安全管理措置" required area testId="sub-safety" />
      <TextField form={form} name="supervision" label="再委託先に対する管理及び監督の方法" required area testId="sub-supervision" />
      <DateField form={form} name="workStartsOn" label="着手予定日" required testId="sub-work-starts" />
      <TextField form={form} name="reason" label="再委託する理由" required area testId="sub-reason" />
      <Typography.Title level={5}>再委託先において個人情報を取り扱う者</Typography.Title>
      <Typography.Paragraph type="secondary">
        再委託先の作業責任者と作業従事者の氏名を書いてください{terms?.publicBody ? '（豊島区 受託者が守るべき事項 3 ウ、個人情報特記事項 第2条第2項）' : ''}
        。誓約書や名簿があれば添付できます。
      </Typography.Paragraph>
      <TextField form={form} name="workLeadName" label="作業責任者の氏名" required testId="sub-lead-name" />
      <TextField form={form} name="workLeadTitle" label="作業責任者の役職" required testId="sub-lead-title" />
      <TextField form={form} name="workLeadContact" label="作業責任者の連絡先（電話番号・メールアドレス）" required testId="sub-lead-contact" />
      <WorkersField form={form} workers={workers} setWorkers={setWorkers} />
      <FilePicker form={form} name="file" label="誓約書・作業従事者名簿（任意。PDF・画像、10 MB まで）" file={pledge} setFile={setPledge} testId="sub-pledge-file" />
      <TextField form={form} name="reportedByName" label="申請者の氏名" required testId="sub-reporter" />
      <Button type="primary" onClick={submit} data-testid="sub-submit">
        再委託申請を送る
      </Button>
    </Form>
  );
}

/** 返還・廃棄報告: 日時・方法・担当者・対象, and the certificate (PDF or an image). */
export function ReturnDisposalForm({ linkId }: { linkId: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const form = useReportForm({ method: '' });
  const [file, setFile] = useState<File | null>(null);
  const submit = async () => {
    form.clear();
    // 第17条: when the data was returned or disposed of is what the report is for — required here as on the server.
    const performed = readDateTime(form, 'performedAt', '返還・廃棄の日時', true);
    if (!performed.ok) {
      form.setErrors({ performedAt: performed.message });
      form.setFormError('送れませんでした。赤い項目を直してください（1件）');
      return;
    }
    try {
      const v = form.values;
      const r = await api.post<PortalReport>(`/api/contractor-portal/principals/${linkId}/return-disposal-reports`, {
        reportedByName: v.reportedByName ?? '',
        performedAt: performed.iso ?? '',
        method: v.method ?? '',
        methodDetail: v.methodDetail ?? '',
        personInCharge: v.personInCharge ?? '',
        target: v.target ?? '',
      });
      if (file) {
        const data = new FormData();
        data.append('file', file, file.name);
        try {
          await api.upload(`/api/contractor-portal/my-reports/${r.id}/certificate`, data);
        } catch (e) {
          form.fail(e);
          message.warning(`報告は送りました（受付番号 ${r.number}）が、証明書を添付できませんでした。送った報告の一覧から添付し直してください`);
          await refresh(queryClient);
          return;
        }
      }
      message.success(`返還・廃棄報告を送りました（受付番号 ${r.number}）`);
      form.reset();
      setFile(null);
      await refresh(queryClient);
    } catch (e) {
      form.fail(e);
    }
  };
  return (
    <Form layout="vertical" component="div" data-testid="portal-disposal-form">
      <FormError form={form} />
      <DateTimeField form={form} name="performedAt" label="返還・廃棄の日時" required testId="disposal-at" />
      <Item form={form} name="method" label="返還・廃棄の方法" required>
        <Select
          id="report-method"
          style={{ maxWidth: 320 }}
          value={form.values.method || undefined}
          placeholder="選んでください"
          onChange={(v) => form.set('method', v)}
          options={disposalMethods.map((m) => ({ value: m, label: disposalMethodLabels[m] }))}
          status={form.errors.method ? 'error' : undefined}
          data-testid="disposal-method"
        />
      </Item>
      <TextField form={form} name="methodDetail" label="方法の詳細（業者名・証明書の番号など）" area testId="disposal-method-detail" />
      <TextField form={form} name="personInCharge" label="返還・廃棄の担当者" required testId="disposal-person" />
      <TextField form={form} name="target" label="返還・廃棄した個人情報（対象）" required area testId="disposal-target" />
      <FilePicker form={form} name="file" label="証明書（PDF・画像、10 MB まで）" file={file} setFile={setFile} testId="disposal-file" />
      <TextField form={form} name="reportedByName" label="報告者の氏名" required testId="disposal-reporter" />
      <Button type="primary" onClick={submit} data-testid="disposal-submit">
        返還・廃棄報告を送る
      </Button>
    </Form>
  );
}

/** 事故等の報告: 直ちに委託元へ（特記事項 第16条第2項）. The 委託元's incident is created at once. */
export function IncidentReportForm({ linkId }: { linkId: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const form = useReportForm({});
  const [events, setEvents] = useState<string[]>([]);
  // 本人の数 as the 委託元's own incident form takes it: 「約1,200人」 is 1,200 and a 概数; a text not read
  // stays as typed and is sent as such, so the server refuses it under the field (nothing dropped).
  const [persons, setPersons] = useState<number | string | null>(null);
  const [personsApproximate, setPersonsApproximate] = useState(false);
  // はい・いいえ・不明 (null) of the facts the 委託元's duties turn on; 不明 until chosen.
  const noFacts: Record<IncidentReportFact, boolean | null> = { sensitive: null, improperPurpose: null, financialDamageRisk: null, myNumber: null };
  const [facts, setFacts] = useState(noFacts);
  const submit = async () => {
    form.clear();
    const known = readDateTime(form, 'knownAt', '事故等を知った日時', true);
    const occurred = readDateTime(form, 'occurredAt', '発生日時');
    const bad = { ...(known.ok ? {} : { knownAt: known.message }), ...(occurred.ok ? {} : { occurredAt: occurred.message }) };
    if (Object.keys(bad).length > 0) {
      form.setErrors(bad);
      form.setFormError(`送れませんでした。赤い項目を直してください（${Object.keys(bad).length}件）`);
      return;
    }
    try {
      const v = form.values;
      const r = await api.post<PortalReport>(`/api/contractor-portal/principals/${linkId}/incident-reports`, {
        reportedByName: v.reportedByName ?? '',
        title: v.title ?? '',
        whatHappened: v.whatHappened ?? '',
        place: v.place ?? '',
        occurredAt: occurred.ok ? occurred.iso : null,
        knownAt: known.ok ? (known.iso ?? '') : '',
        events,
        personalData: v.personalData ?? '',
        persons,
        personsApproximate,
        measures: v.measures ?? '',
        ...facts,
      });
      message.success(`事故等の報告を委託元に送りました（受付番号 ${r.number}）`);
      form.reset();
      setEvents([]);
      setPersons(null);
      setPersonsApproximate(false);
      setFacts(noFacts);
      await refresh(queryClient);
    } catch (e) {
      form.fail(e);
    }
  };
  return (
    <Form layout="vertical" component="div" data-testid="portal-incident-form">
      <Typography.Paragraph type="secondary">
        個人情報の漏えい・滅失・き損などが発生し、又はそのおそれがあるときは、分かっていることだけで直ちに報告してください（個人情報特記事項 第16条第2項（条例時代のひな型
        第15条））。委託元の事故等の記録が作られ、対応が始まります。
      </Typography.Paragraph>
      <FormError form={form} />
      <TextField form={form} name="title" label="件名" required testId="incident-title" />
      <TextField form={form} name="whatHappened" label="発生した事故等の内容" required area testId="incident-what" />
      <TextField form={form} name="place" label="事故の発生場所（分かれば）" testId="incident-place" />
      <DateTimeField form={form} name="occurredAt" label="発生日時（分かれば）" testId="incident-occurred" />
      <DateTimeField form={form} name="knownAt" label="事故等を知った日時" required testId="incident-known" />
      <Item form={form} name="events" label="事象">
        <Checkbox.Group
          value={events}
          onChange={(v) => setEvents(v as string[])}
          options={incidentEventKinds.map((k) => ({ value: k, label: eventLabels[k]?.ja ?? k }))}
          data-testid="incident-events"
        />
      </Item>
      <TextField form={form} name="personalData" label="漏えい等した個人情報の項目" required area testId="incident-personal-data" />
      <Item form={form} name="persons" label="本人の数（分かれば）">
        <NumberInput
          id="report-persons"
          label="本人の数"
          unit="人"
          value={persons}
          onChange={setPersons}
          approximate={{ value: personsApproximate, onChange: setPersonsApproximate }}
          placeholder="例: 2人、約1,200人"
          status={form.errors.persons ? 'error' : undefined}
          style={{ maxWidth: 240 }}
          data-testid="incident-persons"
        />
      </Item>
      <Typography.Paragraph type="secondary">
        次の事項で、委託元が個人情報保護委員会等へ報告する義務があるかが決まります。分からないときは「不明」のまま報告し、分かった時点で委託元に伝えてください。
      </Typography.Paragraph>
      {incidentReportFacts.map((key) => (
        <Item key={key} form={form} name={key} label={<span id={`report-${key}-label`}>{incidentReportFactLabels[key]}</span>}>
          <Radio.Group
            id={`report-${key}`}
            aria-labelledby={`report-${key}-label`}
            value={facts[key] === null ? 'unknown' : facts[key] ? 'yes' : 'no'}
            onChange={(e) => setFacts((f) => ({ ...f, [key]: e.target.value === 'unknown' ? null : e.target.value === 'yes' }))}
            options={[
              { value: 'yes', label: 'はい' },
              { value: 'no', label: 'いいえ' },
              { value: 'unknown', label: '不明' },
            ]}
            data-testid={`incident-fact-${key}`}
          />
        </Item>
      ))}
      <TextField form={form} name="measures" label="講じた措置" required area testId="incident-measures" />
      <TextField form={form} name="reportedByName" label="報告者の氏名" required testId="incident-reporter" />
      <Button type="primary" danger onClick={submit} data-testid="incident-submit">
        事故等を委託元に報告する
      </Button>
    </Form>
  );
}
