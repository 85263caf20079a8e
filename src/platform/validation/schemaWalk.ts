import type { z } from 'zod';

/**
 * Walks a zod schema down to its leaves (texts, numbers, lists, choices, objects), for tests that
 * hold every field of every route body to the same standard: over-long text and out-of-range
 * numbers are field errors naming the field and the limit, never silent changes, and no error
 * message shows an internal key. Pure (zod only).
 */

/** One field met while walking: its path from the root and its own schema. */
export type SchemaLeaf = { path: string; kind: 'string' | 'number' | 'array' | 'object' | 'enum' | 'boolean' | 'other'; schema: z.ZodType };

type Def = { type: string; [key: string]: unknown };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The checks (`max_length`, `greater_than` …) attached to a schema, with their values. */
export function checksOf(schema: z.ZodType): { check: string; value?: number; inclusive?: boolean }[] {
  const checks = (defOf(schema).checks as { _zod: { def: { check: string; maximum?: number; minimum?: number; value?: number; inclusive?: boolean } } }[] | undefined) ?? [];
  return checks.map((c) => {
    const d = c._zod.def;
    return { check: d.check, value: d.maximum ?? d.minimum ?? d.value, inclusive: d.inclusive };
  });
}

/** Every field of a schema, depth first (wrappers such as optional, default and transforms are looked through). */
export function walkSchema(schema: z.ZodType, path = ''): SchemaLeaf[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walkSchema(def.innerType as z.ZodType, path);
    case 'pipe':
      // `.transform()` pipes what people type into a function: the typed side is the one to check
      // (a preprocess pipes a function into the schema).
      return defOf(def.in as z.ZodType).type === 'transform' ? walkSchema(def.out as z.ZodType, path) : walkSchema(def.in as z.ZodType, path);
    case 'lazy':
      return [];
    case 'object': {
      const shape = def.shape as Record<string, z.ZodType>;
      return [{ path, kind: 'object', schema }, ...Object.entries(shape).flatMap(([key, value]) => walkSchema(value, path ? `${path}.${key}` : key))];
    }
    case 'array':
      return [{ path, kind: 'array', schema }, ...walkSchema(def.element as z.ZodType, `${path}[]`)];
    case 'union':
      return (def.options as z.ZodType[]).flatMap((option) => walkSchema(option, path));
    case 'intersection':
      return [...walkSchema(def.left as z.ZodType, path), ...walkSchema(def.right as z.ZodType, path)];
    case 'string':
      return [{ path, kind: 'string', schema }];
    case 'number':
      return [{ path, kind: 'number', schema }];
    case 'enum':
      return [{ path, kind: 'enum', schema }];
    case 'boolean':
      return [{ path, kind: 'boolean', schema }];
    default:
      return [{ path, kind: 'other', schema }];
  }
}

/**
 * Whether a message shows an internal key instead of the field's Japanese name: a camelCase or
 * dotted identifier (`storageMethod.media`, `residual.measure`), a snake_case value, a lowercase
 * English word of three letters or more (`items`, `true`), or zod's English defaults
 * (`Invalid input`, `Too big`). Clause references (J.3.1.3 g), PA01) and names such as PDF,
 * Excel and ID pass.
 */
export function showsInternalKey(message: string): boolean {
  return /[a-z][a-z0-9]*[A-Z]|[A-Za-z]+\.[a-z]|[a-z]+_[a-z]|(?<![A-Za-z])[a-z]{3,}(?![A-Za-z])|Invalid|Too (big|small)|expected/.test(message);
}
