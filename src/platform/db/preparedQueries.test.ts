import { describe, expect, it } from 'vitest';
import { MAX_SHAPES_PER_HANDLE, type Preparable, runPrepared } from './preparedQueries.ts';

/** A query that records what happened to it: built, prepared under a name, or run once. */
function recorder() {
  const log = { built: 0, prepared: [] as string[], runOnce: 0, executed: [] as Record<string, unknown>[] };
  const build = (): Preparable<Record<string, unknown>> => {
    log.built++;
    return {
      prepare: (name) => {
        log.prepared.push(name);
        return {
          execute: async (values) => {
            log.executed.push(values);
            return { name, ...values };
          },
        };
      },
      execute: async (values) => {
        log.runOnce++;
        log.executed.push(values);
        return values;
      },
    };
  };
  return { log, build };
}

describe('runPrepared: 形ごとに1回だけ準備し、値は毎回渡すクエリ', () => {
  it('同じ接続・同じ形なら準備済みのものを値だけ変えて使い、名前は形から決まる', async () => {
    const handle = {};
    const { log, build } = recorder();
    const first = await runPrepared(handle, 'list ["name"]', build, { q: 'A' });
    const second = await runPrepared(handle, 'list ["name"]', build, { q: 'B' });
    expect(log.built).toBe(1);
    expect(log.prepared).toHaveLength(1);
    expect(first).toMatchObject({ q: 'A', name: expect.stringMatching(/^mamori_q_[0-9a-f]{24}$/) });
    expect(second).toMatchObject({ q: 'B', name: first.name });
    // Another shape gets another statement; another handle prepares its own under the same name.
    const other = await runPrepared(handle, 'list ["updated"]', build, {});
    expect(other.name).not.toBe(first.name);
    const elsewhere = await runPrepared({}, 'list ["name"]', build, {});
    expect(elsewhere.name).toBe(first.name);
    expect(log.prepared).toHaveLength(3);
  });

  it(`1つの接続が準備する形は${MAX_SHAPES_PER_HANDLE}まで（それ以降の新しい形はその呼出しだけ組み立てて実行）`, async () => {
    const handle = {};
    const { log, build } = recorder();
    for (let i = 0; i < MAX_SHAPES_PER_HANDLE; i++) await runPrepared(handle, `shape ${i}`, build, {});
    await runPrepared(handle, 'shape 0', build, {});
    expect(log.prepared).toHaveLength(MAX_SHAPES_PER_HANDLE);
    await runPrepared(handle, 'one more', build, { x: 1 });
    await runPrepared(handle, 'one more', build, { x: 2 });
    expect(log.prepared).toHaveLength(MAX_SHAPES_PER_HANDLE);
    expect(log.runOnce).toBe(2);
    // The prepared shapes keep working.
    expect(await runPrepared(handle, 'shape 1', build, { y: 1 })).toMatchObject({ y: 1, name: expect.any(String) });
  });
});
