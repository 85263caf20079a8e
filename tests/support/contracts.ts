import { readdirSync } from 'node:fs';
import path from 'node:path';
import type { RouteContract } from '../../src/platform/http/contract.ts';

/** Every `*.contract.ts` of the modules and the platform, for tests that walk all routes. */
const root = path.resolve(import.meta.dirname, '../../src');
export const contractFiles = ['modules', 'platform'].flatMap((dir) =>
  readdirSync(path.join(root, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(path.join(root, dir, d.name))
        .filter((f) => f.endsWith('.contract.ts'))
        .map((f) => path.join(root, dir, d.name, f)),
    ),
);

export const isRoute = (value: unknown): value is RouteContract => typeof value === 'object' && value !== null && 'method' in value && 'path' in value && 'response' in value;
