import { and, eq, sql } from 'drizzle-orm';
import { normalizeLabel } from '../../domain/text.ts';
import type { Tx } from '../db/connection.ts';
import { importMemory } from './imports.tables.ts';

// 取込の記憶 (issue #12, remember the choices per organization): the column mapping per heading
// and the value mapping per reference value an organization chose in a committed import, offered
// by itself the next time (marked as remembered; a choice made again replaces it).

/** The scope of a remembered heading (values are remembered under their field). */
export const COLUMN_SCOPE = 'column';

/** What an organization chose before, for one register: headings → field (`''`: not imported), and per field, values → target. */
export type ImportMemory = {
  columns: Map<string, string>;
  values: Map<string, Map<string, string>>;
};

export const emptyImportMemory = (): ImportMemory => ({ columns: new Map(), values: new Map() });

/** The organization's remembered choices for `register` (one query). */
export async function loadImportMemory(tx: Tx, organizationId: string, register: string): Promise<ImportMemory> {
  const rows = await tx
    .select({ scope: importMemory.scope, key: importMemory.key, target: importMemory.target })
    .from(importMemory)
    .where(and(eq(importMemory.organizationId, organizationId), eq(importMemory.register, register)));
  const memory = emptyImportMemory();
  for (const r of rows) {
    if (r.scope === COLUMN_SCOPE) memory.columns.set(r.key, r.target);
    else {
      const field = memory.values.get(r.scope) ?? new Map<string, string>();
      field.set(r.key, r.target);
      memory.values.set(r.scope, field);
    }
  }
  return memory;
}

/** The field remembered for a heading (`''`: chosen not to import it), or undefined. */
export function rememberedColumn(memory: ImportMemory, heading: string): string | undefined {
  return memory.columns.get(normalizeLabel(heading));
}

/** The target remembered for `value` of `field`, or undefined. */
export function rememberedValue(memory: ImportMemory, field: string, value: string): string | undefined {
  return memory.values.get(field)?.get(normalizeLabel(value));
}

/** The choices of a committed import: every heading of the file with its field (`''`: not imported), and the values mapped. */
export type ImportChoices = {
  columns: { heading: string; field: string }[];
  values: { field: string; value: string; target: string }[];
};

/**
 * Remembers the choices of a committed import for the organization: one row per heading and per
 * mapped value (the same heading or value, folded, replaces the earlier choice). In the caller's
 * transaction, so a refused import remembers nothing.
 */
export async function rememberImportChoices(tx: Tx, actor: { organizationId: string; personId: string | null }, register: string, choices: ImportChoices): Promise<void> {
  const byKey = new Map<string, typeof importMemory.$inferInsert>();
  const add = (scope: string, written: string, target: string) => {
    const key = normalizeLabel(written);
    if (!key) return;
    byKey.set(`${scope}\u0000${key}`, { organizationId: actor.organizationId, register, scope, written, key, target, updatedByPersonId: actor.personId });
  };
  for (const c of choices.columns) add(COLUMN_SCOPE, c.heading, c.field);
  for (const v of choices.values) add(v.field, v.value, v.target);
  const rows = [...byKey.values()];
  if (rows.length === 0) return;
  await tx
    .insert(importMemory)
    .values(rows)
    .onConflictDoUpdate({
      target: [importMemory.organizationId, importMemory.register, importMemory.scope, importMemory.key],
      set: { written: sql`excluded.written`, target: sql`excluded.target`, updatedByPersonId: sql`excluded.updated_by_person_id`, updatedAt: new Date() },
      // Unchanged choices are not rewritten (no audit row for what did not change).
      setWhere: sql`${importMemory.target} IS DISTINCT FROM excluded.target OR ${importMemory.written} IS DISTINCT FROM excluded.written`,
    });
}

/** A value read through the organization's remembered value mapping: listed once with its rows, to be shown and changed. */
export type RecalledValue<K extends string = string> = { field: K; column: string; value: string; target: string; rows: number[] };

/**
 * Reads values through the remembered value mapping (a value mapped in the current run wins —
 * the caller asks only when it has none) and lists each one recalled once, with its rows.
 */
export class RecalledValues<K extends string = string> {
  readonly #seen = new Map<string, RecalledValue<K>>();
  constructor(
    private readonly memory: ImportMemory,
    private readonly columnOf: (field: K) => string,
  ) {}

  /** The remembered target of `value` of `field` when `valid` accepts it (the record still exists), else undefined. */
  recall(field: K, value: string, row: number, valid: (target: string) => boolean): string | undefined {
    const target = rememberedValue(this.memory, field, value);
    if (target === undefined || !valid(target)) return undefined;
    const key = `${field}\u0000${normalizeLabel(value)}`;
    const seen = this.#seen.get(key);
    if (!seen) this.#seen.set(key, { field, column: this.columnOf(field), value, target, rows: [row] });
    else if (!seen.rows.includes(row)) seen.rows.push(row);
    return target;
  }

  /** Every value recalled, in the order first met. */
  list(): RecalledValue<K>[] {
    return [...this.#seen.values()];
  }
}
