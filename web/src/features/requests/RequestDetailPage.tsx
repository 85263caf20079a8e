import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button, Card, Col, Descriptions, Result, Row, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router';
import { principalFieldLabels as P, requestFieldLabels as L } from '../../../../src/modules/requests/requests.labels.ts';
import { Attachments } from '../../components/Attachments.tsx';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useDateFormat } from '../incidents/parts.tsx';
import { type RequestDetail, useRequest } from './api.ts';
import { ReplyCard } from './ReplyCard.tsx';
import { ComplaintClosureForm } from './ComplaintClosureForm.tsx';
import { OverseasRecordsCard } from './OverseasRecordsCard.tsx';
import { ProvisionRecordsCard } from './ProvisionRecordsCard.tsx';
import { CorrectionsPanel, DecisionForm, IdentityCheckForm } from './RequestForms.tsx';
import { Countdown } from './RequestListPage.tsx';
import { staffCitation } from '../../../../src/rules/requestDecisions/grounds.ts';
import { overseasInfoItemLabels } from '../../../../src/rules/requestDecisions/kinds.ts';

function DeadlineCard({ detail }: { detail: RequestDetail }) {
  const format = useDateFormat();
  const d = detail.deadline;
  return (
    <Card size="small" title="回答の期限">
      <Descriptions size="small" column={1}>
        <Descriptions.Item label="期限">
          {d.dueOn ? format(d.dueOn) : '—'} <Countdown daysLeft={d.daysLeft} legal={d.legal} />
        </Descriptions.Item>
        <Descriptions.Item label="根拠">{d.basis}</Descriptions.Item>
        <Descriptions.Item label="計算">{d.reason}</Descriptions.Item>
        {d.excludedDays > 0 ? <Descriptions.Item label="算入しない日数">{d.excludedDays}日（補正に要した日数）</Descriptions.Item> : null}
        {d.extendedDue ? <Descriptions.Item label="延長後の期限">{format(d.extendedDue)}</Descriptions.Item> : null}
        {d.specialPartDue ? <Descriptions.Item label="特例（相当の部分）の期限">{format(d.specialPartDue)}</Descriptions.Item> : null}
      </Descriptions>
    </Card>
  );
}

/** The decision once it is submitted for approval: read-only (a change needs the request withdrawn first). */
function DecisionSummary({ detail }: { detail: RequestDetail }) {
  const d = detail.decision;
  if (!d) return null;
  return (
    <Descriptions size="small" column={1} data-testid="decision-summary">
      <Descriptions.Item label={L.decisionScope}>{d.scopeLabel}</Descriptions.Item>
      {d.grounds.length > 0 ? (
        <Descriptions.Item label={L.decisionGrounds}>
          {d.grounds.map((g) => (
            <div key={g.code}>
              {staffCitation(g)} {g.label}
            </div>
          ))}
        </Descriptions.Item>
      ) : null}
      {d.withheldItems.length > 0 ? (
        <Descriptions.Item label={L.withheldItems}>
          {d.withheldItems.map((no) => (
            <div key={no}>{overseasInfoItemLabels[no]}</div>
          ))}
        </Descriptions.Item>
      ) : null}
      {d.note ? (
        <Descriptions.Item label={detail.kind === 'overseas_info' && d.scope !== 'full' ? '提供しない理由の説明（J.8.8.1 4）' : L.decisionNote}>{d.note}</Descriptions.Item>
      ) : null}
      <Descriptions.Item label={L.replyMethod}>{detail.replyMethod ?? '—'}</Descriptions.Item>
      {detail.feeYen !== null ? <Descriptions.Item label={L.feeYen}>{detail.feeYen.toLocaleString('ja-JP')}円</Descriptions.Item> : null}
    </Descriptions>
  );
}

