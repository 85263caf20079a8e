import { asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { recordPersonalDataAccess } from '../audit/personalDataAccess.ts';
import type { Tx } from '../db/connection.ts';
import type { peopleQuery } from '../org/org.schema.ts';
import { peopleFilter } from '../org/org.service.ts';
import { departments, people } from '../org/org.tables.ts';
import { personSheetColumns } from '../org/people.import.ts';
import { employmentTypeLabels } from '../../domain/roles.ts';
import type { Actor } from '../policies/actor.ts';
import { EXTRAS_HEADING, formatExtras } from '../imports/extras.ts';
import { prepareSheet, writeXlsx } from './xlsx.ts';

export type PeopleExportQuery = Pick<z.infer<typeof peopleQuery>, 'q' | 'departmentId' | 'employmentType' | 'status'>;

/**
 * 従業者一覧の出力 (.xlsx): the people matching the same filters as the list screen, with
 * contact details, in the column layout the import reads back. Contact details are personal
 * data, so the export is recorded with its row count and counts toward the bulk-access alert
 * (Toshima 4-8-6 (5)).
 */
export async function exportPeopleXlsx(tx: Tx, actor: Actor, query: PeopleExportQuery, today: string, now: Date): Promise<{ body: Buffer; rowCount: number }> {
  const rows = await tx
    .select({
      employeeNumber: people.employeeNumber,
      name: people.name,
      nameKana: people.nameKana,
      employmentType: people.employmentType,
      departmentName: departments.name,
      joinedOn: people.joinedOn,
      leftOn: people.leftOn,
      email: people.email,
      phone: people.phone,
      note: people.note,
      importExtras: people.importExtras,
    })
    .from(people)
    .leftJoin(departments, eq(departments.id, people.departmentId))
    .where(peopleFilter(actor.organizationId, query, today))
    .orderBy(sql`${people.employeeNumber} asc nulls last`, asc(people.name), asc(people.id));
  type Row = (typeof rows)[number];
  const value: Record<(typeof personSheetColumns)[number]['key'], (r: Row) => string | null> = {
    employeeNumber: (r) => r.employeeNumber,
    name: (r) => r.name,
    nameKana: (r) => r.nameKana,
    employmentType: (r) => employmentTypeLabels[r.employmentType]?.ja ?? r.employmentType,
    department: (r) => r.departmentName,
    joinedOn: (r) => r.joinedOn,
    leftOn: (r) => r.leftOn,
    email: (r) => r.email,
    phone: (r) => r.phone,
    note: (r) => r.note,
  };
  const body = await writeXlsx(
    prepareSheet<Row>({
      name: '従業者一覧',
      columns: [
        ...personSheetColumns.map((c) => ({ header: c.header, width: c.width, type: c.type, value: value[c.key] })),
        // 取込時の追加情報 (issue #12): the block, 「見出し: 値」 per line, which the import reads back.
        { header: EXTRAS_HEADING, width: 40, value: (r: Row) => formatExtras(r.importExtras) },
      ],
      rows,
    }),
  );
  await recordPersonalDataAccess(tx, actor, { action: 'export', entityType: 'people', rowCount: rows.length, meta: { format: 'xlsx', filters: { ...query } } }, now);
  return { body, rowCount: rows.length };
}
