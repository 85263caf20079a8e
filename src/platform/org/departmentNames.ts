import { eq } from 'drizzle-orm';
import { normalizeLabel } from '../../domain/text.ts';
import { quoteCell } from '../../rules/ledgerValues/index.ts';
import type { Tx } from '../db/connection.ts';
import type { Resolution } from '../imports/register.ts';
import { departments } from './org.tables.ts';

// 所属の名前 as files write them (issue #12): every register's import reads a 所属 by its name or
// its code, the same way (全角半角・空白を問わない).

export type DepartmentChoice = { id: string; name: string; code: string | null };

/** The organization's departments (id, name, code), for resolving and mapping 所属 names. */
export async function listDepartmentChoices(tx: Tx, organizationId: string): Promise<DepartmentChoice[]> {
  return tx
    .select({ id: departments.id, name: departments.name, code: departments.code })
    .from(departments)
    .where(eq(departments.organizationId, organizationId))
    .orderBy(departments.sortOrder, departments.name);
}

/**
 * 所属 by name, else by code; a name two departments share is refused, naming their codes (the
 * field named `label` in the message); null when neither matches (the pipeline then asks for a mapping).
 */
export function departmentNamed(text: string, all: readonly DepartmentChoice[], label: string): Resolution {
  const wanted = normalizeLabel(text);
  const byName = all.filter((d) => normalizeLabel(d.name) === wanted);
  if (byName.length === 1 && byName[0]) return { target: byName[0].id };
  if (byName.length > 1) {
    const codes = byName.map((d) => d.code).filter(Boolean);
    return { error: `${label}「${quoteCell(text)}」は同じ名前が複数あります。所属コード${codes.length ? `（${codes.join('・')}）` : ''}で指定してください` };
  }
  const byCode = all.filter((d) => d.code && normalizeLabel(d.code) === wanted);
  if (byCode.length === 1 && byCode[0]) return { target: byCode[0].id };
  return null;
}

/** A department as the value-mapping step offers it: 「総務部（D02）」. */
export const departmentChoiceLabel = (d: DepartmentChoice) => (d.code ? `${d.name}（${d.code}）` : d.name);
