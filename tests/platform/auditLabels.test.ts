import { getTableColumns, getTableName, isTable } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { modules } from '../../src/modules/index.ts';
import { columnLabel, entityLabel } from '../../src/platform/audit/auditLog.presenter.ts';

// The audit-log screen names every table and column in Japanese (issue: it showed
// `incident_duties` / `removed_at`). Each module names its own in its manifest's `auditLabels`.

const tablesOf = (m: (typeof modules)[number]) => Object.values(m.tables).filter((t) => isTable(t));

describe('監査証跡の日本語名（モジュールのマニフェストから）', () => {
  it('事故等の報告義務の表と列は日本語で示す', () => {
    expect(entityLabel('incident_duties')).toBe('報告等の義務');
    expect(columnLabel('incident_duties', 'removed_at')).toBe('不要になった日時');
    expect(entityLabel('people')).toBe('従業者');
  });

  for (const m of modules) {
    it(`${m.label}: すべての表とすべての列に日本語名がある`, () => {
      const unnamed: string[] = [];
      for (const table of tablesOf(m)) {
        const name = getTableName(table);
        if (entityLabel(name) === name) unnamed.push(name);
        for (const column of Object.values(getTableColumns(table))) {
          if (columnLabel(name, column.name) === column.name) unnamed.push(`${name}.${column.name}`);
        }
      }
      expect(unnamed).toEqual([]);
    });
  }
});
