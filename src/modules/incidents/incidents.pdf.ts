import { PdfReport } from '../../platform/exports/pdf.ts';
import { countText } from '../../domain/numberInput.ts';
import { describeDeadline } from './duty-deadlines.ts';
import { incidentRulesVersionLabel } from '../../rules/incidentDuties.ts';
import {
  type AffectedRecord,
  describeFacts,
  dutyStatusLabels,
  enquirerKindLabels,
  enquiryChannelLabels,
  type IncidentNarrative,
  incidentPhaseLabels,
  incidentStatusLabels,
  narrativeKeys,
  narrativeLabels,
} from './incidents.labels.ts';
import type { IncidentDetail } from './incidents.queries.ts';

// The formal outputs of M4 (SPEC §3 Exports, M4 Outputs), rendered from the incident record:
// 緊急事態対応記録 (PA01 J.4.4.2《記録・再発防止・終結》v)〜x)), the 漏えい等報告 draft holding the
// nine report items of 個人情報保護法施行規則第8条第1項, and the 本人通知 draft with the items
// 第1・2・4・5・9号 that 規則第10条 requires. Drafts are marked as such: a person checks and
// sends them (the PPC takes reports through its own web form).

const dash = (value: string | null | undefined) => (value?.trim() ? value : '（未記入）');

function narrativeText(n: IncidentNarrative | null): string {
  if (!n) return '';
  return narrativeKeys
    .filter((k) => n[k])
    .map((k) => `${narrativeLabels[k].ja}：${n[k]}`)
    .join('\n');
}

function affectedText(records: AffectedRecord[]): string {
  return records
    .map((r) =>
      [r.name, r.items ? `（項目：${r.items}）` : '', r.medium ? `［媒体：${r.medium}］` : '', r.persons !== null ? ` ${r.persons.toLocaleString('ja-JP')}人` : ''].join(''),
    )
    .join('\n');
}

function personsText(d: IncidentDetail): string {
  const facts = d.incident.facts;
  const parts: string[] = [];
  if (typeof facts.persons === 'number') parts.push(countText(facts.persons, facts.personsApproximate));
  if (typeof facts.personsMayExceed === 'number') parts.push(`（最大 ${facts.personsMayExceed.toLocaleString('ja-JP')}人のおそれ）`);
  return parts.join('') || '（未確定）';
}

/** 概要 for the letter: when, where, what and how (who may name staff, why is item 3). */
function letterOverview(n: IncidentNarrative | null): string {
  const parts = [n?.when, n?.where, n?.what, n?.how].filter((v): v is string => Boolean(v?.trim()));
  return parts.length > 0 ? parts.join('\n') : '（未記入：5W1H の「いつ」「どこで」「何を」「どうした」を記入してください）';
}

/** One numbered item: its label in bold on its own line, the content below (long labels never wrap into the content). */
function reportItem(pdf: PdfReport, label: string, content: string): void {
  pdf.ensureSpace(48);
  pdf.setFont({ bold: true, size: 10 }).text(label, pdf.left, pdf.doc.y, { width: pdf.contentWidth });
  pdf.doc.moveDown(0.2);
  pdf.setFont({ size: 10 }).text(content, pdf.left + 12, pdf.doc.y, { width: pdf.contentWidth - 12, lineGap: 2 });
  pdf.doc.moveDown(0.6);
}

/** 日付の表記 of the organization's documents (organization setting; default 和暦). */
const dateStyleOf = (d: IncidentDetail) => d.organization.dateStyle;

const activeDuties = (d: IncidentDetail) => d.duties.filter(({ duty }) => duty.removedAt === null);

function closureStamps(d: IncidentDetail) {
  const current = d.closure.current;
  const steps = current?.steps ?? [
    { index: 0, label: '個人情報保護管理者' },
    { index: 1, label: 'トップマネジメント' },
  ];
  return steps.map((step) => {
    const stamp = current?.stamps.filter((s) => s.step === step.index && s.action === 'approve').at(-1);
    return { label: step.label, name: stamp?.actorName ?? null, at: stamp?.at ?? null };
  });
}

