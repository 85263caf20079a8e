import { useQuery } from '@tanstack/react-query';
import { Card, Col, Input, Row, Select, Switch } from 'antd';
import { overseasBasisLabels } from '../../../../src/modules/inventory/inventory.labels.ts';
import { noticesContract } from '../../../../src/modules/notices/notices.contract.ts';
import type { ResponseOf } from '../../../../src/platform/http/contract.ts';
import { api } from '../../api/client.ts';
import { DateInput, Field } from '../../components/form.tsx';
import { useText } from './messages.ts';
import { TagsInput } from './RequestFormInputs.tsx';
import type { RequestFormControl } from './requestFormValues.ts';

/** 委託・提供・廃棄: entrustment, third-party provision, joint use, overseas transfer, disposal and notices. */
export function RequestProvisionSection({ control: c, kind }: { control: RequestFormControl; kind: 'acquisition' | 'change' }) {
  const tx = useText();
  return (
    <Card title={tx('req.section.provision')} style={{ marginBottom: 16 }}>
      <Field control={c} name="proposed.entrustedTo" label={tx('inv.entrustedTo')}>
        {(f) => <TagsInput id={f.id} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} />}
      </Field>
      <Row gutter={16}>
        <Col span={6}>
          <Field control={c} name="proposed.thirdPartyProvision" label={tx('inv.thirdPartyProvision')}>
            {(f) => <Switch id={f.id} checked={!!f.value} onChange={f.onChange} />}
          </Field>
        </Col>
        <Col span={18}>
          <Field control={c} name="proposed.thirdPartyDetails" label={tx('inv.thirdPartyDetails')}>
            {(f) => <Input {...f} value={f.value ?? ''} />}
          </Field>
        </Col>
      </Row>
      <Field control={c} name="proposed.jointUseDetails" label={tx('inv.jointUseDetails')}>
        {(f) => <Input {...f} value={f.value ?? ''} />}
      </Field>
      <Row gutter={16}>
        <Col span={14}>
          <Field control={c} name="proposed.overseasCountries" label={tx('inv.overseasCountries')}>
            {(f) => <TagsInput id={f.id} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} />}
          </Field>
        </Col>
        <Col span={10}>
          <Field control={c} name="proposed.overseasBasis" label={tx('inv.overseasBasis')}>
            {(f) => (
              <Select
                id={f.id}
                allowClear
                value={f.value ?? undefined}
                onChange={(v) => f.onChange(v ?? null)}
                options={Object.entries(overseasBasisLabels).map(([value, label]) => ({ value, label }))}
              />
            )}
          </Field>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={14}>
          <Field control={c} name="proposed.disposalMethod" label={tx('inv.disposalMethod')}>
            {(f) => <Input {...f} value={f.value ?? ''} />}
          </Field>
        </Col>
        {kind === 'change' ? (
          <Col span={10}>
            <Field control={c} name="proposed.disposedAt" label={tx('inv.disposedAt')}>
              {(f) => <DateInput id={f.id} value={f.value ?? null} onChange={f.onChange} status={f.status} />}
            </Field>
          </Col>
        ) : null}
      </Row>
      <Field control={c} name="proposed.noticeRefs" label={tx('inv.noticeRefs')}>
        {(f) => <TagsInput id={f.id} value={(f.value as string[] | undefined) ?? []} onChange={f.onChange} />}
      </Field>
      <NoticeVersionField control={c} />
    </Card>
  );
}

/** 拠っている通知文の版 (M6): the published notice versions the entry relies on. */
function NoticeVersionField({ control }: { control: RequestFormControl }) {
  const tx = useText();
  const notices = useQuery({
    queryKey: ['notices', 'list'],
    queryFn: () => api.get<ResponseOf<typeof noticesContract.list>>(noticesContract.list.path),
  });
  const options = (notices.data?.items ?? []).flatMap((n) => n.publishedVersions.map((v) => ({ value: v.id, label: `${n.title} 第${v.versionNo}版` })));
  return (
    <Field control={control} name="proposed.noticeVersionIds" label={tx('inv.noticeVersions')}>
      {(f) => (
        <Select
          id={f.id}
          mode="multiple"
          value={(f.value as string[] | undefined) ?? []}
          onChange={f.onChange}
          onBlur={f.onBlur}
          status={f.status}
          loading={notices.isLoading}
          options={options}
          optionFilterProp="label"
        />
      )}
    </Field>
  );
}
