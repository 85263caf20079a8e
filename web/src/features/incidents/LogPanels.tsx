import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, Modal, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { type DefaultValues, type FieldValues, type UseFormReturn, useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  enquirerKindLabels,
  enquirerKinds,
  enquiryChannelLabels,
  enquiryChannels,
  incidentPhaseLabels,
  incidentPhases,
} from '../../../../src/modules/incidents/incidents.labels.ts';
import { incidentsContract as c } from '../../../../src/modules/incidents/incidents.contract.ts';
import { enquiryBody, meetingBody, timelineBody } from '../../../../src/modules/incidents/incidents.schema.ts';
import { api } from '../../api/client.ts';
import { applyServerErrors, bound, errorMessage, Field, FormLayout } from '../../components/form.tsx';
import { useFormLeaveGuard } from '../../components/unsavedChanges.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { type IncidentDetail, incidentKeys, pathOf } from './api.ts';
import { useIncidentT, useLocalized } from './messages.ts';
import { DateTimeInput } from './parts.tsx';

/** A modal form bound to one of the API's zod schemas; POSTs a new entry or PUTs an edited one. */
function EntryModal<S extends z.ZodType<FieldValues, FieldValues>>({
  title,
  schema,
  defaults,
  url,
  method,
  onClose,
  children,
}: {
  title: string;
  schema: S;
  defaults: DefaultValues<z.input<S>>;
  url: string;
  method: 'POST' | 'PUT';
  onClose: () => void;
  children: (form: UseFormReturn<z.input<S>, unknown, z.output<S>>) => ReactNode;
}) {
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  // No maxLength or min on the inputs: antd cut pasted text to the limit and turned −5 into 0 without a word.
  // The shared schema refuses them under the field, naming the limit, and what was typed stays (issue 10).
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues: defaults });
  const leave = useFormLeaveGuard(form);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      if (method === 'POST') await api.post(url, values);
      else await api.put(url, values);
      leave.release();
      message.success(tc('common.saved'));
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      onClose();
    } catch (error) {
      setFormError(applyServerErrors(error, form.setError, Object.keys(defaults as object)));
    }
  });
  return (
    <Modal
      open
      title={title}
      onCancel={() => leave.confirmClose(onClose)}
      okText={tc('common.save')}
      cancelText={tc('common.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'incident-entry', loading: form.formState.isSubmitting }}
      destroyOnHidden
      width={640}
    >
      {formError ? <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} /> : null}
      <FormLayout id="incident-entry" onSubmit={onSubmit}>
        {children(form)}
      </FormLayout>
    </Modal>
  );
}

function useRemove() {
  const tc = useT();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async (url: string) => {
    try {
      await api.delete(url);
      message.success(tc('common.deleted'));
      await queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    } catch (error) {
      message.error(errorMessage(error, tc));
    }
  };
}

function RowActions({ onEdit, onDelete }: { onEdit: () => void; onDelete: () => void }) {
  const tc = useT();
  return (
    <Space size={4}>
      <Button size="small" icon={<EditOutlined />} onClick={onEdit} aria-label={tc('common.edit')} />
      <Popconfirm title={tc('common.deleteConfirm')} onConfirm={onDelete} okText={tc('common.delete')} cancelText={tc('common.cancel')}>
        <Button size="small" danger icon={<DeleteOutlined />} aria-label={tc('common.delete')} />
      </Popconfirm>
    </Space>
  );
}

const nowIso = () => new Date().toISOString();

type Timeline = IncidentDetail['timeline'][number];

