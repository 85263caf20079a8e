import { pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdAt, id, organizationId, updatedAt } from '../db/columns.ts';
import { organizations, people } from '../org/org.tables.ts';

/**
 * 取込の記憶 (issue #12, remember the choices per organization): what an organization chose in an
 * import — a column heading of its file → the register's field (`scope` = `column`; target `''`
 * = not imported), and a reference value as its file writes it → the record or kind it means
 * (`scope` = the field: `department` → a 所属's id, `storageMedia`, `acquisitionMethods` → the
 * code) — offered by itself in the next import of the same register, marked as remembered and
 * changeable. Written when an import is committed; compared as `normalizeLabel` folds (`key`).
 */
export const importMemory = pgTable(
  'import_memory',
  {
    id: id(),
    organizationId: organizationId().references(() => organizations.id),
    /** The register imported (`inventory`, `people` …). */
    register: text('register').notNull(),
    /** `column` for a heading, else the reference field the value belongs to. */
    scope: text('scope').notNull(),
    /** The heading or value as the file wrote it (the last time it was chosen). */
    written: text('written').notNull(),
    /** {@link written} folded (normalizeLabel): what the next import compares. */
    key: text('key').notNull(),
    /** The field (`''`: not imported), record id or code chosen. */
    target: text('target').notNull(),
    updatedByPersonId: uuid('updated_by_person_id').references(() => people.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('import_memory_key_uq').on(t.organizationId, t.register, t.scope, t.key)],
);
