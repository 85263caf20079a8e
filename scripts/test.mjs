#!/usr/bin/env node
// `npm test`: runs the whole test suite the way CI does.
//
//   1. vitest on the embedded database (MAMORI_TEST_DB=pglite);
//   2. vitest again on a real PostgreSQL (MAMORI_TEST_DB=postgres): a throwaway server is
//      initdb'd into a temp dir, started on a free loopback port and removed afterwards
//      (or MAMORI_TEST_PG_URL, when set, names a server to use instead);
//   3. the browser journeys (vitest.e2e.config.ts) when Chromium is installed.
//
// Extra arguments go to every vitest run: `npm test -- src/rules -t 'deadline'`.
// A suite whose tools are missing is skipped with a loud banner; MAMORI_REQUIRE_ALL=1 (CI)
// turns that into a failure. The last line is always `N passed, N failed[, N skipped]`: test
// counts summed over the runs, where a test file that failed outside any test (import error,
// failing beforeAll) or a run that crashed counts as one failure.
//
// Environment: MAMORI_REQUIRE_ALL=1, MAMORI_PG_BINDIR (PostgreSQL bin dir), MAMORI_TEST_PG_URL
// (use this server), MAMORI_CHROMIUM (browser path), MAMORI_TEST_RUN_TIMEOUT_MINUTES (per vitest
// run, default 30), MAMORI_SKIP_PG=1 / MAMORI_SKIP_E2E=1 (skip a suite on purpose, with a banner).

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findPgBinDir, isExecutable, pgRunner, startPostgres } from './pg-server.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const passArgs = process.argv.slice(2);
const requireAll = process.env.MAMORI_REQUIRE_ALL === '1';
const runTimeoutMs = Number(process.env.MAMORI_TEST_RUN_TIMEOUT_MINUTES ?? 30) * 60_000;

/** Everything to undo on exit: the PostgreSQL server, temp dirs, a running vitest. */
const cleanups = [];
let currentChild = null;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'mamori-test-'));
cleanups.push(() => fs.rmSync(scratch, { recursive: true, force: true }));

function runCleanups() {
  while (cleanups.length) {
    const fn = cleanups.pop();
    try {
      fn();
    } catch (error) {
      console.error(`[test] cleanup failed: ${error?.message ?? error}`);
    }
  }
}
process.on('exit', runCleanups);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    console.error(`\n[test] ${signal}: stopping…`);
    killChild(currentChild, 'SIGTERM');
    runCleanups();
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  });
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal); // the whole process group (vitest and its workers)
    return true;
  } catch {
    return false;
  }
}

function killChild(child, signal) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  if (killGroup(child.pid, signal)) return;
  try {
    child.kill(signal);
  } catch {
    // already gone
  }
}

// ---------------------------------------------------------------------------------------------
// Output helpers