/** 緊急事態対応記録: the whole record, reported to top management and kept (J.4.4.2 v)〜x)). */
export async function renderIncidentRecordPdf(d: IncidentDetail, printedAt: Date): Promise<Buffer> {
  const i = d.incident;
  const pdf = new PdfReport({ title: '緊急事態対応記録', organizationName: d.organization.name, printedAt, dateStyle: dateStyleOf(d), subject: `${i.number} ${i.title}` });
  pdf.stampBox(closureStamps(d));
  pdf.keyValues([
    ['受付番号', i.number],
    ['件名', i.title],
    ['状態', `${incidentStatusLabels[i.status].ja}（対応段階：${incidentPhaseLabels[i.phase].ja}）`],
    ['発生部署', d.departmentName],
    ['発見日時', pdf.date(i.discoveredAt, { withTime: true })],
    ['知った日（発覚日）', pdf.date(i.knownOn)],
    ['報告者・報告日時', `${d.reporterName}　${pdf.date(i.reportedAt, { withTime: true })}${d.receivedByName ? `（受付: ${d.receivedByName}）` : ''}`],
    ['判定に用いた規則の版', `${incidentRulesVersionLabel(i.rulesVersion, (iso) => pdf.date(iso))}（事実の第${i.factsRevision}版）`],
    ['終結日時', i.closedAt ? pdf.date(i.closedAt, { withTime: true }) : null],
  ]);
  pdf.heading('1. 報告時の状況');
  pdf.paragraph(i.reportSummary);
  pdf.heading('2. 事実（5W1H）');
  pdf.keyValues(narrativeKeys.map((k) => [narrativeLabels[k].ja, dash(i.narrative?.[k])]));
  pdf.heading('3. 影響を受けた個人情報');
  if (i.affectedRecords.length > 0) {
    pdf.table(
      [
        { header: '個人情報の名称', width: 3 },
        { header: '項目', width: 4 },
        { header: '媒体', width: 2 },
        { header: '人数', width: 1.2, align: 'right' },
      ],
      i.affectedRecords.map((r) => [r.name, r.items, r.medium, r.persons === null ? '不明' : r.persons.toLocaleString('ja-JP')]),
    );
  } else pdf.paragraph('（未記入）');
  pdf.heading('4. 判定の前提とした事実');
  const facts = describeFacts(i.facts as Record<string, unknown>, (iso) => pdf.date(iso));
  pdf.keyValues(facts.length > 0 ? facts : [['事実', '（未入力）']], { labelWidth: 0.4 });
  pdf.heading('5. 報告等の義務と対応状況');
  const duties = activeDuties(d);
  const missing = i.evaluation.missingFacts ?? [];
  if (duties.length > 0) {
    pdf.table(
      [
        { header: '義務', width: 3 },
        { header: '期限・目安', width: 2.4 },
        { header: '根拠', width: 3.4 },
        { header: '対応状況', width: 2.6 },
      ],
      duties.map(({ duty, doneByName }) => [
        `${duty.label}\n（宛先：${duty.recipient}）`,
        describeDeadline(duty, (iso) => pdf.date(iso)),
        duty.basis,
        [dutyStatusLabels[duty.status].ja, duty.doneOn ? pdf.date(duty.doneOn) : '', doneByName ?? '', duty.referenceNumber ? `番号：${duty.referenceNumber}` : '', duty.note ?? '']
          .filter(Boolean)
          .join('\n'),
      ]),
      { fontSize: 8 },
    );
  } else if (missing.length === 0) pdf.paragraph('報告等の義務はありません。');
  // 事実の不足 (issue #10): no duty is not "no duty" while the facts it depends on are missing.
  if (missing.length > 0) {
    pdf.paragraph(duties.length > 0 ? '不足している事実があります。判明すると報告等の義務が増えることがあります。' : '事実が不足しているため、報告等の義務をまだ判定できません。');
    for (const m of missing) pdf.paragraph(`・不足している事実：${m.label}　${pdf.datesIn(m.reason)}`, { fontSize: 9 });
  }
  const exclusions = i.evaluation.exclusions;
  const notIncident = i.evaluation.notIncidentReasons;
  if (exclusions.length > 0 || notIncident.length > 0) {
    pdf.heading('6. 報告等の対象とならない理由');
    for (const e of exclusions) pdf.paragraph(`・${e.label}：${pdf.datesIn(e.reason)}（根拠：${e.basis}）`, { fontSize: 9 });
    for (const reason of notIncident) pdf.paragraph(`・${pdf.datesIn(reason)}`, { fontSize: 9 });
  }
  pdf.heading('7. 対応経過（組織内外の連絡・報告・協議を含む: J.4.4.2 w)・x)）');
  if (d.timeline.length > 0) {
    pdf.table(
      [
        { header: '日時', width: 2.2 },
        { header: '段階', width: 1.6 },
        { header: '対応内容', width: 5.5 },
        { header: '担当', width: 1.4 },
      ],
      d.timeline.map((t) => [pdf.date(t.occurredAt, { withTime: true }), incidentPhaseLabels[t.phase].ja, t.action, t.actorName]),
      { fontSize: 8 },
    );
  } else pdf.paragraph('（記録なし）');
  pdf.heading('8. 緊急事態対策会議');
  if (d.meetings.length === 0) pdf.paragraph('（記録なし）');
  for (const m of d.meetings) {
    pdf.keyValues([
      ['開催日時', pdf.date(m.heldAt, { withTime: true })],
      ['場所', m.place],
      ['出席者', m.attendees],
      ['議事', m.minutes],
      ['決定事項', m.decisions],
    ]);
  }
  pdf.heading('9. 外部からの問い合わせ・クレーム（J.4.4.2 v)）');
  if (d.enquiries.length > 0) {
    pdf.table(
      [
        { header: '受付日時・方法', width: 2.2 },
        { header: '問い合わせ者', width: 2 },
        { header: '内容', width: 3.4 },
        { header: '回答', width: 3.4 },
      ],
      d.enquiries.map(({ enquiry: q, handledByName }) => [
        `${pdf.date(q.receivedAt, { withTime: true })}\n${enquiryChannelLabels[q.channel].ja}`,
        [enquirerKindLabels[q.enquirerKind].ja, q.enquirerName, q.enquirerContact].filter(Boolean).join('\n'),
        q.content,
        [q.response, q.respondedAt ? pdf.date(q.respondedAt, { withTime: true }) : null, handledByName ? `対応：${handledByName}` : null].filter(Boolean).join('\n'),
      ]),
      { fontSize: 8 },
    );
  } else pdf.paragraph('（記録なし）');
  pdf.heading('10. 原因・再発防止（J.4.4.2 y)・z)）');
  pdf.keyValues([
    ['原因', dash(i.details?.cause)],
    ['二次被害', dash(i.details?.secondaryDamage)],
    ['本人への対応', dash(i.details?.individualResponse)],
    ['公表', dash(i.details?.publicationStatus)],
    ['再発防止のための措置', dash(i.details?.recurrencePrevention)],
    ['是正処置（J.7.1）', d.correctiveAction ? `${d.correctiveAction.number} ${d.correctiveAction.title}` : 'なし'],
  ]);
  return pdf.toBuffer();
}

