import { describe, expect, it } from 'vitest';
import { safeNextPath } from './redirect.shared.ts';

describe('オープンリダイレクトの防止 (IPA 安全なウェブサイトの作り方)', () => {
  it.each([
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/people?x=1', '/people?x=1'],
    ['', '/'],
    [null, '/'],
    ['/ok\n', '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });
});
