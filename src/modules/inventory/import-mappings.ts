import { and, asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '../../platform/db/connection.ts';
import { notFound } from '../../platform/http/errors.ts';
import type { Actor } from '../../platform/policies/actor.ts';
import { inventoryImportMappings } from './inventory.tables.ts';
import { mapColumns } from '../../rules/ledgerImport/index.ts';
import { type ImportField, type importMappingBody, importFields } from './inventory.import.schema.ts';
import { loadImportMemory } from '../../platform/imports/memory.ts';
import { cellText, type LedgerSheet, ledgerHeadingIndex, rememberedHeaders, suggestMapping } from './read-ledger-sheet.ts';

/** The register name the 台帳's import choices are remembered under (platform/imports/memory.ts). */
export const INVENTORY_REGISTER = 'inventory';

// 取込の列の対応付け: saved per organization under a name, so next year's import of the same
// ledger is one click; and what the mapping screen needs from an uploaded file.

export async function listMappings(tx: Tx, organizationId: string) {
  return tx.select().from(inventoryImportMappings).where(eq(inventoryImportMappings.organizationId, organizationId)).orderBy(asc(inventoryImportMappings.name));
}

/** Saves a mapping under its name (the same name replaces it). */
export async function saveMapping(tx: Tx, actor: Actor, input: z.output<typeof importMappingBody>, id?: string) {
  if (id) {
    const [row] = await tx
      .update(inventoryImportMappings)
      .set({ name: input.name, headerRow: input.headerRow, mapping: input.mapping, updatedAt: new Date() })
      .where(and(eq(inventoryImportMappings.organizationId, actor.organizationId), eq(inventoryImportMappings.id, id)))
      .returning();
    if (!row) throw notFound('取込の対応付け');
    return row;
  }
  const [row] = await tx
    .insert(inventoryImportMappings)
    .values({ organizationId: actor.organizationId, name: input.name, headerRow: input.headerRow, mapping: input.mapping, createdByPersonId: actor.personId })
    .onConflictDoUpdate({
      target: [inventoryImportMappings.organizationId, inventoryImportMappings.name],
      set: { headerRow: input.headerRow, mapping: input.mapping, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error('mapping insert returned nothing');
  return row;
}

export async function deleteMapping(tx: Tx, organizationId: string, id: string): Promise<void> {
  const deleted = await tx
    .delete(inventoryImportMappings)
    .where(and(eq(inventoryImportMappings.organizationId, organizationId), eq(inventoryImportMappings.id, id)))
    .returning({ id: inventoryImportMappings.id });
  if (deleted.length === 0) throw notFound('取込の対応付け');
}

export async function getMapping(tx: Tx, organizationId: string, id: string) {
  const [row] = await tx
    .select()
    .from(inventoryImportMappings)
    .where(and(eq(inventoryImportMappings.organizationId, organizationId), eq(inventoryImportMappings.id, id)));
  if (!row) throw notFound('取込の対応付け');
  return row;
}

/**
 * What the mapping screen needs from an uploaded file: its headers, a few rows as text, a
 * suggested mapping — a saved one whose columns all exist in the file, else what the organization
 * chose for these headings before and a guess from the headers for the rest — and each column's
 * match in the heading dictionary with its confidence.
 */
export async function inspectLedger(tx: Tx, organizationId: string, sheet: LedgerSheet) {
  const saved = await listMappings(tx, organizationId);
  const memory = await loadImportMemory(tx, organizationId, INVENTORY_REGISTER);
  const fitting = saved.find((m) => m.headerRow === sheet.headerRow && Object.values(m.mapping).every((h) => sheet.headers.includes(h)));
  return {
    sheetName: sheet.sheetName,
    sheet: sheet.sheet,
    sheets: sheet.sheets,
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    rowCount: sheet.rows.length,
    sampleRows: sheet.rows.slice(0, 5).map((r) => ({ row: r.rowNumber, cells: Object.fromEntries([...r.cells].map(([h, v]) => [h, cellText(v)])) })),
    suggestedMapping: fitting ? fitting.mapping : suggestMapping(sheet.headers, memory),
    rememberedColumns: fitting ? [] : rememberedHeaders(sheet.headers, memory),
    suggestedMappingId: fitting?.id ?? null,
    columnMatches: mapColumns(
      sheet.headers.map((heading, i) => ({ column: i + 1, heading })),
      ledgerHeadingIndex,
    ).map((c) => ({ header: c.heading, field: c.field as ImportField | null, confidence: c.confidence })),
    fields: importFields.map((f) => ({ key: f.key, header: f.header, required: 'required' in f && f.required === true })),
    mappings: saved,
  };
}
