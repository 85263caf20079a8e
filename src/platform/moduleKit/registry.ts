import type { ModuleManifest } from './manifest.ts';

// The installed module list. Kept apart from install.ts so that low-level platform parts
// (permissions, audit labels) can read it without importing the approvals engine.

let installed: readonly ModuleManifest[] | null = null;

/** The installed modules, in list order. Throws when no composition root has installed them. */
export function installedModules(): readonly ModuleManifest[] {
  if (!installed) throw new Error('installModules(modules) has not been called (src/server.ts, src/cli.ts and the test set-up call it)');
  return installed;
}

/** Whether installModules has run with exactly this list. */
export function isInstalled(modules: readonly ModuleManifest[]): boolean {
  return installed === modules;
}

/** Sets the list; only install.ts calls this. */
export function setInstalledModules(modules: readonly ModuleManifest[]): readonly ModuleManifest[] | null {
  const previous = installed;
  installed = modules;
  return previous;
}
