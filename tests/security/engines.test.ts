import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

/**
 * Issue 11 #14: `npm ci` warned EBADENGINE — cookie@2 (through @fastify/cookie and fastify's
 * light-my-request) and content-disposition@3 (through @fastify/static) want Node ≥ 22 while
 * `engines` promises 20.19, the version CI and the servers run. Every package the lockfile
 * installs must accept the oldest Node that `engines` allows.
 */

type Lock = { packages: Record<string, { version?: string; engines?: { node?: string } | string[] }> };

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync('package-lock.json', 'utf8')) as Lock;

describe('#14 宣言した Node のバージョンと依存パッケージが一致する', () => {
  it('package-lock.json のどのパッケージも engines.node の最小版で動く', () => {
    const oldest = semver.minVersion(pkg.engines.node);
    expect(oldest?.version).toBe('20.19.0');
    const refusing = Object.entries(lock.packages)
      .filter(([name]) => name !== '')
      .flatMap(([name, entry]) => {
        const range = !entry.engines || Array.isArray(entry.engines) ? undefined : entry.engines.node;
        if (!range || semver.satisfies(oldest as semver.SemVer, range)) return [];
        return [`${name.replace(/^.*node_modules\//, '')}@${entry.version}: node ${range}`];
      });
    expect(refusing).toEqual([]);
  });

  it('いま動いている Node も engines.node を満たす', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
});