/** 対応経過 in the steps of the response flow (世田谷区フロー ①〜⑥). */
export function TimelinePanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useIncidentT();
  const label = useLocalized();
  const remove = useRemove();
  const [editing, setEditing] = useState<Timeline | 'new' | null>(null);
  const current = editing === 'new' ? null : editing;
  return (
    <Card
      size="small"
      title={t('detail.timeline')}
      extra={
        readOnly ? null : (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="timeline-add">
            {t('timeline.add')}
          </Button>
        )
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        {incidentPhases.map((p, i) => (
          <Tag key={p} color={incidentPhases.indexOf(incident.phase) >= i ? 'geekblue' : 'default'} title={incidentPhaseLabels[p].hint}>
            {`${'①②③④⑤⑥'[i]} ${label(incidentPhaseLabels[p])}`}
          </Tag>
        ))}
      </Space>
      <Table<Timeline>
        size="small"
        rowKey="id"
        dataSource={incident.timeline}
        pagination={false}
        columns={[
          { title: t('timeline.occurredAt'), dataIndex: 'occurredAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('timeline.phase'), dataIndex: 'phase', width: 150, render: (v: Timeline['phase']) => <Tag>{label(incidentPhaseLabels[v])}</Tag> },
          { title: t('timeline.action'), dataIndex: 'action', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          { title: t('timeline.actor'), dataIndex: 'actorName', width: 120 },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'actions',
                  width: 90,
                  render: (_v: unknown, row: Timeline) => <RowActions onEdit={() => setEditing(row)} onDelete={() => void remove(pathOf(c.deleteTimelineEntry, { id: row.id }))} />,
                },
              ]),
        ]}
      />
      {editing ? (
        <EntryModal
          title={t('timeline.add')}
          schema={timelineBody}
          url={current ? pathOf(c.updateTimelineEntry, { id: current.id }) : pathOf(c.addTimelineEntry, { id: incident.id })}
          method={current ? 'PUT' : 'POST'}
          defaults={{ phase: current?.phase ?? incident.phase, occurredAt: current?.occurredAt ?? nowIso(), action: current?.action ?? '', actorName: current?.actorName ?? '' }}
          onClose={() => setEditing(null)}
        >
          {(form) => (
            <>
              <Field control={form.control} name="occurredAt" label={t('timeline.occurredAt')} required>
                {(field) => <DateTimeInput {...bound(field)} />}
              </Field>
              <Field control={form.control} name="phase" label={t('timeline.phase')} required>
                {(field) => (
                  <Select id={field.id} value={field.value} onChange={field.onChange} options={incidentPhases.map((p) => ({ value: p, label: label(incidentPhaseLabels[p]) }))} />
                )}
              </Field>
              <Field control={form.control} name="action" label={t('timeline.action')} required>
                {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={4} />}
              </Field>
              <Field control={form.control} name="actorName" label={t('timeline.actor')}>
                {(field) => <Input {...field} value={field.value ?? ''} />}
              </Field>
            </>
          )}
        </EntryModal>
      ) : null}
    </Card>
  );
}

type Meeting = IncidentDetail['meetings'][number];

/** 緊急事態対策会議 minutes (J.4.4.2 r)). */
export function MeetingsPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useIncidentT();
  const remove = useRemove();
  const [editing, setEditing] = useState<Meeting | 'new' | null>(null);
  const current = editing === 'new' ? null : editing;
  return (
    <Card
      size="small"
      title={t('detail.meetings')}
      extra={
        readOnly ? null : (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('meeting.add')}
          </Button>
        )
      }
    >
      <Table<Meeting>
        size="small"
        rowKey="id"
        dataSource={incident.meetings}
        pagination={false}
        columns={[
          { title: t('meeting.heldAt'), dataIndex: 'heldAt', width: 150, render: (v: string) => formatDateTime(v) },
          { title: t('meeting.place'), dataIndex: 'place', width: 120 },
          { title: t('meeting.attendees'), dataIndex: 'attendees', width: 180 },
          {
            title: t('meeting.minutes'),
            key: 'minutes',
            render: (_v, row) => (
              <div style={{ whiteSpace: 'pre-wrap' }}>
                {row.minutes}
                {row.decisions ? (
                  <div style={{ marginTop: 4 }}>
                    <Typography.Text strong>{t('meeting.decisions')}: </Typography.Text>
                    {row.decisions}
                  </div>
                ) : null}
              </div>
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'actions',
                  width: 90,
                  render: (_v: unknown, row: Meeting) => <RowActions onEdit={() => setEditing(row)} onDelete={() => void remove(pathOf(c.deleteMeeting, { id: row.id }))} />,
                },
              ]),
        ]}
      />
      {editing ? (
        <EntryModal
          title={t('meeting.add')}
          schema={meetingBody}
          url={current ? pathOf(c.updateMeeting, { id: current.id }) : pathOf(c.addMeeting, { id: incident.id })}
          method={current ? 'PUT' : 'POST'}
          defaults={{
            heldAt: current?.heldAt ?? nowIso(),
            place: current?.place ?? '',
            attendees: current?.attendees ?? '',
            minutes: current?.minutes ?? '',
            decisions: current?.decisions ?? '',
          }}
          onClose={() => setEditing(null)}
        >
          {(form) => (
            <>
              <Field control={form.control} name="heldAt" label={t('meeting.heldAt')} required>
                {(field) => <DateTimeInput {...bound(field)} />}
              </Field>
              <Field control={form.control} name="place" label={t('meeting.place')}>
                {(field) => <Input {...field} value={field.value ?? ''} />}
              </Field>
              <Field control={form.control} name="attendees" label={t('meeting.attendees')} required>
                {(field) => <Input {...field} value={field.value ?? ''} />}
              </Field>
              <Field control={form.control} name="minutes" label={t('meeting.minutes')} required>
                {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={5} />}
              </Field>
              <Field control={form.control} name="decisions" label={t('meeting.decisions')}>
                {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={3} />}
              </Field>
            </>
          )}
        </EntryModal>
      ) : null}
    </Card>
  );
}

type Enquiry = IncidentDetail['enquiries'][number];

