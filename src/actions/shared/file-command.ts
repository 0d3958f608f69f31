// The runner's file commands for outputs and state (GITHUB_OUTPUT, GITHUB_STATE), written without
// node:crypto. @actions/core 3 (lib/file-command.js) draws each value's delimiter with
// crypto.randomUUID() and refuses a value that holds it; node:crypto costs a start about 3 ms, and it
// is the only thing validate and apply would load it for. What makes a delimiter safe is not that it
// is random but that no line of the value is the delimiter: the runner takes the lines after
// `name<<delimiter` up to the first line that is. So the delimiter here is chosen not to occur in the
// value at all (one pass over it), and a value can neither end its block early nor be refused.
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';
import { commandData, writeStdout } from './runner.js';

const DELIMITER = 'ghadelimiter_gitops-promote_';

/**
 * A delimiter that is not a substring of `value`: the fixed prefix, then one `_` more than the longest
 * run of `_` in the value, so the delimiter ends in a run the value does not have.
 */
export function delimiterFor(value: string): string {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < value.length; i++) {
    if (value.charCodeAt(i) === 95 /* _ */) longest = Math.max(longest, ++run);
    else run = 0;
  }
  return DELIMITER + '_'.repeat(longest);
}

/** Refuses a name that is not one of ours (letters, digits, `_` and `-`): nothing in it is escaped. */
function checkName(name: string): void {
  if (!/^[\w-]+$/.test(name)) throw new Error(`file command: ${JSON.stringify(name)} is not a name of ours`);
}

/** The `name<<delimiter` block for a name of our own. */
export function fileCommandBlock(name: string, value: string): string {
  checkName(name);
  const delimiter = delimiterFor(value);
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

/** Appends a block to the file a GITHUB_<command> variable names, as @actions/core does. */
export function appendFileCommand(file: string, name: string, value: string): void {
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  appendFileSync(file, fileCommandBlock(name, value), { encoding: 'utf8' });
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * core.setOutput for a name of ours. Without GITHUB_OUTPUT (an older runner), the set-output workflow
 * command, as @actions/core writes it.
 */
export function setOutput(name: string, value: string, env: Environment = process.env): void {
  const file = env['GITHUB_OUTPUT'];
  if (file) return appendFileCommand(file, name, value);
  checkName(name);
  writeStdout(`${EOL}::set-output name=${name}::${commandData(value)}${EOL}`);
}

/** core.saveState, the same way (the save-state workflow command without GITHUB_STATE). */
export function saveState(name: string, value: string, env: Environment = process.env): void {
  const file = env['GITHUB_STATE'];
  if (file) return appendFileCommand(file, name, value);
  checkName(name);
  writeStdout(`::save-state name=${name}::${commandData(value)}${EOL}`);
}
