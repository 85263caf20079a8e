import { Descriptions } from 'antd';
import { factAnswerLabel, incidentReportFactLabels, incidentReportFacts } from '../../../../src/modules/contractorPortal/contractorPortal.reports.labels.ts';
import { countText } from '../../../../src/domain/numberInput.ts';
import type { PortalReport } from './reportTypes.ts';

const dateTime = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'medium', timeStyle: 'short' }) : '不明');
const date = (iso: string | null) => (iso ? iso.replaceAll('-', '/') : '—');

/** What the 委託先 reported, labelled as on its form (both sides see the same). */
export function ReportDetails({ report }: { report: PortalReport }) {
  const d = report.details;
  const items =
    d.kind === 'subcontract'
      ? [
          ['再委託先の名称', d.subContractorName],
          ['法人番号', d.corporateNumber ?? '—'],
          ['再委託して処理する業務の内容', d.work],
          ['再委託先が取り扱う個人情報', d.personalData],
          ['再委託の期間', `${date(d.startsOn)} 〜 ${date(d.endsOn)}`],
          ['着手予定日', date(d.workStartsOn)],
          ['再委託先における安全管理措置', d.safetyMeasures],
          ['再委託先に対する管理及び監督の方法', d.supervision],
          ['再委託する理由', d.reason],
          // 豊島区 守るべき事項 3 ウ: 再委託先において個人情報を取り扱う作業責任者及び作業従事者の氏名等
          ['再委託先の作業責任者', d.workLeadName ? `${d.workLeadName}（${d.workLeadTitle ?? ''}） 連絡先: ${d.workLeadContact ?? ''}` : '記載なし'],
          ['再委託先の作業従事者', d.workers.length > 0 ? `${d.workers.join('、')}（${d.workers.length}人）` : '記載なし'],
        ]
      : d.kind === 'return_disposal'
        ? [
            ['返還・廃棄の日時', dateTime(d.performedAt)],
            ['方法', d.methodDetail ? `${d.methodLabel}（${d.methodDetail}）` : d.methodLabel],
            ['担当者', d.personInCharge],
            ['対象', d.target],
          ]
        : [
            ['発生した事故等の内容', d.whatHappened],
            ['事故の発生場所', d.place ?? '不明'],
            ['発生日時', dateTime(d.occurredAt)],
            ['事故等を知った日時', dateTime(d.knownAt)],
            ['漏えい等した個人情報の項目', d.personalData],
            ['本人の数', d.persons === null ? '不明' : countText(d.persons, d.personsApproximate)],
            ...incidentReportFacts.map((key) => [incidentReportFactLabels[key], factAnswerLabel(d[key])]),
            ['講じた措置', d.measures],
          ];
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      items={[...items, ['報告者', `${report.reportedByName}（${dateTime(report.reportedAt)}）`]].map(([label, children]) => ({ key: label, label, children }))}
    />
  );
}