/** 外部からの問い合わせ・クレーム (J.4.4.2 v)); the enquirer's name and contact are personal data. */
export function EnquiriesPanel({ incident, readOnly }: { incident: IncidentDetail; readOnly: boolean }) {
  const t = useIncidentT();
  const label = useLocalized();
  const remove = useRemove();
  const [editing, setEditing] = useState<Enquiry | 'new' | null>(null);
  const current = editing === 'new' ? null : editing;
  return (
    <Card
      size="small"
      title={t('detail.enquiries')}
      extra={
        readOnly ? null : (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('enquiry.add')}
          </Button>
        )
      }
    >
      <Table<Enquiry>
        size="small"
        rowKey="id"
        dataSource={incident.enquiries}
        pagination={false}
        columns={[
          { title: t('enquiry.receivedAt'), dataIndex: 'receivedAt', width: 150, render: (v: string, row) => `${formatDateTime(v)} ${label(enquiryChannelLabels[row.channel])}` },
          {
            title: t('enquiry.kind'),
            key: 'who',
            width: 180,
            render: (_v, row) => [label(enquirerKindLabels[row.enquirerKind]), row.enquirerName, row.enquirerContact].filter(Boolean).join(' / '),
          },
          { title: t('enquiry.content'), dataIndex: 'content', render: (v: string) => <span style={{ whiteSpace: 'pre-wrap' }}>{v}</span> },
          {
            title: t('enquiry.response'),
            key: 'response',
            render: (_v, row) => (
              <span style={{ whiteSpace: 'pre-wrap' }}>{[row.response, row.respondedAt ? formatDateTime(row.respondedAt) : null].filter(Boolean).join('\n')}</span>
            ),
          },
          ...(readOnly
            ? []
            : [
                {
                  title: '',
                  key: 'actions',
                  width: 90,
                  render: (_v: unknown, row: Enquiry) => <RowActions onEdit={() => setEditing(row)} onDelete={() => void remove(pathOf(c.deleteEnquiry, { id: row.id }))} />,
                },
              ]),
        ]}
      />
      {editing ? (
        <EntryModal
          title={t('enquiry.add')}
          schema={enquiryBody}
          url={current ? pathOf(c.updateEnquiry, { id: current.id }) : pathOf(c.addEnquiry, { id: incident.id })}
          method={current ? 'PUT' : 'POST'}
          defaults={{
            receivedAt: current?.receivedAt ?? nowIso(),
            channel: current?.channel ?? 'phone',
            enquirerKind: current?.enquirerKind ?? 'individual',
            enquirerName: current?.enquirerName ?? '',
            enquirerContact: current?.enquirerContact ?? '',
            content: current?.content ?? '',
            response: current?.response ?? '',
            respondedAt: current?.respondedAt ?? null,
          }}
          onClose={() => setEditing(null)}
        >
          {(form) => (
            <>
              <Field control={form.control} name="receivedAt" label={t('enquiry.receivedAt')} required>
                {(field) => <DateTimeInput {...bound(field)} />}
              </Field>
              <Space wrap style={{ width: '100%' }}>
                <Field control={form.control} name="channel" label={t('enquiry.channel')} required>
                  {(field) => (
                    <Select
                      id={field.id}
                      value={field.value}
                      onChange={field.onChange}
                      style={{ width: 180 }}
                      options={enquiryChannels.map((c) => ({ value: c, label: label(enquiryChannelLabels[c]) }))}
                    />
                  )}
                </Field>
                <Field control={form.control} name="enquirerKind" label={t('enquiry.kind')} required>
                  {(field) => (
                    <Select
                      id={field.id}
                      value={field.value}
                      onChange={field.onChange}
                      style={{ width: 200 }}
                      options={enquirerKinds.map((c) => ({ value: c, label: label(enquirerKindLabels[c]) }))}
                    />
                  )}
                </Field>
              </Space>
              <Field control={form.control} name="enquirerName" label={t('enquiry.name')}>
                {(field) => <Input {...field} value={field.value ?? ''} />}
              </Field>
              <Field control={form.control} name="enquirerContact" label={t('enquiry.contact')}>
                {(field) => <Input {...field} value={field.value ?? ''} />}
              </Field>
              <Field control={form.control} name="content" label={t('enquiry.content')} required>
                {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={3} />}
              </Field>
              <Field control={form.control} name="response" label={t('enquiry.response')}>
                {(field) => <Input.TextArea {...field} value={field.value ?? ''} rows={3} />}
              </Field>
              <Field control={form.control} name="respondedAt" label={t('enquiry.respondedAt')}>
                {(field) => <DateTimeInput id={field.id} value={field.value ?? null} onChange={field.onChange} onBlur={field.onBlur} status={field.status} />}
              </Field>
            </>
          )}
        </EntryModal>
      ) : null}
    </Card>
  );
}
