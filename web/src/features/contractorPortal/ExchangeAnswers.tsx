import { Descriptions, Tag } from 'antd';
import { complianceItemText } from '../../../../src/rules/contractors/complianceReport.ts';
import { complianceReportItems } from '../../../../src/rules/data/contractorComplianceReport.ts';
import type { Exchange } from './types.ts';

/**
 * A 遵守報告書 as answered: each item with はい／いいえ and its details; a deviation is marked 指摘, with
 * the contract term it contradicts (特記事項の再委託の条項, 承認済みの再委託) when that is why.
 */
export function ExchangeAnswers({ exchange }: { exchange: Exchange }) {
  if (!exchange.answers) return null;
  const audience = exchange.principalPublicBody ? 'public_body' : 'company';
  return (
    <Descriptions size="small" column={1} bordered data-testid={`exchange-answers-${exchange.id}`}>
      {exchange.answers.map((a) => {
        const item = complianceReportItems.find((i) => i.number === a.number);
        const findings = exchange.deviations.filter((d) => d.number === a.number);
        return (
          <Descriptions.Item key={a.number} label={`(${a.number}) ${item ? complianceItemText(item, audience) : ''}`}>
            {a.answer === 'yes' ? 'はい' : 'いいえ'}
            {findings.length > 0 ? (
              <Tag color="red" style={{ marginLeft: 8 }}>
                指摘
              </Tag>
            ) : null}
            {a.details ? <div style={{ whiteSpace: 'pre-wrap' }}>{a.details}</div> : null}
            {findings.flatMap((d) =>
              d.reason ? (
                <div key={d.reason} style={{ color: '#cf1322' }} data-testid={`exchange-finding-${exchange.id}-${a.number}`}>
                  {d.reason}
                </div>
              ) : (
                []
              ),
            )}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
