import { installedModules } from '../moduleKit/registry.ts';
import { peopleImport } from '../org/people.import.ts';
import type { AnyRegisterImport } from './register.ts';

// The registers that import through the one pipeline (issue #12): the platform's own (従業者) and
// each installed module's (its manifest's `imports`), in that order. A register name is used once.

/** Every register's import definition. */
export function registerImports(): AnyRegisterImport[] {
  const all: AnyRegisterImport[] = [peopleImport, ...installedModules().flatMap((m) => m.imports ?? [])];
  const seen = new Set<string>();
  for (const d of all) {
    if (seen.has(d.register)) throw new Error(`import register ${d.register} is declared twice`);
    seen.add(d.register);
  }
  return all;
}
