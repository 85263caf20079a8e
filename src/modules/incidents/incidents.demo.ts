import { and, eq } from 'drizzle-orm';
import { organizationFacts } from '../../domain/incidentFacts.ts';
import { seedAttachment } from '../../platform/attachments/attachments.service.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { departments, organizations, people } from '../../platform/org/org.tables.ts';
import { evaluateIncidentDuties, type IncidentFacts } from '../../rules/incidentDuties.ts';
import { seedDemoCorrectiveAction } from '../corrective/corrective.api.ts';
import { syncIncidentDuties } from './incidentDuties.sync.ts';
import { correctiveFromIncidentText } from './open-corrective-from-incident.ts';
import { incidentEnquiries, incidentMeetings, incidents, incidentTimeline } from './incidents.tables.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

/**
 * Demo data of M4/M10 (one small incident with its record, and the corrective action opened
 * from its cause), so a new demo shows every screen filled in. Idempotent; sends no
 * notifications. Called from src/platform/demo.ts.
 */
export async function seedDemoIncidents(tx: Tx, organizationId: string, today: string, now: Date): Promise<void> {
  const [existing] = await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.organizationId, organizationId)).limit(1);
  if (existing) return;
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  const [reporter] = await tx
    .select({ id: people.id, departmentId: people.departmentId })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), eq(people.name, '渡辺 さくら')));
  const [sales] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.name, '営業部')));
  if (!org || !reporter || !sales) return;
  const facts: IncidentFacts = { ...organizationFacts(org, today), knownOn: today, events: ['leak'], persons: 1 };
  const evaluation = evaluateIncidentDuties(facts);
  const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
  const [incident] = await tx
    .insert(incidents)
    .values({
      organizationId,
      number: `INC-${today.slice(0, 4)}-0001`,
      title: '見積書の誤送信（デモ）',
      status: 'responding',
      phase: 'notification',
      departmentId: sales.id,
      discoveredAt: at(240),
      knownOn: today,
      reportedAt: at(230),
      reportedByPersonId: reporter.id,
      reportSummary: '取引先A社宛ての見積書（担当者の氏名・電話番号を記載）を、誤ってB社の担当者にメール送信した。',
      facts,
      rulesVersion: evaluation.rulesVersion,
      evaluation,
      isIncident: evaluation.isIncident,
      factsRevision: 2,
      factsUpdatedAt: at(200),
      affectedRecords: [{ inventoryEntryId: null, name: '取引先担当者名簿', items: '氏名・電話番号', persons: 1, medium: '電子メール' }],
      narrative: {
        when: `${displayDate(today)} 9時頃`,
        where: '営業部（本社）',
        who: '営業部の担当者',
        what: '取引先担当者1名の氏名・電話番号を記載した見積書',
        why: '宛先のオートコンプリートで類似のアドレスを選んだ',
        how: '別の取引先の担当者にメールで送信した',
      },
      details: {
        cause: 'メール送信時の宛先確認の手順がなく、オートコンプリートをそのまま使っていた',
        secondaryDamage: '誤送信先から削除の報告を受けており、二次被害のおそれは低い',
        individualResponse: '本人に電話で事実を説明し、謝罪した',
        publicationStatus: '本人1名で二次被害のおそれが低いため、公表はしない',
        recurrencePrevention: '外部宛メールの送信前の宛先確認（ダブルチェック）を手順化する',
        otherNotes: null,
      },
      createdAt: at(230),
      updatedAt: at(200),
    })
    .returning();
  if (!incident) return;
  // 添付ファイル: the sent e-mail's copy as evidence (a one-page PDF, encrypted like every file on an incident).
  await seedAttachment(tx, {
    organizationId,
    ownerType: 'incident',
    ownerId: incident.id,
    kind: 'evidence',
    fileName: '誤送信したメールの控え（デモ）.pdf',
    bytes: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n'),
    uploadedByName: '田中 美咲',
    note: '送信済みメールを PDF に保存したもの',
  });
  await syncIncidentDuties(tx, incident, evaluation, { today, now: at(200) }, { notify: false });
  await tx.insert(incidentTimeline).values([
    {
      organizationId,
      incidentId: incident.id,
      phase: 'discovery',
      occurredAt: at(240),
      action: '担当者が誤送信に気づき、所属長に報告',
      actorName: '渡辺 さくら',
      createdByPersonId: reporter.id,
    },
    { organizationId, incidentId: incident.id, phase: 'initial_response', occurredAt: at(220), action: '誤送信先に連絡し、メールの削除を依頼', actorName: '田中 美咲' },
    { organizationId, incidentId: incident.id, phase: 'notification', occurredAt: at(180), action: '本人に電話で事実を説明し、謝罪', actorName: '田中 美咲' },
  ]);
  await tx.insert(incidentMeetings).values({
    organizationId,
    incidentId: incident.id,
    heldAt: at(210),
    place: '本社 会議室',
    attendees: '山田 太郎、佐藤 花子、田中 美咲',
    minutes: '事実関係と影響範囲（本人1名）を確認した。',
    decisions: '本人への連絡は営業部長が行う。問い合わせ窓口は総務部。',
  });
  await tx.insert(incidentEnquiries).values({
    organizationId,
    incidentId: incident.id,
    receivedAt: at(150),
    channel: 'email',
    enquirerKind: 'principal',
    enquirerName: 'B社 担当者',
    content: '誤って届いたメールを削除したことの連絡',
    response: 'お礼と、削除の確認をお願いした',
    respondedAt: at(140),
  });
  await seedDemoCorrectiveAction(
    tx,
    {
      organizationId,
      sourceType: 'incident',
      sourceId: incident.id,
      // The incident is referenced, not copied (issue #11 finding 6).
      sourceRef: null,
      departmentId: sales.id,
      title: correctiveFromIncidentText.title,
      content: 'メール誤送信の原因となった不適合（宛先確認の手順がない）。',
      correction: null,
      rootCause: '外部宛メールの送信手順が定められていない',
      reportedByPersonId: reporter.id,
      reportedByAccountId: null,
      reportedAt: at(100),
    },
    { today, now },
  );
}
