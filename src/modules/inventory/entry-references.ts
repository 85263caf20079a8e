import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../platform/db/connection.ts';
import { HttpError, invalid } from '../../platform/http/errors.ts';
import { departments, people } from '../../platform/org/org.tables.ts';
import { noticeVersionSummaries } from '../notices/notices.api.ts';
import { type EntryNames, entryFindings } from './inventory.content.shared.ts';
import type { EntryContent } from './inventory.schema.ts';

// What a 台帳 content refers to (所管部署, アクセス権を有する者) — their names for the screens and
// the diffs, and the checks a 申請書 or an import passes before anything is written.

/** Department and people names for a set of contents (one query each). */
export async function namesFor(tx: Tx, organizationId: string, contents: readonly Pick<EntryContent, 'departmentId' | 'accessHolderIds'>[]) {
  const personIds = [...new Set(contents.flatMap((c) => c.accessHolderIds))];
  const departmentIds = [...new Set(contents.map((c) => c.departmentId))];
  const peopleRows =
    personIds.length === 0
      ? []
      : await tx
          .select({ id: people.id, name: people.name })
          .from(people)
          .where(and(eq(people.organizationId, organizationId), inArray(people.id, personIds)));
  const departmentRows =
    departmentIds.length === 0
      ? []
      : await tx
          .select({ id: departments.id, name: departments.name })
          .from(departments)
          .where(and(eq(departments.organizationId, organizationId), inArray(departments.id, departmentIds)));
  const personNames = new Map(peopleRows.map((p) => [p.id, p.name]));
  const departmentNames = new Map(departmentRows.map((d) => [d.id, d.name]));
  return {
    personNames,
    departmentNames,
    of: (content: Pick<EntryContent, 'departmentId'>): EntryNames => ({ departmentName: departmentNames.get(content.departmentId) ?? null, people: personNames }),
  };
}

/**
 * Checks what a content refers to: the 所管部署 and every アクセス権を有する者 belong to the
 * organization, and nobody who has left is given access (J.9.2 c) 7) ③). Refusals name the field.
 */
export async function assertReferences(tx: Tx, organizationId: string, content: EntryContent, today: string, pathPrefix = 'proposed.'): Promise<void> {
  const [department] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.organizationId, organizationId), eq(departments.id, content.departmentId)));
  if (!department) throw invalid(`${pathPrefix}departmentId`, '所管部署が見つかりません');
  const versionIds = content.noticeVersionIds ?? [];
  if (versionIds.length > 0) {
    const versions = await noticeVersionSummaries(tx, organizationId, versionIds);
    if (versions.length !== versionIds.length) throw invalid(`${pathPrefix}noticeVersionIds`, '通知文の版に、この組織の通知文でないものが含まれています');
    const drafts = versions.filter((v) => !v.published);
    if (drafts.length > 0) {
      throw invalid(`${pathPrefix}noticeVersionIds`, `通知文の版は公開済みの版を選んでください（${drafts.map((v) => `${v.title} 第${v.versionNo}版`).join('・')}は下書きです）`);
    }
  }
  if (content.accessHolderIds.length === 0) return;
  const rows = await tx
    .select({ id: people.id, name: people.name, leftOn: people.leftOn })
    .from(people)
    .where(and(eq(people.organizationId, organizationId), inArray(people.id, content.accessHolderIds)));
  if (rows.length !== content.accessHolderIds.length) throw invalid(`${pathPrefix}accessHolderIds`, 'アクセス権を有する者に、この組織の従業者でない人が含まれています');
  const left = rows.filter((p) => p.leftOn && p.leftOn <= today);
  if (left.length > 0) {
    throw invalid(`${pathPrefix}accessHolderIds`, `退職した従業者（${left.map((p) => p.name).join('・')}）はアクセス権を有する者に指定できません（J.9.2 c) 7) ③）`);
  }
}

/**
 * Refuses a content whose findings include errors (J.3.1.1 3 items missing, 要配慮 without its
 * ground, …): 422 with every error on its field, each message citing the clause.
 */
export function assertNoRuleErrors(content: EntryContent, names: EntryNames, pathPrefix = 'proposed.'): void {
  const errors = entryFindings(content, names).filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  throw new HttpError(
    422,
    `台帳の記載に不足・誤りがあります（${errors.length}件）: ${errors.map((e) => e.message).join(' / ')}`,
    'inventory_rules',
    errors.map((e) => ({ path: `${pathPrefix}${e.path}`, message: e.message })),
  );
}
