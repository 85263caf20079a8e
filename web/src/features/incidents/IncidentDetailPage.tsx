import { ArrowLeftOutlined, FilePdfOutlined, SendOutlined, ToolOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Col, Descriptions, Result, Row, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { incidentsContract } from '../../../../src/modules/incidents/incidents.contract.ts';
import { incidentRulesVersionLabel } from '../../../../src/rules/incidentDuties.ts';
import { ApiError, api, download } from '../../api/client.ts';
import { errorMessage } from '../../components/form.tsx';
import { PageHeader, QueryError } from '../../components/page.tsx';
import { useT } from '../../i18n/index.tsx';
import { formatDateTime } from '../../lib/dates.ts';
import { type IncidentDetail, incidentKeys, type OpenedCorrective, pathOf, useIncident } from './api.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { DutiesPanel } from './DutiesPanel.tsx';
import { FactsPanel } from './FactsPanel.tsx';
import { EnquiriesPanel, MeetingsPanel, TimelinePanel } from './LogPanels.tsx';
import { useIncidentT } from './messages.ts';
import { ApprovalSteps, IncidentStatusTag, PhaseTag, useDateFormat } from './parts.tsx';
import { RecordPanel } from './RecordPanel.tsx';

function OutputsPanel({ incident }: { incident: IncidentDetail }) {
  const t = useIncidentT();
  const tc = useT();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const save = (path: string, name: string) => () => download(path, `${name}_${incident.number}.pdf`).catch((error: unknown) => message.error(errorMessage(error, tc)));
  const closure = useMutation({
    mutationFn: () => api.post(pathOf(incidentsContract.submitClosure, { id: incident.id })),
    onSuccess: () => {
      message.success(t('out.closureSubmitted'));
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
    },
    onError: (error) => message.error(errorMessage(error, tc)),
  });
  const corrective = useMutation({
    mutationFn: () => api.post<OpenedCorrective>(pathOf(incidentsContract.openCorrective, { id: incident.id }), {}),
    onSuccess: (row) => {
      message.success(t('out.correctiveOpened'));
      void queryClient.invalidateQueries({ queryKey: incidentKeys.all });
      navigate(`/corrective-actions/${row.id}`);
    },
    onError: (error) => message.error(errorMessage(error, tc)),
  });
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={10}>
        <Card size="small" title={t('out.outputs')}>
          <Space direction="vertical">
            <Button icon={<FilePdfOutlined />} onClick={save(pathOf(incidentsContract.recordPdf, { id: incident.id }), '緊急事態対応記録')} data-testid="pdf-record">
              {t('out.record')}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={save(pathOf(incidentsContract.breachReportPdf, { id: incident.id }), '漏えい等報告書（案）')} data-testid="pdf-breach">
              {t('out.breach')}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={save(pathOf(incidentsContract.noticeLetterPdf, { id: incident.id }), '本人通知（案）')} data-testid="pdf-notice">
              {t('out.notice')}
            </Button>
          </Space>
        </Card>
        <Card size="small" title={t('out.corrective')} style={{ marginTop: 16 }}>
          {incident.correctiveAction ? (
            <Space>
              <Typography.Link
                onClick={() => navigate(`/corrective-actions/${incident.correctiveAction?.id}`)}
              >{`${incident.correctiveAction.number} ${incident.correctiveAction.title}`}</Typography.Link>
              <Tag>{incident.correctiveAction.statusLabel}</Tag>
            </Space>
          ) : incident.abilities.openCorrective ? (
            <Button icon={<ToolOutlined />} onClick={() => corrective.mutate()} loading={corrective.isPending}>
              {t('out.openCorrective')}
            </Button>
          ) : (
            <Typography.Text type="secondary">—</Typography.Text>
          )}
        </Card>
      </Col>
      <Col xs={24} xl={14}>
        <Card size="small" title={t('out.closure')}>
          <Typography.Paragraph type="secondary">{t('out.closureLead')}</Typography.Paragraph>
          <ApprovalSteps approval={incident.closure} emptyText={t('out.noApproval')} />
          {incident.abilities.submitClosure ? (
            <Button type="primary" icon={<SendOutlined />} style={{ marginTop: 12 }} onClick={() => closure.mutate()} loading={closure.isPending} data-testid="closure-submit">
              {t('out.submitClosure')}
            </Button>
          ) : null}
        </Card>
      </Col>
    </Row>
  );
}

