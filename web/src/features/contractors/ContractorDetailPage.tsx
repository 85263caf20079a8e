import { Attachments } from '../../components/Attachments.tsx';
import { ImportExtras } from '../../components/ImportExtras.tsx';
import { ArrowLeftOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Result, Row, Spin, Tag } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { contractorFieldLabels as L } from '../../../../src/modules/contractors/contractors.labels.ts';
import { ApiError } from '../../api/client.ts';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { useContractor } from './api.ts';
import { ClauseChecklist } from './ClauseChecklist.tsx';
import { ContractorForm } from './ContractorForm.tsx';
import { EvaluationCard } from './EvaluationCard.tsx';
import { InspectionsCard } from './InspectionsCard.tsx';
import { useContractorText } from './messages.ts';
import { SpecialClausesCard } from './SpecialClausesCard.tsx';
import { SubcontractingCard } from './SubcontractingCard.tsx';
import { PortalCard } from '../contractorPortal/PortalCard.tsx';
import { ReceivedReportsCard } from '../contractorPortal/ReceivedReportsCard.tsx';

function ContractorDetailView() {
  const { id = '' } = useParams();
  const ct = useContractorText();
  const navigate = useNavigate();
  const format = useDateFormat();
  const [editing, setEditing] = useState(false);
  const query = useContractor(id);
  if (query.isPending) return <Spin />;
  if (query.isError) {
    if (query.error instanceof ApiError && query.error.status === 404) return <Result status="404" title="404" subTitle={query.error.message} />;
    return <QueryError error={query.error} onRetry={() => query.refetch()} />;
  }
  const d = query.data;
  const date = (v: string | null) => (v ? format(v) : '');
  return (
    <>
      <PageHeader
        title={d.name}
        lead={d.specificPersonalInfo ? <Tag color="purple">{`${L.specificPersonalInfo}: ${ct('ct.specificYes')}`}</Tag> : null}
        extra={
          <>
            {d.abilities.edit && !editing ? (
              <Button type="primary" icon={<EditOutlined />} onClick={() => setEditing(true)} data-testid="ct-edit">
                {ct('ct.edit')}
              </Button>
            ) : null}
            <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/contractors')}>
              {ct('ct.back')}
            </Button>
          </>
        }
      />
      {editing ? (
        <ContractorForm key={d.updatedAt} detail={d} onSaved={() => setEditing(false)} />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <Card size="small">
              <Descriptions size="small" column={1} bordered>
                <Descriptions.Item label={L.corporateNumber}>{d.corporateNumber ?? ''}</Descriptions.Item>
                <Descriptions.Item label={L.address}>{d.address ?? ''}</Descriptions.Item>
                <Descriptions.Item label={L.departmentId}>{d.departmentName ?? ''}</Descriptions.Item>
                <Descriptions.Item
                  label={L.privacyMarkStatus}
                >{`${d.privacyMarkStatusLabel}${d.privacyMarkExpiresOn ? `（${L.privacyMarkExpiresOn} ${date(d.privacyMarkExpiresOn)}）` : ''}`}</Descriptions.Item>
                <Descriptions.Item label={L.ismsStatus}>{`${d.ismsStatusLabel}${d.ismsExpiresOn ? `（${L.ismsExpiresOn} ${date(d.ismsExpiresOn)}）` : ''}`}</Descriptions.Item>
                <Descriptions.Item label={ct('ct.contact')}>{[d.contactName, d.contactPhone, d.contactEmail].filter(Boolean).join(' / ')}</Descriptions.Item>
                <Descriptions.Item label={L.entrustedWork}>{d.entrustedWork}</Descriptions.Item>
                <Descriptions.Item label={L.entryIds}>
                  {d.entries.map((e) => (
                    <Tag key={e.id} style={{ cursor: 'pointer' }} onClick={() => navigate(`/inventory/entries/${e.id}`)}>
                      {e.name}
                    </Tag>
                  ))}
                </Descriptions.Item>
                <Descriptions.Item label={`${L.contractStartsOn}〜${L.contractEndsOn}`}>{`${date(d.contractStartsOn)}〜${date(d.contractEndsOn)}`}</Descriptions.Item>
              </Descriptions>
              <ImportExtras note={d.note} extras={d.importExtras} />
            </Card>
          </Col>
          <Col xs={24} xl={12}>
            <ClauseChecklist contractorId={d.id} />
          </Col>
          <Col span={24}>
            {/* 契約書等 kept for the data's holding period (J.9.4 5): the 保存期限 comes from the server. */}
            <Attachments ownerType="contractor" ownerId={d.id} readOnly={!d.abilities.edit} title={ct('ct.documents')} />
          </Col>
          <Col span={24}>
            <EvaluationCard contractorId={d.id} />
          </Col>
          <Col span={24}>
            <InspectionsCard contractorId={d.id} />
          </Col>
          <Col span={24}>
            <SubcontractingCard detail={d} />
          </Col>
          <Col span={24}>
            <SpecialClausesCard contractorId={d.id} contractorName={d.name} />
          </Col>
          <Col span={24}>
            <PortalCard contractorId={d.id} />
          </Col>
          <Col span={24}>
            <ReceivedReportsCard contractorId={d.id} />
          </Col>
        </Row>
      )}
    </>
  );
}

/** 委託先の画面 (M7): the register's fields and the contract clause check. */
export default function ContractorDetailPage() {
  return (
    <RequirePermission permission="contractors.read">
      <ContractorDetailView />
    </RequirePermission>
  );
}
