#!/usr/bin/env node
// Entry point of the `mamori` command. The sources are TypeScript run through tsx, so the
// package works straight from a clone (`npx mamori …`) without a separate compile step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
