import type { Tx } from '../../platform/db/connection.ts';
import { pdfHeaderOf } from '../../platform/exports/pdfHeader.ts';
import { HttpError } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import type { DateStyle } from '../../platform/org/org.schema.ts';
import { type ComposedSpecialClauses, composeSpecialClausesFrom, specialClauseTemplateSets } from '../../rules/contractors/specialClauses.ts';
import { entryContents } from '../inventory/inventory.exports.ts';
import { findContractor } from './contractors.queries.ts';
import type { SpecialClausesQuery } from './special-clauses.schema.ts';
import { currentOrganizationTemplate } from './special-clause-templates.ts';

/** `versionLabel`: the version of 自社のひな型 the document was made from (null for a built-in set). */
export type SpecialClausesDocument = ComposedSpecialClauses & { organizationName: string; contractorName: string; dateStyle: DateStyle; versionLabel: string | null };

/**
 * The 個人情報特記事項 of a 委託先 (issue 13): 甲 is the organization, 乙 the contractor, the 業務名
 * its 委託する業務 (or the one given), and 第2条's 甲から提供される個人情報 the linked 台帳 entries
 * with their 個人情報の項目 (through the inventory module's public reads). A choice the template
 * does not offer, or no linked entry, is a 422 naming the field; nothing is written. 「自社のひな型」
 * (`organization`) composes the organization's current version (special-clause-templates.ts); the
 * 特定個人情報 article (J.9.4 3 i)〜r)) is included when the 委託先 handles 特定個人情報.
 */
export async function loadSpecialClauses(tx: Tx, actor: Actor, contractorId: string, query: SpecialClausesQuery): Promise<SpecialClausesDocument> {
  const row = await findContractor(tx, actor.organizationId, contractorId);
  const header = await pdfHeaderOf(tx, actor.organizationId);
  const entries = await entryContents(tx, actor.organizationId, row.entryIds);
  const providedItems = entries.map((e) => {
    const items = (e.data.items ?? []).filter((i) => i.trim() !== '');
    return items.length > 0 ? `${e.name}（${items.join('、')}）` : e.name;
  });
  const { template, businessName, ...choices } = query;
  const own = template === 'organization' ? await currentOrganizationTemplate(tx, actor.organizationId) : null;
  const result = composeSpecialClausesFrom(own ? own.set : specialClauseTemplateSets[template as Exclude<typeof template, 'organization'>], {
    choices,
    specificPersonalInfo: row.specificPersonalInfo,
    principalName: header.organizationName,
    contractorName: row.name,
    businessName: businessName ?? row.entrustedWork,
    providedItems,
    collectedItems: [],
  });
  if (!result.ok) {
    const problems = result.problems.map((p) =>
      p.field === 'providedItems' ? { path: 'entryIds', message: '取り扱う個人情報がありません: 委託先に台帳の項目を紐付けてください' } : { path: p.field, message: p.message },
    );
    throw new HttpError(422, problems.map((p) => p.message).join(' / '), 'invalid', problems);
  }
  return { ...result.value, organizationName: header.organizationName, contractorName: row.name, dateStyle: header.dateStyle, versionLabel: own?.versionLabel ?? null };
}
