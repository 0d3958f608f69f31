// The few runner protocols the root action uses before it hands over to the chosen bundle. Its start
// evaluates no @actions/core and, of the shared modules, only the two small ones that write the
// runner's protocols (shared/runner.ts, shared/file-command.ts, neither of which loads more): the
// chosen bundle loads its own copy of the rest anyway. Each does what @actions/core 3 does (lib/core.js
// getState); the unit tests test/unit/root-runner.test.ts, test/unit/file-command.test.ts and
// test/unit/runner.test.ts hold them to it.
import { EOL } from 'node:os';
import { forLog } from '../core/text/untrusted.js';
import { writeStdout } from './shared/runner.js';

export { getState } from './shared/runner.js';
export { saveState } from './shared/file-command.js';

/** log.info (core.info through forLog): one line of the step's log. */
export function info(message: string): void {
  writeStdout(forLog(message) + EOL);
}
