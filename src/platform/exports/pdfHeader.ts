import { eq } from 'drizzle-orm';
import type { Tx } from '../db/connection.ts';
import type { DateStyle } from '../org/org.schema.ts';
import { organizations } from '../org/org.tables.ts';
import { resolveSettings } from '../org/orgSettings.ts';

/** What every PDF of an organization prints in its header and dates: its name and its 日付の表記. */
export type PdfHeader = { organizationName: string; dateStyle: DateStyle };

/** The organization's name and 日付の表記 (organization setting, default 和暦) for a PDF. */
export async function pdfHeaderOf(tx: Tx, organizationId: string): Promise<PdfHeader> {
  const [org] = await tx.select({ name: organizations.name, settings: organizations.settings }).from(organizations).where(eq(organizations.id, organizationId));
  return { organizationName: org?.name ?? '', dateStyle: resolveSettings(org?.settings).dateStyle };
}
