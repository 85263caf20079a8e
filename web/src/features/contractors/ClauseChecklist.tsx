import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons';
import { Alert, Card, List, Spin, Tag, Typography } from 'antd';
import { QueryError } from '../../components/page.tsx';
import { useClauseCheck } from './api.ts';
import { useContractorText } from './messages.ts';

/**
 * 契約書の必須事項チェック (J.9.4 3 a)〜h)・i)〜r), 豊島区 守るべき事項 2.): the missing items with
 * their clause and the seed's wording first, then the items present and how they were found.
 */
export function ClauseChecklist({ contractorId }: { contractorId: string }) {
  const ct = useContractorText();
  const check = useClauseCheck(contractorId);
  if (check.isPending) return <Spin />;
  if (check.isError) return <QueryError error={check.error} onRetry={() => check.refetch()} />;
  const c = check.data;
  return (
    <Card size="small" title={ct('ct.check')} data-testid="ct-clause-check">
      {c.missing.length === 0 ? (
        <Alert type="success" showIcon title={ct('ct.checkAllPresent')} />
      ) : (
        <>
          <Alert type="warning" showIcon title={ct('ct.checkMissing', { n: c.missing.length })} style={{ marginBottom: 8 }} />
          <List
            size="small"
            dataSource={c.missing}
            renderItem={(item) => (
              <List.Item data-testid={`ct-missing-${item.code}`}>
                <span>
                  <CloseCircleOutlined style={{ color: '#cf1322', marginRight: 8 }} />
                  <Typography.Text strong>{item.clause}</Typography.Text> {item.text}
                  {item.referenceExample ? <Tag style={{ marginLeft: 8 }}>{ct('ct.reference')}</Tag> : null}
                </span>
              </List.Item>
            )}
          />
        </>
      )}
      {c.present.length > 0 ? (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {ct('ct.present')}
          </Typography.Title>
          <List
            size="small"
            dataSource={c.present}
            renderItem={(item) => (
              <List.Item>
                <span>
                  <CheckCircleOutlined style={{ color: '#389e0d', marginRight: 8 }} />
                  <Typography.Text>{item.clause}</Typography.Text> {item.text}{' '}
                  {item.by === 'text' ? <Tag color="gold">{ct('ct.byText', { keyword: item.keyword ?? '' })}</Tag> : <Tag>{ct('ct.byTicked')}</Tag>}
                </span>
              </List.Item>
            )}
          />
        </>
      ) : null}
    </Card>
  );
}
