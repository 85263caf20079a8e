import { describe, expect, it } from 'vitest';
import { checkBoundaries, importsOf, sourceFiles } from './boundaries.ts';

describe('依存の規則（docs/architecture.md）', () => {
  it('ソースのどの import も規則を破らない', () => {
    const violations = checkBoundaries(sourceFiles(process.cwd()));
    expect(violations.map((v) => `${v.from} → ${v.to}: ${v.rule}`)).toEqual([]);
  });

  it('静的・再エクスポート・動的な import を読む', () => {
    const text = "import { a } from './a.ts';\nimport type { B } from '../b.ts';\nexport * from './c.ts';\nconst d = await import('./d.ts');\nimport 'zod';";
    expect(importsOf(text)).toEqual(['./a.ts', '../b.ts', './c.ts', './d.ts']);
  });

  // Each rule, shown failing on a forbidden import added to a file.
  const cases: [string, string, string][] = [
    ['platform が modules を import する', 'src/platform/jobs/jobs.ts', "import { x } from '../../modules/incidents/incidents.jobs.ts';"],
    ['platform が組立て部分（server.ts）を import する', 'src/platform/demo.ts', "import { buildServer } from '../server.ts';"],
    ['rules が platform を import する', 'src/rules/incidentDuties.ts', "import { x } from '../platform/org/org.service.ts';"],
    ['domain が rules を import する', 'src/domain/roles.ts', "import { x } from '../rules/calendar.ts';"],
    ['モジュールが他のモジュールのテーブルを import する', 'src/modules/risk/risk.service.ts', "import { inventoryEntries } from '../inventory/inventory.tables.ts';"],
    ['モジュールが他のモジュールのサービスを import する', 'src/modules/incidents/x.ts', "import { y } from '../corrective/corrective.service.ts';"],
    ['web がサービスを import する', 'web/src/features/incidents/x.tsx', "import { y } from '../../../../src/modules/incidents/incidents.service.ts';"],
    ['画面と共有する純粋なファイルがテーブルを import する', 'src/modules/inventory/inventory.content.shared.ts', "import { x } from './inventory.tables.ts';"],
    ['web がプレゼンターを import する', 'web/src/features/incidents/x.tsx', "import type { y } from '../../../../src/modules/incidents/incidents.presenters.ts';"],
  ];
  for (const [name, file, line] of cases) {
    it(`禁止された import を見つける: ${name}`, () => {
      expect(checkBoundaries(new Map([[file, line]]))).toHaveLength(1);
    });
  }

  it('許される import は通す（モジュールの公開ファイル、web から contract・rules）', () => {
    const allowed = new Map([
      ['src/modules/risk/risk.service.ts', "import { x } from '../inventory/inventory.exports.ts';\nimport { y } from '../inventory/index.ts';"],
      ['web/src/features/risk/x.tsx', "import type { R } from '../../../../src/modules/risk/risk.contract.ts';\nimport { s } from '../../../../src/rules/riskAssessment.ts';"],
      ['src/rules/x.ts', "import { t } from '../domain/time.ts';"],
    ]);
    expect(checkBoundaries(allowed)).toEqual([]);
  });
});
