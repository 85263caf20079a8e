import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

// The dependency rule of docs/architecture.md, checked over the import graph of the source:
//   web → contracts / schemas / rules · modules → platform → rules · rules → nothing.
// Imports are read from the text (static `import … from`, `export … from`, dynamic `import()`),
// resolved relative to the importing file; package imports are not checked.

/** One import that breaks a rule. */
export type Violation = { from: string; to: string; rule: string };

const importPattern = /(?:import|export)\s[^'"`;]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g;

/** The relative import specifiers of a file's text. */
export function importsOf(text: string): string[] {
  const result: string[] = [];
  for (const match of text.matchAll(importPattern)) {
    const spec = match[1] ?? match[2] ?? match[3];
    if (spec?.startsWith('.')) result.push(spec);
  }
  return result;
}

/** Files a module may import from another module: its public faces, never its tables or services. */
const modulePublicFile = /\/(index\.tsx?|[\w.-]+\.(api|exports|contract|labels|schema|responses|shared)\.ts)$/;
/** What the web may import from the server's source. */
const webAllowed = (target: string) =>
  target.startsWith('src/rules/') ||
  target.startsWith('src/domain/') ||
  target === 'src/platform/http/contract.ts' ||
  /\.(contract|schema|responses|labels|shared)\.ts$/.test(target);
/** What a `*.shared.ts` file (pure code the web runs too) may import: nothing with I/O. */
const sharedAllowed = (target: string) => target.startsWith('src/rules/') || target.startsWith('src/domain/') || /\.(schema|labels|shared)\.ts$/.test(target);

/** The rule an import from `from` to `to` (repository-relative paths) breaks, or null. */
export function ruleBroken(from: string, to: string): string | null {
  if (from.startsWith('src/platform/') && (to.startsWith('src/modules/') || /^src\/[\w-]+\.ts$/.test(to))) return 'platform は modules（と上位の組立て部分）を import しない';
  if (from.startsWith('src/rules/') && !to.startsWith('src/rules/') && !to.startsWith('src/domain/')) return 'rules は rules と domain 以外を import しない';
  if (from.startsWith('src/domain/') && !to.startsWith('src/domain/')) return 'domain は何も import しない';
  const fromModule = /^src\/modules\/([\w-]+)\//.exec(from)?.[1];
  const toModule = /^src\/modules\/([\w-]+)\//.exec(to)?.[1];
  if (fromModule && toModule && fromModule !== toModule && !modulePublicFile.test(to)) {
    return `モジュールは他のモジュールの公開ファイル（index・*.api・*.exports・*.contract・*.labels・*.schema・*.responses）だけを import する（${toModule} のテーブルやサービスは不可）`;
  }
  if (/\.shared\.ts$/.test(from) && to.startsWith('src/') && !sharedAllowed(to))
    return '*.shared.ts（画面でも動く純粋なコード）は rules・domain・schema・labels・shared だけを import する';
  if (from.startsWith('web/') && to.startsWith('src/') && !webAllowed(to)) return 'web はサーバーの contract・schema・responses・labels・shared・rules・domain だけを import する';
  return null;
}

/** Every violation in a set of files (repository-relative path → text). */
export function checkBoundaries(files: ReadonlyMap<string, string>): Violation[] {
  const violations: Violation[] = [];
  for (const [from, text] of files) {
    for (const spec of importsOf(text)) {
      const to = path.posix.normalize(path.posix.join(path.posix.dirname(from), spec));
      const rule = ruleBroken(from, to);
      if (rule) violations.push({ from, to, rule });
    }
  }
  return violations;
}

/**
 * The TypeScript sources of `src/` and `web/src/`. Test files are left out: an integration test
 * beside a platform part may build the whole app, modules included.
 */
export function sourceFiles(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && entry.name !== 'dist') walk(rel);
      } else if (/\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) files.set(rel, readFileSync(path.join(root, rel), 'utf8'));
    }
  };
  walk('src');
  walk('web/src');
  return files;
}
