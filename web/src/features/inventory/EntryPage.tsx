import { EditOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Descriptions, Empty, List, Row, Skeleton, Space, Tag, Timeline, Typography } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { overseasBasisLabels, processedKindLabels } from '../../../../src/modules/inventory/inventory.labels.ts';
import { acquisitionMethodLabels, specialCategories, storageMediumLabels } from '../../../../src/rules/inventoryRules.ts';
import { api } from '../../api/client.ts';
import { PageHeader, QueryError, RequirePermission } from '../../components/page.tsx';
import { useI18n } from '../../i18n/index.tsx';
import { formatDate, formatDateTime } from '../../lib/dates.ts';
import { ChangeTable, DutyList, FindingList, FlagTags, RiskStatusTag } from './components.tsx';
import { useText } from './messages.ts';
import type { EntryContent, EntryDetail } from './types.ts';

const categoryLabel = new Map(specialCategories.map((c) => [c.id, c.label]));
const term = (t: EntryContent['useUntil'], calendar: 'gregorian' | 'japanese') => [formatDate(t.date, calendar), t.description].filter(Boolean).join(' ');

/** Every field of an entry, in 台帳 column order. */
export function EntryDescriptions({
  content,
  accessHolders,
  departmentName,
  noticeVersions,
}: {
  content: EntryContent;
  accessHolders: { name: string }[];
  departmentName: string;
  /** 通知文の版 the entry relies on (M6), when the screen has their names. */
  noticeVersions?: { id: string; templateId: string; title: string; versionNo: number }[];
}) {
  const tx = useText();
  const { calendar } = useI18n();
  const basis = content.sensitiveBasis;
  return (
    <Descriptions column={1} bordered size="small" styles={{ label: { width: 220 } }} data-testid="entry-fields">
      <Descriptions.Item label={tx('inv.name')}>{content.name}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.department')}>{departmentName}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.items')}>{content.items.join('、')}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.purpose')}>{content.purpose}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.storageLocation')}>{content.storageLocation}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.storageMethod')}>
        {[content.storageMethod.media ? storageMediumLabels[content.storageMethod.media] : '', content.storageMethod.description].filter(Boolean).join('：')}
      </Descriptions.Item>
      <Descriptions.Item label={tx('inv.accessHolders')}>{[...accessHolders.map((a) => a.name), content.accessHolderNote].filter(Boolean).join('、')}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.useUntil')}>{term(content.useUntil, calendar)}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.retainUntil')}>{term(content.retainUntil, calendar)}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.recordCount')}>
        {content.recordCount ? `${content.recordCount.approximate ? '約' : ''}${content.recordCount.value.toLocaleString('ja-JP')}件` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={tx('inv.acquisitionMethods')}>{content.acquisitionMethods.map((m) => acquisitionMethodLabels[m]).join('、')}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.sensitive')}>
        {content.sensitive ? 'あり' : 'なし'}
        {basis
          ? `（${basis.kind === 'written_consent' ? `書面による同意${basis.noticeRef ? `: ${basis.noticeRef}` : ''}` : `J.8.3 2 ${basis.letter}) ${basis.reason ?? ''}`}）`
          : ''}
        {content.specialCategories.length ? ` / ${content.specialCategories.map((c) => categoryLabel.get(c) ?? c).join('、')}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={tx('inv.myNumber')}>{content.myNumber ? 'あり' : 'なし'}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.retainedPersonalData')}>{content.retainedPersonalData ? '該当' : '非該当'}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.processedKind')}>{processedKindLabels[content.processedKind]}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.entrustedTo')}>{content.entrustedTo.join('、')}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.thirdPartyProvision')}>
        {content.thirdPartyProvision ? 'あり' : 'なし'}
        {content.thirdPartyDetails ? `：${content.thirdPartyDetails}` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={tx('inv.jointUseDetails')}>{content.jointUseDetails}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.overseasCountries')}>
        {content.overseasCountries.join('、')}
        {content.overseasBasis ? `（J.8.8.1 1 ${overseasBasisLabels[content.overseasBasis]}）` : ''}
      </Descriptions.Item>
      <Descriptions.Item label={tx('inv.contactsPersons')}>{content.contactsPersons ? 'あり' : 'なし'}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.disposalMethod')}>{content.disposalMethod}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.disposedAt')}>{formatDate(content.disposedAt, calendar)}</Descriptions.Item>
      <Descriptions.Item label={tx('inv.noticeRefs')}>{content.noticeRefs.join('、')}</Descriptions.Item>
      {noticeVersions && noticeVersions.length > 0 ? (
        <Descriptions.Item label={tx('inv.noticeVersions')}>
          {noticeVersions.map((v, i) => (
            <span key={v.id}>
              {i > 0 ? '、' : ''}
              <Link to={`/notices/${v.templateId}`}>{`${v.title} 第${v.versionNo}版`}</Link>
            </span>
          ))}
        </Descriptions.Item>
      ) : null}
    </Descriptions>
  );
}

function EntryScreen() {
  const tx = useText();
  const { id } = useParams();
  const navigate = useNavigate();
  const entry = useQuery({ queryKey: ['inventory', 'entry', id], queryFn: () => api.get<EntryDetail>(`/api/inventory/entries/${id}`) });
  if (entry.isError) return <QueryError error={entry.error} onRetry={() => entry.refetch()} />;
  if (!entry.data) return <Skeleton active />;
  const e = entry.data;
  return (
    <>
      <PageHeader
        title={
          <Space>
            {e.name}
            <RiskStatusTag status={e.riskStatus} label={e.riskStatusLabel} />
          </Space>
        }
        lead={`${e.departmentName}・${tx('inv.revision')} ${e.revision}・${tx('inv.updatedAt')} ${formatDateTime(e.updatedAt)}`}
        extra={
          e.abilities.requestChange ? (
            <Button type="primary" icon={<EditOutlined />} onClick={() => navigate(`/inventory/requests/new?entryId=${e.id}`)} data-testid="entry-change">
              {tx('inv.requestChange')}
            </Button>
          ) : null
        }
      />
      <Space style={{ marginBottom: 12 }}>
        <FlagTags entry={{ ...e.content, ...e, entrusted: e.content.entrustedTo.length > 0, overseas: e.content.overseasCountries.length > 0, disposalDue: !!e.disposal }} />
      </Space>
      {e.disposal ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={`${tx('inv.disposalDue')}: ${e.disposal.task.title}`}
          description={
            <div>
              {e.disposal.reasons.map((r) => (
                <div key={r.kind}>
                  {r.label}（{r.date}）— {r.clause}
                </div>
              ))}
              {e.disposal.keepUntil ? <div>{tx('inv.keepUntil', { date: e.disposal.keepUntil })}</div> : null}
              <ul style={{ margin: '4px 0 0' }}>
                {e.disposal.task.methods.map((m) => (
                  <li key={m.clause}>
                    {m.text}（{m.clause}）
                  </li>
                ))}
              </ul>
            </div>
          }
        />
      ) : null}
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={tx('inv.title')} style={{ marginBottom: 16 }}>
            <EntryDescriptions content={e.content} accessHolders={e.accessHolders} departmentName={e.departmentName} noticeVersions={e.noticeVersions} />
          </Card>
          {e.importExtras.length > 0 ? (
            // 取込時の追加情報 (issue #12): the imported file's columns no 台帳 field took, as written.
            <Card title={tx('imp.extras')} style={{ marginBottom: 16 }} data-testid="entry-import-extras">
              <Descriptions column={1} bordered size="small" styles={{ label: { width: 220 } }}>
                {e.importExtras.map((x) => (
                  <Descriptions.Item key={`${x.heading}:${x.value}`} label={x.heading}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{x.value}</span>
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          ) : null}
          <Card title={tx('inv.history')} style={{ marginBottom: 16 }}>
            <Timeline
              data-testid="entry-history"
              items={e.history.map((h) => ({
                key: h.id,
                color: h.kind === 'created' || h.kind === 'imported' ? 'green' : h.kind === 'disposed' ? 'gray' : 'blue',
                children: (
                  <div>
                    <Space wrap>
                      <strong>
                        {tx('inv.revision')} {h.revision}
                      </strong>
                      <Tag>{h.kindLabel}</Tag>
                      <span style={{ color: 'rgba(0,0,0,0.6)' }}>{formatDateTime(h.at)}</span>
                    </Space>
                    <div>
                      {h.requestId ? <Typography.Link onClick={() => navigate(`/inventory/requests/${h.requestId}`)}>{h.requestKindLabel ?? h.summary}</Typography.Link> : null}{' '}
                      {h.summary}
                    </div>
                    <div style={{ fontSize: 12, color: '#595959' }}>{tx('inv.historyBy', { requester: h.requestedByName ?? '—', actor: h.actorName ?? '—' })}</div>
                    {h.changes.length > 0 ? (
                      <div style={{ marginTop: 6 }}>
                        <ChangeTable changes={h.changes} />
                      </div>
                    ) : null}
                  </div>
                ),
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={tx('inv.assessments')} style={{ marginBottom: 16 }}>
            {e.assessments.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('inv.noAssessments')} />
            ) : (
              <List
                size="small"
                dataSource={e.assessments}
                renderItem={(a) => (
                  <List.Item>
                    <Space wrap>
                      <Typography.Link onClick={() => navigate(`/risk/assessments/${a.id}`)}>{a.category}</Typography.Link>
                      <Tag>{a.statusLabel}</Tag>
                      {!a.current ? <Tag color="orange">要見直し（版{a.entryRevision}を分析）</Tag> : null}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          {e.openRequests.length > 0 ? (
            <Card title={tx('inv.openRequests')} style={{ marginBottom: 16 }}>
              <List
                size="small"
                dataSource={e.openRequests}
                renderItem={(r) => (
                  <List.Item>
                    <Typography.Link onClick={() => navigate(`/inventory/requests/${r.id}`)}>{r.kindLabel}</Typography.Link> <Tag>{r.statusLabel}</Tag>
                  </List.Item>
                )}
              />
            </Card>
          ) : null}
          <Card title={tx('inv.findings')} style={{ marginBottom: 16 }}>
            <FindingList findings={e.findings} emptyText={tx('inv.noFindings')} />
          </Card>
          <Card title={tx('inv.duties')} style={{ marginBottom: 16 }}>
            <DutyList duties={e.duties} />
          </Card>
        </Col>
      </Row>
    </>
  );
}

/** One 台帳 entry: fields, rule findings, duties, disposal, analyses and the full history. */
export default function EntryPage() {
  return (
    <RequirePermission permission="inventory.read">
      <EntryScreen />
    </RequirePermission>
  );
}