/**
 * 漏えい等報告（案）: the nine items of 施行規則第8条第1項, from the record. The 速報 reports what
 * is known at the time; the 確報 all nine (通則編3-5-3-3・3-5-3-4).
 */
export async function renderBreachReportPdf(d: IncidentDetail, printedAt: Date): Promise<Buffer> {
  const i = d.incident;
  const pdf = new PdfReport({
    title: '個人データの漏えい等報告（下書き）',
    organizationName: d.organization.name,
    printedAt,
    dateStyle: dateStyleOf(d),
    subject: `${i.number} 漏えい等報告`,
  });
  pdf.paragraph(
    'この書面は Mamori が事案の記録から作成した下書きです。内容を確認のうえ、個人情報保護委員会の報告フォーム（https://roueihoukoku.ppc.go.jp/）等に転記して報告してください（個人情報保護法第26条第1項、同法施行規則第8条）。',
    { fontSize: 8.5 },
  );
  const ppc = activeDuties(d).filter(({ duty }) =>
    ['ppc_preliminary', 'ppc_final', 'mynumber_preliminary', 'mynumber_final', 'public_body_report', 'jipdec_preliminary', 'jipdec_final'].includes(duty.kind),
  );
  pdf.keyValues([
    ['報告者', [d.organization.name, d.organization.representative, d.organization.address].filter(Boolean).join('\n')],
    ['事案の受付番号', i.number],
    ['報告期限', ppc.length > 0 ? ppc.map(({ duty }) => `${duty.label}：${describeDeadline(duty, (iso) => pdf.date(iso))}`).join('\n') : '報告義務は判定されていません'],
    ['該当する事態', i.evaluation.triggers.map((t) => `${t.label}（${t.basis}）`).join('\n') || 'なし'],
  ]);
  const details = i.details;
  const overview = [
    `発生日：${dash(i.narrative?.when)}`,
    `発覚日：${pdf.date(i.knownOn)}`,
    `発覚の経緯・事案の内容：\n${narrativeText(i.narrative) || i.reportSummary}`,
    `委託関係：${i.facts.entrustment === 'contractor' ? '受託した個人データ（委託元への通知状況を含め記載）' : i.facts.entrustment === 'principal' ? '委託先で発生' : 'なし'}`,
  ].join('\n');
  pdf.heading('報告事項（施行規則第8条第1項）');
  const items: [string, string][] = [
    ['概要', overview],
    ['漏えい等が発生し、又は発生したおそれがある個人データの項目', affectedText(i.affectedRecords) || '（未記入）'],
    ['漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数', personsText(d)],
    ['原因', dash(details?.cause)],
    ['二次被害又はそのおそれの有無及びその内容', dash(details?.secondaryDamage)],
    ['本人への対応の実施状況', dash(details?.individualResponse)],
    ['公表の実施状況', dash(details?.publicationStatus)],
    ['再発防止のための措置（実施済みの措置と今後の措置）', dash(details?.recurrencePrevention)],
    ['その他参考となる事項', dash(details?.otherNotes)],
  ];
  for (const [index, [label, content]] of items.entries()) reportItem(pdf, `第${index + 1}号　${label}`, content);
  return pdf.toBuffer();
}

