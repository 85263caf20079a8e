import { and, desc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { todayInJapan } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import { conflict, HttpError, invalid, notFound } from '../../platform/http/errors.ts';
import { type Actor, can } from '../../platform/policies/actor.ts';
import { completeTasks } from '../../platform/tasks/moduleTasks.ts';
import {
  exemptionClause,
  exemptionGroundLabels,
  exemptionGroundsFor,
  type ProvisionRecordItem,
  provisionBasisLabels,
  relatedBasisLabel,
} from '../../rules/data/provisionRecordItems.ts';
import { checkProvisionRecordItems } from '../../rules/requiredItems/provisionRecordItems.ts';
import { provisionRecordFormLabels, provisionRecordKindLabels, provisionRecordRetention } from '../../rules/retention/index.ts';
import { cancelOpenDisposalTasks, ensureProvisionRecordDisposalTask, provisionRecordDisposalSource } from './provision-record-disposal.ts';
import type {
  correctProvisionRecordBody,
  createProvisionRecordBody,
  disposeProvisionRecordBody,
  provisionRecordDetailResponse,
  provisionRecordListQuery,
  provisionRecordResponse,
  recordFurtherProvisionBody,
} from './provision-records.schema.ts';
import { provisionRecords } from './notices.tables.ts';
import { provisionRecordHistory } from './provision-records.history.ts';
import { displayDate } from '../../domain/dateDisplay.ts';

// 第三者提供記録 (法第29条, J.8.8.2), 確認記録 (法第30条, J.8.8.3), 個人関連情報の提供に係る確認記録
// (法第31条第3項, J.8.8.4 4 c)〜f)) and the 提供先's 確認記録 of 個人関連情報 (J.8.8.4 4 g)〜j)): a
// record is refused while it lacks a 記録事項 of 規則第20条第1項 / 第24条第1項 / J.8.8.4 4; its retention
// (規則第21条・第25条・第29条, the 提供先 side by analogy to 第25条, SPEC §5.3) is computed by the pure
// rule and stored; the disposal task opens when it ends.

type Row = typeof provisionRecords.$inferSelect;
type RecordView = z.output<typeof provisionRecordResponse>;
type CreateInput = z.output<typeof createProvisionRecordBody>;
type CorrectInput = z.output<typeof correctProvisionRecordBody>;

/** 保存期間 as stored, with its basis and reason; null for an exemption entry. */
function retentionOf(row: Row): RecordView['retention'] {
  if (!row.retainUntil || !row.disposalDueOn || !row.retentionRulesVersion) return null;
  const retention = provisionRecordRetention(
    { recordKind: row.kind, form: row.form, createdOn: row.recordedOn, lastProvidedOn: row.lastProvidedOn ?? undefined },
    row.retentionRulesVersion,
  );
  return {
    years: retention.years,
    retainUntil: row.retainUntil,
    disposalDueOn: row.disposalDueOn,
    rulesVersion: row.retentionRulesVersion,
    basis: retention.basis,
    reason: retention.reason,
  };
}

function present(row: Row): RecordView {
  return {
    id: row.id,
    kind: row.kind,
    kindLabel: provisionRecordKindLabels[row.kind],
    basis: row.basis,
    // 個人関連情報 is provided on the person's consent to its acquisition as personal data (法第31条第1項第1号).
    basisLabel: row.kind === 'related' || row.kind === 'related_receipt' ? relatedBasisLabel : provisionBasisLabels[row.basis],
    form: row.form,
    formLabel: provisionRecordFormLabels[row.form],
    recordedOn: row.recordedOn,
    providedOn: row.providedOn,
    lastProvidedOn: row.lastProvidedOn,
    counterpartyKind: row.counterpartyKind,
    counterpartyName: row.counterpartyName,
    counterpartyAddress: row.counterpartyAddress,
    counterpartyRepresentative: row.counterpartyRepresentative,
    subject: row.subject,
    dataItems: row.dataItems,
    consentObtained: row.consentObtained,
    acquisitionHistory: row.acquisitionHistory,
    ppcPublished: row.ppcPublished,
    note: row.note,
    overseas: row.overseas,
    overseasBasis: row.overseasBasis,
    overseasCountry: row.overseasCountry,
    overseasInfo: row.overseasInfo,
    overseasInfoConfirmed: row.overseasInfoConfirmed,
    overseasMeasures: row.overseasMeasures,
    overseasSystemMethod: row.overseasSystemMethod,
    overseasEquivalentMeasures: row.overseasEquivalentMeasures,
    overseasForeignSystem: row.overseasForeignSystem,
    overseasObstacle: row.overseasObstacle,
    overseasObstacleSummary: row.overseasObstacleSummary,
    overseasObstacleAction: row.overseasObstacleAction,
    exemptionGround: row.exemptionGround,
    exemptionLabel: row.exemptionGround ? `${exemptionClause(row.kind, row.exemptionGround)} ${exemptionGroundLabels[row.exemptionGround].slice(3)}` : null,
    retention: retentionOf(row),
    disposedOn: row.disposedOn,
  };
}

/** The form field a missing item is shown beside (the 第三者 item: its first empty part). */
function fieldOf(item: ProvisionRecordItem, input: CreateInput): string {
  // J.8.8.1 3 l) 6): the 有無 first, then the 概要 of a 支障 recorded as あり.
  if (item.field === 'overseasObstacle') return input.overseasObstacle === true ? 'overseasObstacleSummary' : 'overseasObstacle';
  if (item.field !== 'counterparty') return item.field;
  if (input.counterpartyKind === 'unspecified') return 'counterpartyKind';
  if (!input.counterpartyName) return 'counterpartyName';
  if (!input.counterpartyAddress) return 'counterpartyAddress';
  return 'counterpartyRepresentative';
}

/** The first day 法第31条 (個人関連情報の第三者提供の制限等) was in force (令和2年改正法). */
const relatedInForceFrom = '2022-04-01';

/**
 * Refuses a ground the kind does not have: 個人関連情報 is provided only with consent (J.8.8.4 2), its
 * exemptions are J.8.8 f)〜l) — on the 提供元 side (c)〜f)) and the 提供先 side (g)〜j)) alike.
 */
function assertKindGround(input: CreateInput): void {
  if (input.kind !== 'related' && input.kind !== 'related_receipt') return;
  if (input.basis !== 'consent') {
    throw invalid('basis', `${provisionRecordKindLabels[input.kind]}の根拠は「本人の同意」だけです（J.8.8.4 1・2 a)、法第31条第1項第1号）`);
  }
  if (input.exemptionGround && !exemptionGroundsFor(input.kind).includes(input.exemptionGround)) {
    throw invalid(
      'exemptionGround',
      `個人関連情報の提供では「${exemptionGroundLabels[input.exemptionGround].slice(3)}」は記録を要しない場合に当たりません。J.8.8 f)〜l) から選んでください`,
    );
  }
  if (input.recordedOn < relatedInForceFrom) {
    throw invalid(
      'recordedOn',
      `個人関連情報の確認記録は法第31条の施行日（${displayDate(relatedInForceFrom)}）以後の日で作成してください（入力値: ${displayDate(input.recordedOn)}）`,
    );
  }
}

/** Refuses a record that lacks a 記録事項, naming each missing item with its clause beside its field. */
function assertRequiredItems(input: CreateInput): void {
  assertKindGround(input);
  const check = checkProvisionRecordItems(input);
  if (!check) throw invalid('basis', '第三者提供記録では「個人情報取扱事業者でない者からの提供」は選べません（確認記録の区分です）');
  if (check.missing.length === 0) return;
  const fields = check.missing.map((item) => ({ path: fieldOf(item, input), message: `${item.clause}「${item.text}」を記録してください` }));
  throw new HttpError(422, `${provisionRecordKindLabels[input.kind]}の記録事項が${check.missing.length}件不足しています`, 'missing_required_items', fields);
}

async function findRecord(tx: Tx, organizationId: string, id: string, forUpdate = false): Promise<Row> {
  const query = tx
    .select()
    .from(provisionRecords)
    .where(and(eq(provisionRecords.organizationId, organizationId), eq(provisionRecords.id, id)));
  const [row] = forUpdate ? await query.for('update') : await query;
  if (!row) throw notFound('記録');
  return row;
}

/** 第三者提供記録・確認記録の一覧, newest first (optionally one kind). */
export async function listProvisionRecords(tx: Tx, actor: Actor, query: z.output<typeof provisionRecordListQuery>): Promise<{ items: RecordView[]; canCreate: boolean }> {
  const rows = await tx
    .select()
    .from(provisionRecords)
    .where(and(eq(provisionRecords.organizationId, actor.organizationId), query.kind ? eq(provisionRecords.kind, query.kind) : undefined))
    .orderBy(desc(provisionRecords.recordedOn), desc(provisionRecords.createdAt));
  return { items: rows.map(present), canCreate: can(actor, 'notices.records') };
}

/** One record with its history (the audit trail's before → after) and what the caller may do with it. */
export async function getProvisionRecord(tx: Tx, actor: Actor, id: string): Promise<z.output<typeof provisionRecordDetailResponse>> {
  const row = await findRecord(tx, actor.organizationId, id);
  return {
    ...present(row),
    history: await provisionRecordHistory(tx, actor.organizationId, id),
    // A disposed record stays as it was when disposed of (規則第21条・第25条: its retention has ended).
    abilities: { correct: can(actor, 'notices.records') && row.disposedOn === null },
  };
}

/** The columns the retention decides: null for an exemption entry (no 記録事項, no statutory retention). */
type RetentionColumns = Pick<Row, 'lastProvidedOn' | 'retainUntil' | 'disposalDueOn' | 'retentionRulesVersion'>;

/**
 * Checks a whole record as it is to be saved — made or corrected — and computes its retention:
 * dates not after today, every 記録事項 present, the start of a 一括 / 契約書等 record's retention.
 * Throws the field's Japanese error before anything is written.
 */
function checkedRetention(input: CreateInput, today: string): RetentionColumns {
  if (input.recordedOn > today) throw invalid('recordedOn', `記録を作成した日（${displayDate(input.recordedOn)}）が今日より後になっています`);
  if (input.providedOn && input.providedOn > today) throw invalid('providedOn', `提供の年月日（${displayDate(input.providedOn)}）が今日より後になっています`);
  assertRequiredItems(input);
  // 記録を要しない場合 (J.8.8.2 2・J.8.8.3 2): the 記録事項 and the statutory retention do not apply
  // (法第29条第1項ただし書・第30条第1項ただし書), so no disposal task is made.
  if (input.exemptionGround) return { lastProvidedOn: null, retainUntil: null, disposalDueOn: null, retentionRulesVersion: null };
  const individual = input.form === 'individual';
  if (!individual && !input.lastProvidedOn) {
    throw invalid('lastProvidedOn', `最後に提供を行った（受けた）日は、${provisionRecordFormLabels[input.form]}の保存期間の起算日なので入力してください`);
  }
  if (!individual && input.lastProvidedOn && input.lastProvidedOn > today) {
    throw invalid('lastProvidedOn', `最後に提供を行った（受けた）日（${displayDate(input.lastProvidedOn)}）が今日より後になっています`);
  }
  if (!individual && input.providedOn && input.lastProvidedOn && input.lastProvidedOn < input.providedOn) {
    throw invalid('lastProvidedOn', `最後に提供を行った（受けた）日（${displayDate(input.lastProvidedOn)}）が提供の年月日（${displayDate(input.providedOn)}）より前になっています`);
  }
  const lastProvidedOn = individual ? null : (input.lastProvidedOn ?? null);
  const retention = provisionRecordRetention({ recordKind: input.kind, form: input.form, createdOn: input.recordedOn, lastProvidedOn: lastProvidedOn ?? undefined });
  return { lastProvidedOn, retainUntil: retention.retainUntil, disposalDueOn: retention.disposalDueOn, retentionRulesVersion: retention.rulesVersion };
}

/** 記録の作成: every 記録事項 present, the retention computed, the disposal task opened when it has already ended. */
export async function createProvisionRecord(tx: Tx, actor: Actor, input: CreateInput, now: Date): Promise<RecordView> {
  const today = todayInJapan(now);
  const retention = checkedRetention(input, today);
  const [row] = await tx
    .insert(provisionRecords)
    .values({ organizationId: actor.organizationId, ...input, ...retention, createdAt: now, updatedAt: now })
    .returning();
  if (!row) throw new Error('provision record insert returned nothing');
  if (row.disposalDueOn && row.disposalDueOn <= today) await ensureProvisionRecordDisposalTask(tx, row, today);
  return present(row);
}

/** The 記録事項 of a stored record, as the creation body carries them (a correction is laid over them). */
function recordedInput(row: Row): CreateInput {
  const { id, organizationId, lastProvidedOn, retainUntil, disposalDueOn, retentionRulesVersion, disposedOn, createdAt, updatedAt, ...items } = row;
  return { ...items, lastProvidedOn };
}

/**
 * 記録の修正: a mistyped 記録事項 (the 第三者's address, a date, the 作成方法 …) is corrected in place,
 * so the record keeps its history (the audit trail holds every before/after, shown on its page).
 * The corrected record is checked whole as on creation — every 記録事項 of 規則第20条第1項・第24条
 * 第1項 / J.8.8.4 4 — and its retention (規則第21条・第25条, SPEC §5.3) is computed again from the
 * corrected facts, as if they had been typed right: the rule set follows the corrected 作成日. When
 * the disposal-due day moves, the open disposal task of the old day is cancelled and, if the new
 * period has already ended, a task for the new day is opened. A disposed record is not changed.
 */
export async function correctProvisionRecord(tx: Tx, actor: Actor, id: string, input: CorrectInput, now: Date): Promise<RecordView> {
  const found = await findRecord(tx, actor.organizationId, id, true);
  if (found.disposedOn) {
    throw conflict(`この記録は${displayDate(found.disposedOn)}に廃棄済みのため修正できません（廃棄した記録は、廃棄した時の内容のまま残します）`, 'already_disposed');
  }
  const today = todayInJapan(now);
  const corrected: CreateInput = { ...recordedInput(found), ...input };
  const retention = checkedRetention(corrected, today);
  const [row] = await tx
    .update(provisionRecords)
    .set({ ...corrected, ...retention, updatedAt: now })
    .where(eq(provisionRecords.id, id))
    .returning();
  if (!row) throw notFound('記録');
  if (row.disposalDueOn !== found.disposalDueOn) {
    const moved = row.retainUntil ? `保存期間が${displayDate(row.retainUntil)}までに変わった` : '記録を要しない場合に改めた';
    await cancelOpenDisposalTasks(tx, actor.organizationId, id, `記録の修正で${moved}ため取消`, now);
  }
  if (row.disposalDueOn && row.disposalDueOn <= today) await ensureProvisionRecordDisposalTask(tx, row, today);
  return present(row);
}

/** 廃棄の記録: never before the retention ends (規則第21条・第25条); closes the disposal task. */
export async function disposeProvisionRecord(tx: Tx, actor: Actor, id: string, input: z.output<typeof disposeProvisionRecordBody>, now: Date): Promise<RecordView> {
  const found = await findRecord(tx, actor.organizationId, id, true);
  if (found.disposedOn) throw invalid('disposedOn', `この記録は${displayDate(found.disposedOn)}に廃棄済みです`);
  if (found.retainUntil && input.disposedOn <= found.retainUntil) {
    throw invalid(
      'disposedOn',
      `廃棄した日（${displayDate(input.disposedOn)}）が保存期間の末日（${displayDate(found.retainUntil)}）以前です。${displayDate(found.disposalDueOn ?? '')}以降に廃棄してください`,
    );
  }
  if (input.disposedOn > todayInJapan(now)) throw invalid('disposedOn', `廃棄した日（${displayDate(input.disposedOn)}）が今日より後になっています`);
  const [row] = await tx.update(provisionRecords).set({ disposedOn: input.disposedOn, updatedAt: now }).where(eq(provisionRecords.id, id)).returning();
  if (!row) throw notFound('記録');
  await completeTasks(
    tx,
    actor.organizationId,
    { sourceType: provisionRecordDisposalSource, sourceIds: [id] },
    { url: `/notices/provision-records/${id}`, note: `${displayDate(input.disposedOn)}に廃棄`, now, accountId: actor.accountId },
  );
  return present(row);
}

/**
 * 継続的・反復的な提供: a further provision under a 一括して作成した記録 or a 契約書等で代替した記録
 * moves 「最後に提供を行った（受けた）日」, the start of its retention (規則第21条第1号・第2号,
 * 第25条第1号・第2号); the retention is computed again and an open disposal task of the old period
 * is cancelled. A 個別の記録 is made anew for each provision (規則第19条第1項・第23条第1項).
 */
export async function recordFurtherProvision(tx: Tx, actor: Actor, id: string, input: z.output<typeof recordFurtherProvisionBody>, now: Date): Promise<RecordView> {
  const found = await findRecord(tx, actor.organizationId, id, true);
  if (found.disposedOn) throw conflict(`この記録は${displayDate(found.disposedOn)}に廃棄済みです`, 'already_disposed');
  if (found.exemptionGround || !found.retentionRulesVersion) {
    throw invalid('providedOn', '記録を要しない場合として記録した提供には、提供を追加できません。新しい提供は新しい記録として作成してください');
  }
  if (found.form === 'individual') {
    throw invalid('providedOn', '個別の記録（提供の都度作成）には提供を追加できません。新しい提供は新しい記録として作成してください（規則第19条第1項・第23条第1項）');
  }
  const today = todayInJapan(now);
  if (input.providedOn > today) throw invalid('providedOn', `提供の年月日（${displayDate(input.providedOn)}）が今日より後になっています`);
  if (found.lastProvidedOn && input.providedOn < found.lastProvidedOn) {
    throw invalid('providedOn', `提供の年月日（${displayDate(input.providedOn)}）が、記録済みの最後に提供を行った（受けた）日（${displayDate(found.lastProvidedOn)}）より前です`);
  }
  const retention = provisionRecordRetention(
    { recordKind: found.kind, form: found.form, createdOn: found.recordedOn, lastProvidedOn: input.providedOn },
    found.retentionRulesVersion,
  );
  const [row] = await tx
    .update(provisionRecords)
    .set({ lastProvidedOn: input.providedOn, retainUntil: retention.retainUntil, disposalDueOn: retention.disposalDueOn, updatedAt: now })
    .where(eq(provisionRecords.id, id))
    .returning();
  if (!row) throw notFound('記録');
  // The old period's disposal task no longer applies: the record must now be kept longer.
  if (retention.disposalDueOn !== found.disposalDueOn) {
    await cancelOpenDisposalTasks(
      tx,
      actor.organizationId,
      id,
      `${displayDate(input.providedOn)}に提供があり、保存期間が${displayDate(retention.retainUntil)}まで延びたため取消`,
      now,
    );
  }
  if (row.disposalDueOn && row.disposalDueOn <= today) await ensureProvisionRecordDisposalTask(tx, row, today);
  return present(row);
}
