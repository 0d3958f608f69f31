// The few runner protocols the root action uses before it hands over to the chosen bundle, written out
// here so that its start evaluates no @actions/core (which loads node:https and its HTTP client for the
// OIDC token) and none of the shared modules: the chosen bundle loads its own copy of those anyway.
// Each does what @actions/core 3 does (lib/core.js getState, saveState; lib/file-command.js); the unit
// test test/unit/root-runner.test.ts holds them to it.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';
import { forLog } from '../core/text/untrusted.js';

type Environment = Readonly<Record<string, string | undefined>>;

/** core.getState: the state the main step saved, given to the post step as STATE_<name>. */
export function getState(name: string, env: Environment = process.env): string {
  return env[`STATE_${name}`] || '';
}

/**
 * core.saveState for a name and value of our own (letters, digits, `-`; no line break, `%`, `:` or `,`,
 * which @actions/core would escape): the `name<<delimiter` block appended to the file GITHUB_STATE
 * names, or the `save-state` workflow command when there is none (an older runner).
 */
export function saveState(name: string, value: string, env: Environment = process.env): void {
  if (!/^[\w-]+$/.test(name) || !/^[\w-]*$/.test(value)) {
    throw new Error(`saveState: ${JSON.stringify(name)}=${JSON.stringify(value)} needs escaping`);
  }
  const file = env['GITHUB_STATE'] || '';
  if (!file) {
    process.stdout.write(`::save-state name=${name}::${value}${EOL}`);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, { encoding: 'utf8' });
}

/** log.info (core.info through forLog): one line of the step's log. */
export function info(message: string): void {
  process.stdout.write(forLog(message) + EOL);
}
