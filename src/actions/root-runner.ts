// The few runner protocols the root action uses before it hands over to the chosen bundle, written out
// here so that its start evaluates no @actions/core (which loads node:https and its HTTP client for the
// OIDC token) and none of the shared modules: the chosen bundle loads its own copy of those anyway.
// Each does what @actions/core 3 does (lib/core.js getState; saveState is the shared one of
// src/actions/shared/file-command.ts, which needs no @actions/core either); the unit tests
// test/unit/root-runner.test.ts and test/unit/file-command.test.ts hold them to it.
import { EOL } from 'node:os';
import { forLog } from '../core/text/untrusted.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** core.getState: the state the main step saved, given to the post step as STATE_<name>. */
export function getState(name: string, env: Environment = process.env): string {
  return env[`STATE_${name}`] || '';
}

export { saveState } from './shared/file-command.js';

/** log.info (core.info through forLog): one line of the step's log. */
export function info(message: string): void {
  process.stdout.write(forLog(message) + EOL);
}
