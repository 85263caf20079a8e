import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { type Clock, todayInJapan } from '../../domain/time.ts';
import { readAttachment, seedAttachment } from '../../platform/attachments/attachments.service.ts';
import { attachments } from '../../platform/attachments/attachments.tables.ts';
import type { Database, Tx } from '../../platform/db/connection.ts';
import { asSystem } from '../../platform/db/tenancy.ts';
import { conflict, HttpError, notFound } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { completeTasks } from '../../platform/tasks/moduleTasks.ts';
import { checkQuestionnaire, evaluationFromQuestionnaire, questionnaireAnswerLabels, questionnaireFileKinds } from '../../rules/contractors/questionnaire.ts';
import { type ContractorCriteriaSet, defaultContractorCriteria } from '../../rules/data/contractorCriteria.ts';
import { contractorForPortal, currentContractorCriteria } from '../contractors/contractors.portal.api.ts';
import { contractorPortalExchanges, contractorPortalLinks } from './contractorPortal.tables.ts';
import { EXCHANGE_OVERDUE_TASK } from './exchange-reminders.ts';
import { keepAnswersInProfile } from './profile.service.ts';
import type { questionnaireResponse } from './questionnaire.responses.ts';
import type { questionnaireAnswerBody } from './questionnaire.schema.ts';
import type { QuestionnaireCriteria, QuestionnaireFile } from './questionnaire.labels.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 個人情報管理状況調査票のやり取り (issue #13; 世田谷区 調査票 seeds/000, J.9.4 s)・t)). The 委託元
// sends its criteria set (a snapshot kept on the exchange); the 委託先 answers each 評価項目 and sends
// files of its profile; the files are copied into the 委託元's organization (its own record of what
// was submitted, owner `contractor_exchange`), so each side keeps its files in its own tenant.

type ExchangeRow = typeof contractorPortalExchanges.$inferSelect;

export const PROFILE_OWNER = 'contractor_profile';
export const EXCHANGE_OWNER = 'contractor_exchange';

/** The criteria set sent with a new 調査票 (the organization's set in force: contractors' currentContractorCriteria). */
export function criteriaSnapshot(criteria: ContractorCriteriaSet = defaultContractorCriteria): QuestionnaireCriteria {
  return {
    version: criteria.version,
    name: criteria.name,
    source: criteria.source,
    items: criteria.items.map((i) => ({ code: i.code, text: i.text, coversOthers: i.coversOthers === true })),
  };
}

const asCriteriaSet = (c: QuestionnaireCriteria): ContractorCriteriaSet => ({ version: c.version, name: c.name, source: c.source, items: c.items });
const kindLabel = (code: string) => questionnaireFileKinds.find((k) => k.code === code)?.label ?? 'その他の資料';

export function presentQuestionnaire(row: ExchangeRow): z.output<typeof questionnaireResponse> {
  const criteria = row.criteria ?? criteriaSnapshot();
  const answers = row.questionnaireAnswers ?? [];
  return {
    criteriaName: criteria.name,
    criteriaVersion: criteria.version,
    items: criteria.items.map((i) => {
      const a = answers.find((x) => x.code === i.code);
      return {
        code: i.code,
        text: i.text,
        coversOthers: i.coversOthers === true,
        answer: a?.answer ?? null,
        answerLabel: a ? questionnaireAnswerLabels[a.answer] : null,
        details: a?.details ?? null,
      };
    }),
    files: (row.files ?? []).map((f) => ({ ...f, kindLabel: kindLabel(f.kind) })),
  };
}

/** The 調査票 of an exchange, for the 委託元 that asked (contractorPortal.manage) or the 委託先 it is addressed to (contractorPortal.respond). */
export async function readQuestionnaire(tx: Tx, actor: Actor, id: string): Promise<ExchangeRow> {
  const [row] = await tx.select().from(contractorPortalExchanges).where(eq(contractorPortalExchanges.id, id));
  const principal = row?.organizationId === actor.organizationId && can(actor, 'contractorPortal.manage');
  const contractor = row?.counterpartyOrganizationId === actor.organizationId && row.organizationId !== actor.organizationId && can(actor, 'contractorPortal.respond');
  if (row?.kind !== 'questionnaire' || !(principal || contractor)) throw notFound('調査票');
  return row;
}

/**
 * 調査票への回答 (委託先). One system transaction with every query naming the organization on its
 * side: the exchange addressed to the caller's organization, the caller's own profile files (read
 * through the attachments platform, which checks the owner's rule and audits the read), and the
 * 委託元's copies. Refused whole with each 評価項目's error.
 */
