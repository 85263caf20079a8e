import { DownloadOutlined, FilePdfOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Col, Row, Skeleton, Space, Tag } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { AssessmentPhaseCard } from './AssessmentPhaseCard.tsx';
import { AssessmentProposalsModal } from './AssessmentProposalsModal.tsx';
import { AssessmentSidePanel } from './AssessmentSidePanel.tsx';
import { useRiskText } from './messages.ts';
import { useAssessmentForm } from './useAssessmentForm.ts';

function AssessmentScreen() {
  const rt = useRiskText();
  const { id } = useParams();
  const { detail, records, errors, problem, busy, byPhase, dirty, add, update, remove, save, submit, exportFile } = useAssessmentForm(id);
  const [proposing, setProposing] = useState<{ phase: string | null } | null>(null);
  const d = detail.data;
  if (detail.isError) return <QueryError error={detail.error} onRetry={() => detail.refetch()} />;
  if (!d || !records) return <Skeleton active />;
  const readOnly = !d.canEdit;

  return (
    <>
      <PageHeader
        title={
          <Space>
            {d.category}
            <Tag color={d.status === 'approved' ? 'green' : d.status === 'pending' ? 'blue' : d.status === 'returned' ? 'orange' : 'default'} data-testid="assessment-status">
              {d.statusLabel}
            </Tag>
            {dirty ? (
              <Tag color="gold" data-testid="assessment-unsaved">
                {rt('risk.unsavedTag')}
              </Tag>
            ) : null}
          </Space>
        }
        lead={`${d.departmentName}・${rt('risk.criteria', { title: d.criteria.title, id: d.criteriaVersion })}`}
        extra={
          <>
            <Button icon={<DownloadOutlined />} onClick={() => exportFile('xlsx')} data-testid="assessment-export">
              {rt('risk.exportExcel')}
            </Button>
            <Button icon={<FilePdfOutlined />} onClick={() => exportFile('pdf')}>
              {rt('risk.exportPdf')}
            </Button>
            {!readOnly ? (
              <>
                <Button icon={<PlusOutlined />} onClick={() => setProposing({ phase: null })}>
                  {rt('risk.addTypical')}
                </Button>
                <Button icon={<SaveOutlined />} loading={busy === 'save'} onClick={() => void save()} data-testid="assessment-save">
                  {rt('risk.save')}
                </Button>
              </>
            ) : null}
            {d.canSubmit ? (
              <Button type="primary" icon={<SendOutlined />} loading={busy === 'submit'} onClick={() => void submit()} data-testid="assessment-submit">
                {rt('risk.submit')}
              </Button>
            ) : null}
          </>
        }
      />
      {problem ? <Alert type="error" showIcon title={problem} style={{ marginBottom: 16 }} data-testid="assessment-error" /> : null}
      <Row gutter={16}>
        <Col xs={24} xl={17}>
          {d.criteria.phases.map((phase) => (
            <AssessmentPhaseCard
              key={phase.id}
              phase={phase}
              rows={byPhase.get(phase.id) ?? []}
              criteria={d.criteria}
              readOnly={readOnly}
              errors={errors}
              onPropose={() => setProposing({ phase: phase.id })}
              onAdd={() => add(phase.id)}
              onChange={update}
              onRemove={remove}
            />
          ))}
        </Col>
        <Col xs={24} xl={7}>
          <AssessmentSidePanel assessment={d} />
        </Col>
      </Row>
      {proposing ? (
        <AssessmentProposalsModal
          assessmentId={d.id}
          phase={proposing.phase}
          criteria={d.criteria}
          onClose={() => setProposing(null)}
          onAdd={(chosen) => {
            for (const p of chosen) add(p.phase, p);
            setProposing(null);
          }}
        />
      ) : null}
    </>
  );
}

/** リスク分析対策表 of one 類型: five phases × threats, scores, countermeasures, residual risks, approval, exports. */
export default function AssessmentPage() {
  return (
    <RequirePermission permission="risk.read">
      <AssessmentScreen />
    </RequirePermission>
  );
}