/**
 * 本人通知（案）: a letter to the persons concerned with the items 規則第10条 requires (第8条第1項
 * 第1・2・4・5・9号). Where the persons cannot be reached, an alternative (公表・問合せ窓口) is
 * recorded instead (法第26条第2項ただし書).
 */
export async function renderNoticeLetterPdf(d: IncidentDetail, printedAt: Date): Promise<Buffer> {
  const i = d.incident;
  const pdf = new PdfReport({
    title: '個人情報の漏えい等に関するお知らせとお詫び（下書き）',
    organizationName: d.organization.name,
    printedAt,
    dateStyle: dateStyleOf(d),
    subject: `${i.number} 本人通知`,
  });
  pdf.paragraph(`${pdf.date(printedAt)}`, { fontSize: 10 });
  pdf.paragraph('○○ ○○ 様', { fontSize: 11 });
  pdf.paragraph([d.organization.name, d.organization.representative].filter(Boolean).join('\n'));
  pdf.paragraph(
    'このたび、当社（当法人）がお預かりしているお客様の個人情報について、次のとおり漏えい等が発生した（又は発生したおそれがある）ことが判明いたしました。ご迷惑とご心配をおかけしますことを深くお詫び申し上げます。',
  );
  const details = i.details;
  reportItem(pdf, '1. 概要', letterOverview(i.narrative));
  reportItem(pdf, '2. 漏えい等が発生し、又は発生したおそれがある個人情報の項目', affectedText(i.affectedRecords.map((r) => ({ ...r, persons: null }))) || '（未記入）');
  reportItem(pdf, '3. 原因', dash(details?.cause));
  reportItem(pdf, '4. 二次被害又はそのおそれの有無及びその内容', dash(details?.secondaryDamage));
  reportItem(pdf, '5. その他参考となる事項（お問い合わせ窓口など）', dash(details?.otherNotes));
  pdf.paragraph(
    '（下書きの注意）通知事項は個人情報保護法施行規則第10条により第8条第1項第1・2・4・5・9号の事項です。本人への通知が困難な場合は、代替措置（事案の公表、問合せ窓口の設置等）を講じ、その内容を記録してください。',
    {
      fontSize: 8,
    },
  );
  return pdf.toBuffer();
}
