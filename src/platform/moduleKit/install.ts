import { registerApprovalRecordType, unregisterApprovalRecordTypes } from '../approvals/registry.ts';
import { roleRequestApprovalType } from '../approvals/roleRequests.service.ts';
import type { ModuleManifest } from './manifest.ts';
import { isInstalled, setInstalledModules } from './registry.ts';

/** The platform's own approval record types (役割任命申請). */
const platformApprovalTypes = [roleRequestApprovalType];

/**
 * Installs the app's modules: the one list (`src/modules/index.ts`) handed over by the
 * composition roots (`src/server.ts`, `src/cli.ts`, the test set-up). Registers the platform's
 * and the modules' approval record types; permissions, jobs, tasks, audit labels and demo seeds
 * are read from the list where they are used. Calling it again with the same list does nothing;
 * another list replaces the first (a test fixture adds a module this way).
 */
export function installModules(modules: readonly ModuleManifest[]): void {
  if (isInstalled(modules)) return;
  const names = new Set<string>();
  const permissionKeys = new Set<string>();
  for (const m of modules) {
    if (names.has(m.name)) throw new Error(`module ${m.name} is listed twice`);
    names.add(m.name);
    for (const key of Object.keys(m.permissions)) {
      if (permissionKeys.has(key)) throw new Error(`permission ${key} is declared by two modules`);
      permissionKeys.add(key);
    }
  }
  const previous = setInstalledModules(modules);
  if (previous) unregisterApprovalRecordTypes(previous.flatMap((m) => (m.approvalTypes ?? []).map((t) => t.type)));
  for (const type of [...platformApprovalTypes, ...modules.flatMap((m) => m.approvalTypes ?? [])]) registerApprovalRecordType(type);
}
