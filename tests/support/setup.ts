import { modules } from '../../src/modules/index.ts';
import { installModules } from '../../src/platform/moduleKit/install.ts';

// The test set-up is a composition root like src/server.ts and src/cli.ts: tests that call
// services directly find the modules' permissions and approval record types installed.
installModules(modules);
