import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { latestRiskCriteriaVersion } from '../../src/rules/data/riskCriteria.ts';
import { validateInventoryEntry } from '../../src/rules/inventoryRules.ts';
import { validateRiskRecord } from '../../src/rules/riskAssessment.ts';
import { requiredText } from '../../src/platform/validation/fields.ts';
import { checksOf, showsInternalKey, walkSchema } from '../../src/platform/validation/schemaWalk.ts';
import { contractFiles, isRoute } from '../support/contracts.ts';

async function routeSchemas(): Promise<{ name: string; schema: z.ZodType }[]> {
  const out: { name: string; schema: z.ZodType }[] = [];
  for (const file of contractFiles) {
    const mod = (await import(file)) as Record<string, unknown>;
    for (const contract of Object.values(mod)) {
      if (typeof contract !== 'object' || contract === null) continue;
      for (const route of Object.values(contract)) {
        if (!isRoute(route)) continue;
        for (const part of ['body'] as const) {
          const schema = route[part];
          if (schema) out.push({ name: `${route.method} ${route.path} ${part}`, schema });
        }
      }
    }
  }
  return out;
}

const messagesOf = (schema: z.ZodType, input: unknown): string[] => {
  const result = schema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => i.message);
};

const wrongTypeInput: Record<string, unknown> = { string: 12345, number: 'x', array: 'x', object: 'x', enum: 'zzz', boolean: 'x' };

describe('すべてのルートの入力: 入力したものを黙って変えない・内部の項目名を見せない（issue 10）', () => {
  it('契約ファイルを読み込める', async () => {
    expect((await routeSchemas()).length).toBeGreaterThan(40);
  });

  it('長すぎる文字（上限+1文字）は、欄の名前と上限を示す日本語のエラーになる（切り詰めない）', async () => {
    const problems: string[] = [];
    for (const { name, schema } of await routeSchemas()) {
      for (const leaf of walkSchema(schema).filter((l) => l.kind === 'string')) {
        const max = checksOf(leaf.schema).find((c) => c.check === 'max_length')?.value;
        if (max === undefined) continue;
        const messages = messagesOf(leaf.schema, 'あ'.repeat(max + 1));
        const ok = messages.some((m) => m.includes(`${max}文字以内`) && m.includes(`（${max + 1}文字入力されています）`)) && !messages.some(showsInternalKey);
        if (!ok) problems.push(`${name} ${leaf.path}: ${messages.join(' / ') || '（受け付けた）'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('件数などの数値: 負の数は、欄の名前を示す日本語のエラーになる（0 に直さない）', async () => {
    const problems: string[] = [];
    for (const { name, schema } of await routeSchemas()) {
      for (const leaf of walkSchema(schema).filter((l) => l.kind === 'number')) {
        const messages = messagesOf(leaf.schema, -5);
        if (messages.length === 0 || messages.some(showsInternalKey)) problems.push(`${name} ${leaf.path}: ${messages.join(' / ') || '（受け付けた）'}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('型の違う値・多すぎる件数のエラーにも英語や内部の項目名（items, storageMethod.media …）が出ない', async () => {
    const problems: string[] = [];
    for (const { name, schema } of await routeSchemas()) {
      for (const leaf of walkSchema(schema)) {
        const input = wrongTypeInput[leaf.kind];
        const messages = input === undefined ? [] : messagesOf(leaf.schema, input);
        const maxItems = leaf.kind === 'array' ? checksOf(leaf.schema).find((c) => c.check === 'max_length')?.value : undefined;
        if (maxItems !== undefined)
          messages.push(
            ...messagesOf(
              leaf.schema,
              Array.from({ length: maxItems + 1 }, () => null),
            ).filter((m) => m.includes('件') || showsInternalKey(m)),
          );
        for (const m of messages) if (showsInternalKey(m)) problems.push(`${name} ${leaf.path || '（全体）'}: ${m}`);
      }
    }
    expect([...new Set(problems)]).toEqual([]);
  });
});

describe('入力された文字数は上限と同じ数え方で示す（issue 10）', () => {
  it('「𠮷」（サロゲートペア）は1文字: 𠮷田を含む201文字の名称は「201文字入力されています」', () => {
    const name = requiredText('個人情報の名称', 200);
    expect(messagesOf(name, `𠮷田${'あ'.repeat(199)}`)).toEqual(['個人情報の名称は200文字以内で入力してください（201文字入力されています）']);
    expect(messagesOf(name, `𠮷田${'あ'.repeat(198)}`)).toEqual([]);
  });
});

describe('規則エンジンの指摘も日本語の項目名だけで示す（issue 10:「個人情報の項目（items）」「（residual.measure）」を見せない）', () => {
  it('台帳の項目の指摘（J.3.1.1 3 の不足、J.8.3、例外の記録）に内部の項目名が出ない', () => {
    const findings = [
      ...validateInventoryEntry({ id: 'e1' }),
      ...validateInventoryEntry({ id: 'e1', specialCategories: ['medical_history', 'religion', 'criminal_record'] }),
      ...validateInventoryEntry({ id: 'e1', sensitive: true }),
      ...validateInventoryEntry({ id: 'e1', sensitive: true, sensitiveBasis: { kind: 'exception', letter: 'g', reason: '' } }),
      ...validateInventoryEntry({
        id: 'e1',
        exemptions: [
          { clause: 'J.8.4', letter: 'd', reason: '名刺' },
          { clause: 'J.8.7', letter: 'f', reason: '' },
        ],
      }),
    ];
    expect(new Set(findings.map((f) => f.code)).size).toBeGreaterThanOrEqual(7);
    expect(findings.filter((f) => showsInternalKey(f.message)).map((f) => f.message)).toEqual([]);
  });

  it('リスク分析対策表の行の指摘（所有者・対策・残存リスク対応策・モニタリング日・尺度外）に内部の項目名が出ない', () => {
    const base = { phase: 'use', threat: 'leak', risk: '漏えい', likelihood: 3, impact: 3, criteriaVersion: latestRiskCriteriaVersion };
    const violations = [
      ...validateRiskRecord({ ...base, countermeasures: [{ text: '施錠する' }] }),
      ...validateRiskRecord({ ...base, likelihood: 2, impact: 2, residual: { description: '残る' } }),
      ...validateRiskRecord({ ...base, threat: 'improper_acquisition', residual: { description: '残る' } }),
      ...validateRiskRecord({ ...base, likelihood: 9, phase: 'nowhere', threat: 'nothing' }),
    ];
    expect(new Set(violations.map((v) => v.code)).size).toBeGreaterThanOrEqual(9);
    expect(violations.filter((v) => showsInternalKey(v.message)).map((v) => v.message)).toEqual([]);
  });
});