export async function answerQuestionnaire(
  database: Database,
  actor: Actor,
  id: string,
  input: z.output<typeof questionnaireAnswerBody>,
  clock: Clock,
  ip: string,
): Promise<ExchangeRow> {
  return asSystem(
    database,
    async (tx) => {
      const [row] = await tx
        .select()
        .from(contractorPortalExchanges)
        .where(and(eq(contractorPortalExchanges.id, id), eq(contractorPortalExchanges.counterpartyOrganizationId, actor.organizationId)));
      if (!row || row.organizationId === actor.organizationId || row.kind !== 'questionnaire') throw notFound('調査票');
      const [link] = await tx.select({ status: contractorPortalLinks.status }).from(contractorPortalLinks).where(eq(contractorPortalLinks.id, row.linkId));
      if (link?.status !== 'active') throw conflict('委託元との接続が解除されています');
      if (row.status !== 'requested' && row.status !== 'returned') throw conflict('この調査票には回答済みです（差し戻されたときだけ回答し直せます）');
      const wanted = [...new Set(input.attachmentIds)];
      const files =
        wanted.length === 0
          ? []
          : await tx
              .select()
              .from(attachments)
              .where(
                and(eq(attachments.organizationId, actor.organizationId), eq(attachments.ownerType, PROFILE_OWNER), inArray(attachments.id, wanted), isNull(attachments.deletedAt)),
              );
      if (files.length !== wanted.length)
        throw new HttpError(422, '添付する資料は、自社のプロフィールにある資料から選んでください', 'validation', [
          { path: 'attachmentIds', message: '添付する資料は、自社のプロフィールにある資料から選んでください' },
        ]);
      const criteria = row.criteria ?? criteriaSnapshot();
      const problems = checkQuestionnaire(
        asCriteriaSet(criteria),
        input.answers,
        files.map((f) => f.kind),
      );
      if (problems.length > 0)
        throw new HttpError(
          422,
          `調査票を送れません（${problems.length}件）: ${problems.map((p) => p.message).join(' / ')}`,
          'questionnaire_incomplete',
          problems.map((p) => ({ path: `answers.${p.code}`, message: p.message })),
        );
      // Answers the 委託先 chose to keep in its profile too (it names them; never silently).
      await keepAnswersInProfile(tx, actor, criteria, input.answers, input.saveToProfile, clock);
      const copies: QuestionnaireFile[] = [];
      for (const file of files) {
        const { bytes } = await readAttachment(tx, actor, file.id, clock.now);
        const copy = await seedAttachment(tx, {
          organizationId: row.organizationId,
          ownerType: EXCHANGE_OWNER,
          ownerId: row.id,
          kind: file.kind,
          fileName: file.fileName,
          bytes,
          uploadedByName: input.answeredByName,
          note: `委託先の回答に添付（${displayDate(clock.today)}）`,
        });
        copies.push({ attachmentId: copy.id, fileName: copy.fileName, kind: copy.kind });
      }
      const [saved] = await tx
        .update(contractorPortalExchanges)
        .set({
          questionnaireAnswers: input.answers,
          files: [...(row.files ?? []), ...copies],
          answeredByName: input.answeredByName,
          answeredAt: clock.now,
          status: 'answered',
          updatedAt: clock.now,
        })
        .where(eq(contractorPortalExchanges.id, row.id))
        .returning();
      if (!saved) throw new Error('exchange update returned nothing');
      // The 委託元's overdue task (if the answer came late) is done: the answer is its evidence.
      await completeTasks(
        tx,
        row.organizationId,
        { sourceType: EXCHANGE_OVERDUE_TASK, sourceIds: [row.id] },
        { url: `/contractor-exchanges/${row.id}`, note: `委託先が回答（${input.answeredByName}）`, now: clock.now },
      );
      return saved;
    },
    { accountId: actor.accountId, ip },
  );
}

/**
 * The yearly evaluation pre-filled from the contractor's latest accepted 調査票 (J.9.4 t)): each
 * item with the answer it comes from. Nothing when no 調査票 was accepted.
 */
export async function evaluationPrefill(tx: Tx, actor: Actor, contractorId: string) {
  if (!(await contractorForPortal(tx, actor.organizationId, contractorId))) throw notFound('委託先');
  const [row] = await tx
    .select({ exchange: contractorPortalExchanges })
    .from(contractorPortalExchanges)
    .innerJoin(contractorPortalLinks, eq(contractorPortalLinks.id, contractorPortalExchanges.linkId))
    .where(
      and(
        eq(contractorPortalExchanges.organizationId, actor.organizationId),
        eq(contractorPortalLinks.contractorId, contractorId),
        eq(contractorPortalExchanges.kind, 'questionnaire'),
        eq(contractorPortalExchanges.status, 'accepted'),
      ),
    )
    .orderBy(desc(contractorPortalExchanges.reviewedAt))
    .limit(1);
  const exchange = row?.exchange;
  if (!exchange?.reviewedAt) return { exchangeId: null, acceptedOn: null, criteriaVersion: null, items: [], notInCriteria: [] };
  const criteria = exchange.criteria ?? criteriaSnapshot();
  const acceptedOn = todayInJapan(exchange.reviewedAt);
  // The evaluation is written against the criteria in force (J.9.4 s)), which may be a later version
  // than the one the 調査票 asked: each answer goes to the item of the same code; an answer whose item
  // the criteria no longer have is left out (and named), a reworded item says so in its citation.
  const current = await currentContractorCriteria(tx, actor.organizationId);
  const now = new Map(current.items.map((i) => [i.code, i.text]));
  const asked = new Map(criteria.items.map((i) => [i.code, i.text]));
  const items = evaluationFromQuestionnaire(asCriteriaSet(criteria), exchange.questionnaireAnswers ?? [], acceptedOn);
  return {
    exchangeId: exchange.id,
    acceptedOn,
    criteriaVersion: criteria.version,
    items: items
      .filter((i) => now.has(i.code))
      .map((i) =>
        asked.get(i.code)?.trim() === now.get(i.code)?.trim()
          ? i
          : { ...i, citation: `${i.citation}（調査票の項目の文言: 「${asked.get(i.code) ?? ''}」。現在の評価基準と文言が異なります）` },
      ),
    notInCriteria: items.filter((i) => !now.has(i.code)).map((i) => i.code),
  };
}
