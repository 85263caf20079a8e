import { todayInJapan } from '../../domain/time.ts';
import { inOrg } from '../db/tenancy.ts';
import { defineContract } from '../http/contract.ts';
import { routes } from '../http/route.ts';
import { type App, actorOf, type Deps, scopeOf } from '../http/types.ts';
import type { Permission } from '../policies/permissions.ts';
import { registerImports } from './registry.ts';
import { importsContract } from './imports.contract.ts';
import { columnChoiceSchema, keepColumnsSchema, valueMappingSchema } from './imports.schema.ts';
import { jsonQueryParam } from './jsonQuery.ts';
import { MAX_IMPORT_ROWS } from './limits.ts';
import { noProgress, type ProgressReporter, streamImportProgress } from './progress.ts';
import type { AnyRegisterImport } from './register.ts';
import { allValid, inspectRegisterImport, refusalOf, runRegisterImport } from './run-register-import.ts';
import { readImportSheets, readImportUpload } from './upload.ts';

/** The upload parsed before the tenant transaction opens: parsing a large workbook never holds the database (issue 11 #3, /healthz). */
async function parsedUpload(request: Parameters<typeof readImportUpload>[0]) {
  const upload = await readImportUpload(request);
  return { fileName: upload.filename, grids: await readImportSheets(upload) };
}

// 取込の経路 (issue #12, one import pipeline): two routes per register, declared from its
// definition — /api/imports/<register>/inspect (読込) and /api/imports/<register> (確認・取込) —
// each guarded by the register's own permission, so the negative-authorization suite covers every
// register's import as a route of its own.

/** The contract of one register's import routes: {@link importsContract} with the register's path and permission. */
export function registerImportContract(definition: AnyRegisterImport) {
  const access = definition.permission as Permission;
  return defineContract({
    inspect: { ...importsContract.inspect, access, path: `/api/imports/${definition.register}/inspect`, summary: `${definition.label}の${importsContract.inspect.summary}` },
    run: { ...importsContract.run, access, path: `/api/imports/${definition.register}`, summary: `${definition.label}の${importsContract.run.summary}` },
  });
}

const isDryRun = (dryRun: string) => dryRun === '1' || dryRun === 'true';

/** Registers the import routes of every register (the platform's and the installed modules'). */
export function importsRoutes(app: App, deps: Deps): void {
  for (const definition of registerImports()) {
    routes(app, registerImportContract(definition), {
      inspect: async (request) => {
        const columns = jsonQueryParam(request.query.columns, columnChoiceSchema, 'columns', '列の対応付け');
        const keep = jsonQueryParam(request.query.keep, keepColumnsSchema, 'keep', '残す列');
        const upload = await parsedUpload(request);
        return inOrg(deps.database, scopeOf(request), (tx) =>
          inspectRegisterImport(tx, actorOf(request), definition, upload, {
            sheet: request.query.sheet,
            headerRow: request.query.headerRow,
            columns,
            keep,
            maxRows: MAX_IMPORT_ROWS[deps.database.kind],
          }),
        );
      },
      run: async (request, reply) => {
        const dryRun = isDryRun(request.query.dryRun);
        const file = await readImportUpload(request);
        const run = async (progress: ProgressReporter) => {
          // Checked inside the run: asked with progress=1, a refusal is the stream's last line (a 400 naming the parameter).
          const columns = jsonQueryParam(request.query.columns, columnChoiceSchema, 'columns', '列の対応付け');
          const values = jsonQueryParam(request.query.values, valueMappingSchema, 'values', '値の対応付け');
          const keep = jsonQueryParam(request.query.keep, keepColumnsSchema, 'keep', '残す列');
          // Parsed before the transaction opens (a large workbook never holds the database), after the progress stream started.
          const upload = { fileName: file.filename, grids: await readImportSheets(file) };
          const now = deps.now();
          const report = await inOrg(deps.database, scopeOf(request), (tx) =>
            runRegisterImport(
              tx,
              actorOf(request),
              definition,
              upload,
              {
                sheet: request.query.sheet,
                headerRow: request.query.headerRow,
                columns,
                values,
                keep,
                maxRows: MAX_IMPORT_ROWS[deps.database.kind],
                dryRun,
                today: todayInJapan(now),
                now,
              },
              progress,
            ),
          );
          // All or nothing: a real run with any invalid row wrote nothing (422 with the report).
          return !dryRun && !allValid(report) ? { status: 422, body: refusalOf(report) } : { status: 200, body: report };
        };
        if (request.query.progress === '1') return streamImportProgress(reply, run);
        const outcome = await run(noProgress);
        return outcome.status === 200 ? outcome.body : reply.status(outcome.status).send(outcome.body);
      },
    });
  }
}