function banner(lines) {
  const bar = '!'.repeat(78);
  const text = [bar, bar, ...lines.flatMap((l) => String(l).split('\n')).map((l) => `!!!  ${l}`), bar, bar].join('\n');
  console.log(`\n${text}\n`);
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------------
// vitest runs

function vitestCommand() {
  const bin = path.join(root, 'node_modules', 'vitest', 'vitest.mjs');
  if (fs.existsSync(bin)) return [process.execPath, [bin]];
  return ['npx', ['--no-install', 'vitest']];
}

/**
 * A static check (type checker, linter) counted as one test: it passes or it fails, printing
 * what the tool printed. Run before the suites, so a type or lint error fails `npm test` too.
 */
function runCheck(label, bin, args) {
  console.log(`\n[test] ── ${label} ── ${[bin, ...args].join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', ...bin.split('/')), ...args], { cwd: root, stdio: 'inherit', timeout: 10 * 60_000 });
  const ok = r.status === 0;
  return { label, ok, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, total: 1, ms: Date.now() - t0, report: true, code: r.status, timedOut: r.error?.code === 'ETIMEDOUT' };
}

/** One vitest run; resolves to its counts. Never rejects. */
async function runVitest(label, { configArgs = [], env = {} }) {
  const jsonFile = path.join(scratch, `${label.replace(/\W+/g, '-')}-${Date.now()}.json`);
  const [cmd, prefix] = vitestCommand();
  const args = [
    ...prefix,
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${jsonFile}`,
    // With a filter, a suite it does not touch must not fail for having no tests.
    ...(passArgs.length ? ['--passWithNoTests'] : []),
    ...passArgs,
  ];
  const childEnv = { ...process.env, ...env };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete childEnv[key];
  console.log(`\n[test] ── ${label} ── vitest ${args.slice(prefix.length).join(' ')}`);
  const started = Date.now();
  const { code, timedOut } = await new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: root, env: childEnv, stdio: 'inherit', detached: true });
    currentChild = child;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(`\n[test] ${label}: no result after ${seconds(runTimeoutMs)}; killing vitest.`);
      killChild(child, 'SIGTERM');
      setTimeout(() => killChild(child, 'SIGKILL'), 10_000).unref();
    }, runTimeoutMs);
    let settled = false;
    const settle = (code) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      currentChild = null;
      // Workers left behind by a crashed or killed run must not outlive it.
      if (child.pid) killGroup(child.pid, 'SIGKILL');
      resolve({ code, timedOut });
    };
    child.on('error', (error) => {
      console.error(`[test] ${label}: could not start vitest: ${error.message}`);
      settle(127);
    });
    child.on('close', (code, signal) => settle(code ?? (signal ? 128 : 1)));
  });
  const result = { label, ms: Date.now() - started, code, timedOut, passed: 0, failed: 0, skipped: 0, failedFiles: 0, total: 0, report: false };
  try {
    const report = JSON.parse(fs.readFileSync(jsonFile, 'utf8'));
    result.report = true;
    result.passed = report.numPassedTests ?? 0;
    result.failed = report.numFailedTests ?? 0;
    result.skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
    result.total = report.numTotalTests ?? result.passed + result.failed + result.skipped;
    // A file that failed outside any test (import error, failing beforeAll: its tests show as
    // skipped) counts as one failure, so "0 failed" never goes with a failed run.
    const files = Array.isArray(report.testResults) ? report.testResults : [];
    result.failedFiles = files.filter((f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed')).length;
    result.failed += result.failedFiles;
  } catch {
    // No report: vitest crashed or was killed before writing it; the exit code tells.
  }
  result.ok = code === 0 && !timedOut;
  // A run that crashed or hung without a report counts as one failure.
  if (!result.ok && !result.report) result.failed += 1;
  return result;
}

// ---------------------------------------------------------------------------------------------
// PostgreSQL (scripts/pg-server.mjs)

// ---------------------------------------------------------------------------------------------
// Browser

function findChromium() {
  if (process.env.MAMORI_CHROMIUM) {
    return isExecutable(process.env.MAMORI_CHROMIUM)
      ? { path: process.env.MAMORI_CHROMIUM }
      : { reason: `MAMORI_CHROMIUM=${process.env.MAMORI_CHROMIUM} is not an executable file` };
  }
  if (isExecutable('/usr/bin/chromium')) return { path: '/usr/bin/chromium' };
  return { reason: '/usr/bin/chromium is not installed (apt-get install chromium fonts-noto-cjk), and MAMORI_CHROMIUM is not set' };
}

function e2eFiles() {
  const dir = path.join(root, 'tests', 'e2e');
  try {
    return fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.e2e.ts') && !f.split(path.sep).includes('node_modules'));
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const results = [];
const skipped = []; // { suite, reason }
const problems = []; // lines explaining a failure that has no failed test behind it

function skipSuite(suite, reason, hint) {
  skipped.push({ suite, reason });
  const lines = [`${suite} SKIPPED: ${reason}`];
  if (hint) lines.push(hint);
  if (requireAll) lines.push('MAMORI_REQUIRE_ALL=1: this is a failure.');
  else lines.push('These tests did NOT run. Set MAMORI_REQUIRE_ALL=1 to make this an error (CI does).');
  banner(lines);
}

async function main() {
  const t0 = Date.now();

  // Decide up front what can run, so CI fails fast when a tool is missing.
  const externalPg = process.env.MAMORI_TEST_PG_URL || null;
  let pgPlan = null;
  if (process.env.MAMORI_SKIP_PG === '1') pgPlan = { skip: 'MAMORI_SKIP_PG=1' };
  else if (externalPg) pgPlan = { url: externalPg };
  else {
    const binDir = findPgBinDir();
    const runner = pgRunner();
    if (!binDir) {
      pgPlan = {
        skip: 'no PostgreSQL server binaries (initdb, pg_ctl) found: tried pg_config --bindir, /usr/lib/postgresql/*/bin and PATH',
        hint: 'Install them (apt-get install postgresql), set MAMORI_PG_BINDIR, or point MAMORI_TEST_PG_URL at a server.',
      };
    } else if (!runner.ok) pgPlan = { skip: runner.reason };
    else pgPlan = { binDir, runner };
  }
  const chromium = process.env.MAMORI_SKIP_E2E === '1' ? { reason: 'MAMORI_SKIP_E2E=1' } : findChromium();

  if (requireAll && (pgPlan.skip || chromium.reason)) {
    if (pgPlan.skip) skipSuite('PostgreSQL suite', pgPlan.skip, pgPlan.hint);
    if (chromium.reason) skipSuite('Browser (e2e) suite', chromium.reason);
    console.log('0 passed, 0 failed');
    process.exitCode = 1;
    return;
  }

  // 0. Types and lint (skipped when the run is filtered to some tests).
  if (!passArgs.length) {
    results.push(runCheck('type check (tsc)', 'typescript/bin/tsc', ['-p', 'tsconfig.json', '--noEmit']));
    results.push(runCheck('lint and format (Biome)', '@biomejs/biome/bin/biome', ['check', '--max-diagnostics=50']));
  }
  // The SPA is built before the suites: the server tests that serve it (tests/platform/spa.test.ts)
  // run only when web/dist exists, and the browser journeys use the same build.
  const webBuild = runCheck('web app build (Vite)', 'vite/bin/vite.js', ['build', '--config', 'web/vite.config.ts', '--logLevel', 'warn']);
  results.push(webBuild);

  // 1. Embedded database.
  results.push(await runVitest('embedded database (PGlite)', { env: { MAMORI_TEST_DB: 'pglite', MAMORI_TEST_PG_URL: undefined } }));

  // 2. PostgreSQL.
  if (pgPlan.skip) {
    skipSuite('PostgreSQL suite', pgPlan.skip, pgPlan.hint);
  } else {
    let url = pgPlan.url;
    let version = 'external server';
    let serverStop = null;
    if (!url) {
      const server = await startPostgres(pgPlan.binDir, pgPlan.runner, cleanups);
      if (server.error) {
        skipSuite('PostgreSQL suite', 'the throwaway PostgreSQL server could not be started', server.error.slice(0, 3000));
      } else {
        url = server.url;
        serverStop = server.stop;
        version = server.version.split(' ').slice(0, 2).join(' ');
      }
    }
    if (url) {
      results.push(await runVitest(`PostgreSQL (${version})`, { env: { MAMORI_TEST_DB: 'postgres', MAMORI_TEST_PG_URL: url } }));
      // Stop our server now (not at exit): the browser suite wants the memory.
      if (serverStop) {
        cleanups.splice(cleanups.indexOf(serverStop), 1);
        serverStop();
      }
    }
  }

  // 3. Browser journeys.
  if (chromium.reason) {
    skipSuite('Browser (e2e) suite', chromium.reason);
  } else if (e2eFiles().length === 0) {
    console.log('\n[test] notice: no browser tests yet (tests/e2e/**/*.e2e.ts); e2e suite skipped.');
  } else {
    results.push(
      await runVitest('browser (Chromium)', {
        configArgs: ['--config', 'vitest.e2e.config.ts'],
        env: { MAMORI_CHROMIUM: chromium.path, MAMORI_TEST_DB: undefined, MAMORI_TEST_PG_URL: undefined, ...(webBuild.ok ? { MAMORI_E2E_SKIP_BUILD: '1' } : {}) },
      }),
    );
  }

  // Summary.
  const total = { passed: 0, failed: 0, skipped: 0 };
  console.log('\n[test] ─────────────── summary ───────────────');
  for (const r of results) {
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    const status = r.ok ? 'ok  ' : 'FAIL';
    const extra = r.skipped ? `, ${r.skipped} skipped` : '';
    console.log(`[test] ${status} ${r.label}: ${r.passed} passed, ${r.failed} failed${extra} (${seconds(r.ms)})`);
    if (r.timedOut) problems.push(`${r.label}: timed out and was killed`);
    else if (!r.ok && !r.report) problems.push(`${r.label}: vitest exited with code ${r.code} without a report (crash? see above)`);
    if (r.failedFiles) problems.push(`${r.label}: ${r.failedFiles} test file(s) failed outside any test (import error or failing hook; see above), counted as failures`);
    if (!r.ok && r.report && r.failed === 0) problems.push(`${r.label}: vitest exited with code ${r.code} (unhandled error? see above)`);
  }
  for (const s of skipped) console.log(`[test] !!!! SKIPPED ${s.suite}: ${s.reason}`);
  for (const p of problems) console.log(`[test] FAIL ${p}`);
  if (passArgs.length && results.length && results.every((r) => r.report && r.total === 0)) {
    problems.push('no test matched the given arguments');
    console.log(`[test] FAIL no test matched: ${passArgs.join(' ')}`);
  }
  console.log(`[test] total time ${seconds(Date.now() - t0)}`);

  const failed = results.some((r) => !r.ok) || problems.length > 0 || (requireAll && skipped.length > 0);
  process.exitCode = failed ? 1 : 0;
  console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
}

main().catch((error) => {
  console.error('[test] runner error:', error);
  runCleanups();
  console.log('0 passed, 0 failed');
  process.exit(1);
});
