import { describe, expect, it } from 'vitest';
import { preparedOnce } from './preparedQueries.ts';

describe('preparedOnce: 形ごとに1回だけ準備するクエリ', () => {
  it('同じ接続・同じ形なら前に準備したものを返し、名前は形から決まる', () => {
    const handle = {};
    const names: string[] = [];
    const prepare = (name: string) => {
      names.push(name);
      return { name };
    };
    const first = preparedOnce(handle, 'list ["name"]', prepare);
    expect(preparedOnce(handle, 'list ["name"]', prepare)).toBe(first);
    expect(names).toHaveLength(1);
    expect(first.name).toMatch(/^mamori_q_[0-9a-f]{24}$/);
    // Another shape gets another statement; another handle prepares its own under the same name.
    const other = preparedOnce(handle, 'list ["updated"]', prepare);
    expect(other.name).not.toBe(first.name);
    const elsewhere = preparedOnce({}, 'list ["name"]', prepare);
    expect(elsewhere).not.toBe(first);
    expect(elsewhere.name).toBe(first.name);
    expect(names).toHaveLength(3);
  });

  it('1つの接続が覚える形は200まで（超えたら覚え直す）', () => {
    const handle = {};
    let prepared = 0;
    const prepare = (name: string) => {
      prepared++;
      return { name };
    };
    for (let i = 0; i < 200; i++) preparedOnce(handle, `shape ${i}`, prepare);
    preparedOnce(handle, 'shape 0', prepare);
    expect(prepared).toBe(200);
    preparedOnce(handle, 'shape 200', prepare); // the 201st: the cache starts again
    preparedOnce(handle, 'shape 0', prepare);
    expect(prepared).toBe(202);
  });
});