/** 事案の画面: facts and duties, the record, timeline, meetings, enquiries, outputs and closure. */
export default function IncidentDetailPage() {
  const { id = '' } = useParams();
  const t = useIncidentT();
  const navigate = useNavigate();
  const format = useDateFormat();
  const query = useIncident(id);
  if (query.isPending) return <Spin />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <Result status="404" title="404" subTitle={query.error.message} />;
    return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  }
  const incident = query.data;
  // The server decides what the caller may change (abilities.edit: the PMS side, not while closing or closed).
  const readOnly = !incident.abilities.edit;
  const openOverdue = incident.duties.filter((d) => d.overdue).length;
  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            <Typography.Text code style={{ fontSize: 16 }}>
              {incident.number}
            </Typography.Text>
            <span data-testid="incident-title">{incident.title}</span>
          </Space>
        }
        lead={
          <Space wrap>
            <IncidentStatusTag status={incident.status} />
            <PhaseTag phase={incident.phase} />
            {openOverdue ? <Tag color="error">{`${t('dash.overdue')} ${openOverdue}`}</Tag> : null}
          </Space>
        }
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/incidents')}>
            {t('list.title')}
          </Button>
        }
      />
      {incident.status === 'closing' || incident.status === 'closed' ? <Alert type="info" showIcon title={t('detail.readOnly')} style={{ marginBottom: 12 }} /> : null}
      <Card size="small" style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={t('detail.reportedBy')}>{incident.reportedByName}</Descriptions.Item>
          <Descriptions.Item label={t('detail.reportedAt')}>{formatDateTime(incident.reportedAt)}</Descriptions.Item>
          <Descriptions.Item label={t('record.department')}>{incident.departmentName ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('detail.discoveredAt')}>{formatDateTime(incident.discoveredAt)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.knownOn')}>{format(incident.knownOn)}</Descriptions.Item>
          <Descriptions.Item label={t('detail.rulesVersion')}>
            {t('detail.rulesVersionValue', { rules: incidentRulesVersionLabel(incident.rulesVersion), revision: incident.factsRevision })}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0, whiteSpace: 'pre-wrap' }}>
          <Typography.Text type="secondary">{`${t('detail.reportSummary')}: `}</Typography.Text>
          {incident.reportSummary}
        </Typography.Paragraph>
      </Card>
      <Tabs
        defaultActiveKey="facts"
        items={[
          {
            key: 'facts',
            label: t('detail.facts'),
            children: (
              <Space direction="vertical" size={16} style={{ width: '100%' }}>
                <FactsPanel key={`${incident.id}:${incident.factsRevision}`} incident={incident} readOnly={readOnly} />
                <DutiesPanel incident={incident} readOnly={readOnly} />
              </Space>
            ),
          },
          {
            key: 'record',
            label: t('detail.record'),
            children: (
              <>
                <RecordPanel key={incident.id} incident={incident} readOnly={readOnly} />
                <Attachments ownerType="incident" ownerId={incident.id} readOnly={readOnly} />
              </>
            ),
          },
          { key: 'timeline', label: t('detail.timeline'), children: <TimelinePanel incident={incident} readOnly={readOnly} /> },
          { key: 'meetings', label: t('detail.meetings'), children: <MeetingsPanel incident={incident} readOnly={readOnly} /> },
          { key: 'enquiries', label: t('detail.enquiries'), children: <EnquiriesPanel incident={incident} readOnly={readOnly} /> },
          { key: 'outputs', label: t('detail.outputs'), children: <OutputsPanel incident={incident} /> },
        ]}
      />
    </>
  );
}
