import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enumField, idField, optionalId } from './fields.ts';

const messageOf = (schema: z.ZodType, input: unknown) => {
  const result = schema.safeParse(input);
  return result.success ? null : result.error.issues[0]?.message;
};

describe('idField: a record picked from a list', () => {
  const person = idField('担当者');
  const body = z.object({ personId: person });

  it('nothing picked (empty, missing, null) asks to pick, naming the field', () => {
    expect(messageOf(person, '')).toBe('担当者を選択してください');
    expect(messageOf(person, null)).toBe('担当者を選択してください');
    expect(messageOf(body, {})).toBe('担当者を選択してください');
  });

  it('anything but an id is refused as a wrong reference, naming the field', () => {
    expect(messageOf(person, 'abc')).toBe('担当者の指定が正しくありません');
    expect(messageOf(person, 42)).toBe('担当者の指定が正しくありません');
  });

  it('an id passes; an optional reference still takes empty as none', () => {
    const id = '0b6f7c1e-4a8d-4f3b-9c2e-1d5a6b7c8d9e';
    expect(person.parse(id)).toBe(id);
    expect(optionalId('対象の所属').parse('')).toBeNull();
    expect(messageOf(optionalId('対象の所属'), 'x')).toBe('対象の所属の指定が正しくありません');
  });
});

describe('enumField: one of a fixed list', () => {
  const role = enumField('役割', ['auditor', 'pms_manager']);

  it('nothing picked asks to pick, naming the field', () => {
    expect(messageOf(role, undefined)).toBe('役割を選択してください');
    expect(messageOf(role, '')).toBe('役割を選択してください');
  });

  it('a value outside the list is refused as a wrong value, naming the field', () => {
    expect(messageOf(role, 'alien')).toBe('役割の値が正しくありません');
    expect(role.parse('auditor')).toBe('auditor');
  });
});