function RequestView({ detail }: { detail: RequestDetail }) {
  const format = useDateFormat();
  const navigate = useNavigate();
  const complaint = detail.kind === 'complaint';
  return (
    <>
      <PageHeader
        title={
          <>
            {detail.kindLabel} <Typography.Text code>{detail.number}</Typography.Text> <Tag data-testid="request-status">{detail.statusLabel}</Tag>
          </>
        }
        lead="苦情・相談等受付処理票（請求者の個人情報の閲覧は監査ログに記録されます）"
        extra={
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/requests')}>
            一覧へ
          </Button>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card size="small" title="受付">
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={L.receivedOn}>{format(detail.receivedOn)}</Descriptions.Item>
              <Descriptions.Item label={L.channel}>
                {detail.channelLabel}
                {detail.portalReference ? '（公開窓口）' : ''}
              </Descriptions.Item>
              {detail.agentKind === 'none' ? (
                <>
                  <Descriptions.Item label={L.requesterName}>{detail.requesterName}</Descriptions.Item>
                  <Descriptions.Item label={L.requesterAddress}>{detail.requesterAddress ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={L.requesterContact}>{detail.requesterContact ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={L.agentKind}>{detail.agentKindLabel}</Descriptions.Item>
                </>
              ) : (
                // J.10.2 h): a request by an agent — whose name, address and contact each is, and who receives the reply.
                <>
                  <Descriptions.Item label={P.requesterName}>{detail.requesterName}</Descriptions.Item>
                  <Descriptions.Item label={P.requesterAddress}>{detail.requesterAddress ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={P.requesterContact}>{detail.requesterContact ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={L.agentKind}>{detail.agentKindLabel}</Descriptions.Item>
                  <Descriptions.Item label={L.agentName}>{detail.agentName ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={L.agentAddress}>{detail.agentAddress ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={L.agentContact}>{detail.agentContact ?? ''}</Descriptions.Item>
                  <Descriptions.Item label={L.replyTo}>
                    <span data-testid="request-reply-to">{detail.replyToLabel}</span>
                  </Descriptions.Item>
                </>
              )}
              <Descriptions.Item label={L.content}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{detail.content}</Typography.Paragraph>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <DeadlineCard detail={detail} />
        </Col>
        {complaint ? null : (
          <Col xs={24} xl={12}>
            <Card size="small" title="本人確認（J.10.2 h）">
              <IdentityCheckForm detail={detail} />
            </Card>
          </Col>
        )}
        {complaint ? null : (
          // 補正 is asked of a 開示等の請求 only (the server refuses it for 苦情・相談).
          <Col xs={24} xl={12}>
            <Card size="small" title="補正">
              <CorrectionsPanel detail={detail} />
            </Card>
          </Col>
        )}
        {detail.kind === 'provision_record_disclosure' ? (
          <Col xs={24}>
            <Card size="small" title="開示の対象となる第三者提供記録・確認記録（法第33条第5項）">
              <ProvisionRecordsCard detail={detail} />
            </Card>
          </Col>
        ) : null}
        {detail.kind === 'overseas_info' ? (
          <Col xs={24}>
            <Card size="small" title="外国にある第三者への提供に係る情報（J.8.8.1 3 l) 1)〜7)）">
              <OverseasRecordsCard detail={detail} />
            </Card>
          </Col>
        ) : null}
        <Col xs={24} xl={12}>
          {/* 委任状・本人確認書類 (J.10.2), sent from the public portal or scanned by staff; each download is audited. */}
          <Attachments ownerType="request" ownerId={detail.id} readOnly={!detail.abilities.manage} />
        </Col>
        <Col xs={24}>
          {complaint ? (
            <Card size="small" title="原因・対応と完了（J.11.1 d)）">
              <ComplaintClosureForm detail={detail} />
            </Card>
          ) : (
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={14}>
                <Card size="small" title="決定">
                  {['awaiting_approval', 'approved', 'answered'].includes(detail.status) ? <DecisionSummary detail={detail} /> : <DecisionForm detail={detail} />}
                </Card>
              </Col>
              <Col xs={24} xl={10}>
                <Card size="small" title="回答の承認と送付（J.10.4 c)）">
                  <ReplyCard detail={detail} />
                </Card>
              </Col>
            </Row>
          )}
        </Col>
      </Row>
    </>
  );
}

function RequestDetailScreen() {
  const { id = '' } = useParams();
  const request = useRequest(id);
  if (request.isPending) return <Spin />;
  if (request.isError) return <QueryError error={request.error} onRetry={() => request.refetch()} />;
  if (!request.data) return <Result status="404" title="請求が見つかりません" />;
  return <RequestView detail={request.data} />;
}

/** 苦情・相談等受付処理票 (M5). */
export default function RequestDetailPage() {
  return (
    <RequirePermission permission="requests.read">
      <RequestDetailScreen />
    </RequirePermission>
  );
}
