import type { Clock } from '../../domain/time.ts';
import type { Tx } from '../../platform/db/connection.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import type { CorrectiveSource } from './corrective.labels.ts';
import type { CorrectiveRow } from './corrective.queries.ts';
import { createCorrectiveAction, insertCorrectiveAction, type NewCorrectiveValues } from './corrective.service.ts';

// The public face of M10 不適合・是正処置 for other modules: the incident module opens a
// corrective action from an incident's cause (J.4.4.2 z) → J.7.1 g) 2)), links to it and shows
// it. Other modules import this file, never the corrective tables or business functions.

export { presentCorrective, presentCorrectiveLink } from './corrective.presenters.ts';
export { correctiveForSources, findCorrectiveForSource } from './corrective.queries.ts';
export type { CorrectiveRow };

/** What another module gives when it opens a corrective action from one of its records. */
export type OpenCorrectiveInput = {
  sourceType: CorrectiveSource;
  /** The record it comes from (an incident's id, a 実地検査's finding id); the caller has checked it. */
  sourceId: string;
  /** Its reference as people quote it; null for an incident (referenced by sourceId, never copied: #11-6). */
  sourceRef: string | null;
  /** 当該所属: its 所属長 drafts the root cause and the plan (J.7.1 h) 2)). */
  departmentId: string;
  title: string;
  /** 不適合の内容. */
  content: string;
};

/**
 * 是正処置の起票 from another module's record: recorded like any 不適合の記録 (J.7.1 h) 1)) — the
 * department and the source are checked, the 所属長 and the 個人情報保護管理者 are notified.
 * Callers look for an existing one first with {@link findCorrectiveForSource} (one per record).
 */
export async function openCorrectiveAction(tx: Tx, actor: Actor, input: OpenCorrectiveInput, clock: Clock): Promise<CorrectiveRow> {
  return createCorrectiveAction(tx, actor, { ...input, correction: null }, clock, { sourceChecked: true });
}

/** Demo data: a corrective action stored as given (next 管理番号, status draft), with no notification. */
export async function seedDemoCorrectiveAction(tx: Tx, values: NewCorrectiveValues, clock: Clock): Promise<CorrectiveRow> {
  return insertCorrectiveAction(tx, values, clock);
}
