import { normalizeLabel } from '../../domain/text.ts';

// 参照する値の対応付け (issue #12 stage 3, value mapping): in a dry run, each value of a reference
// field that matches no record (a department name, a 媒体, a 取得方法 the file writes its own way) is
// listed once, with the rows that use it; the client maps it to an existing record (or enum value)
// for the next run, or leaves it — then the rows stay errors. Nothing is guessed; a 所属 the
// client asks for (`{"create":true}`, 「新しい所属として作る」) is created by the import itself.

/** One value of a reference field that matched nothing, with the Excel rows that use it. */
export type UnknownValue<K extends string = string> = { field: K; column: string; value: string; rows: number[] };

/** Collects {@link UnknownValue}s, each value once per field (compared as {@link normalizeLabel} folds them). */
export class UnknownValues<K extends string = string> {
  readonly #seen = new Map<string, UnknownValue<K>>();

  /** Records that `value` of `field` (the file's column `column`) matched nothing in `row`. */
  add(field: K, column: string, value: string, row: number): void {
    const key = `${field}\u0000${normalizeLabel(value)}`;
    const seen = this.#seen.get(key);
    if (seen) {
      if (!seen.rows.includes(row)) seen.rows.push(row);
    } else this.#seen.set(key, { field, column, value, rows: [row] });
  }

  /** Every value recorded, in the order first met. */
  list(): UnknownValue<K>[] {
    return [...this.#seen.values()];
  }
}

/** The client's choices: per field, the value as the file writes it → the record (id) or enum value it means. */
export type ValueMapping<K extends string = string, T extends string = string> = Partial<Record<K, Record<string, T>>>;

/**
 * The target the client chose for `value` of `field`, matching the value as {@link normalizeLabel}
 * folds it (so 「企画部 」 and 「企画部」 are one choice), or undefined.
 */
export function mappedValue<M extends ValueMapping, K extends keyof M & string>(mapping: M | null, field: K, value: string): NonNullable<M[K]>[string] | undefined {
  const choices = mapping?.[field] as Record<string, NonNullable<M[K]>[string]> | undefined;
  if (!choices) return undefined;
  const wanted = normalizeLabel(value);
  for (const [written, target] of Object.entries(choices)) if (normalizeLabel(written) === wanted) return target;
  return undefined;
}

/** The client's choice to create the value as a new record (「新しい所属として作る」): `{"create":true}`. */
export type CreateChoice = { create: true };

/** The value mapping as the request sends it: per field, the value as written → a record (id), an enum value, or {@link CreateChoice}. */
export type RequestedValues = Partial<Record<string, Record<string, string | CreateChoice>>>;

/** One value the client asked to create as a new record. */
export type ValueToCreate = { field: string; value: string };

/**
 * Splits the request's value mapping into the values mapped to existing records (what the
 * register checks and reads) and the values to create, each once (compared as {@link normalizeLabel} folds them).
 */
export function splitValueChoices(values: RequestedValues | null | undefined): { mapping: ValueMapping | null; create: ValueToCreate[] } {
  if (!values) return { mapping: null, create: [] };
  const mapping: Record<string, Record<string, string>> = {};
  const create: ValueToCreate[] = [];
  const seen = new Set<string>();
  for (const [field, chosen] of Object.entries(values)) {
    for (const [value, target] of Object.entries(chosen ?? {})) {
      if (typeof target === 'string') {
        mapping[field] = { ...mapping[field], [value]: target };
      } else {
        const key = `${field}\u0000${normalizeLabel(value)}`;
        if (!seen.has(key)) create.push({ field, value: value.trim() });
        seen.add(key);
      }
    }
  }
  return { mapping, create };
}
