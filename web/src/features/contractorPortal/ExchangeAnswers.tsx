import { Descriptions, Tag } from 'antd';
import { complianceReportItems } from '../../../../src/rules/data/contractorComplianceReport.ts';
import type { Exchange } from './types.ts';

/** A 遵守報告書 as answered: each item with はい／いいえ and its details; a deviation is marked 指摘. */
export function ExchangeAnswers({ exchange }: { exchange: Exchange }) {
  if (!exchange.answers) return null;
  const deviating = new Set(exchange.deviations.map((d) => d.number));
  return (
    <Descriptions size="small" column={1} bordered data-testid={`exchange-answers-${exchange.id}`}>
      {exchange.answers.map((a) => {
        const item = complianceReportItems.find((i) => i.number === a.number);
        return (
          <Descriptions.Item key={a.number} label={`(${a.number}) ${item?.text ?? ''}`}>
            {a.answer === 'yes' ? 'はい' : 'いいえ'}
            {deviating.has(a.number) ? (
              <Tag color="red" style={{ marginLeft: 8 }}>
                指摘
              </Tag>
            ) : null}
            {a.details ? <div style={{ whiteSpace: 'pre-wrap' }}>{a.details}</div> : null}
          </Descriptions.Item>
        );
      })}
    </Descriptions>
  );
}
