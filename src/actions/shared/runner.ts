// The runner's protocol that the actions speak on their standard output (workflow commands: log lines,
// annotations, masks, groups) and through the job summary file, written as @actions/core 3 writes
// them (lib/command.js, lib/core.js, lib/summary.js) but without it. Evaluating @actions/core reads
// fs.promises at its top (for the summary), which loads Node's promise-based file system and its
// streams: a millisecond and a half of every start, before the first request, for a summary written
// at the end. test/unit/runner.test.ts holds each of these to @actions/core's own output.
//
// Nothing here makes text safe: callers pass what they made safe (log.ts, forLog), and a command's
// data is escaped only so that it stays one command (% and line breaks), as @actions/core does.
import { accessSync, appendFileSync, constants } from 'node:fs';
import { EOL } from 'node:os';

type Environment = Readonly<Record<string, string | undefined>>;

const STDOUT = Symbol.for('gitops-promote.stdout');

/**
 * Writes to the step's standard output: a bundle's loader gives a writer that goes to fd 1 until
 * anything asks for process.stdout (scripts/bundle-start.mjs); elsewhere (tests, tools) the stream.
 */
export function writeStdout(text: string): void {
  const direct = (globalThis as { [key: symbol]: ((text: string) => void) | undefined })[STDOUT];
  if (direct) direct(text);
  else process.stdout.write(text);
}

/** A workflow command's data, escaped as @actions/core escapes it: it cannot end its line. */
export const commandData = (value: string): string =>
  value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');

/** `::command::data` on a line of its own (a command of ours, without properties). */
function issue(command: string, data = ''): void {
  writeStdout(`::${command}::${commandData(data)}${EOL}`);
}

/** A line of the step's log. */
export function info(message: string): void {
  writeStdout(message + EOL);
}

/** A line of the step's debug log (shown when the run has debug logging on). */
export function debug(message: string): void {
  issue('debug', message);
}

/** A warning annotation. */
export function warning(message: string): void {
  issue('warning', message);
}

/** An error annotation. */
export function error(message: string): void {
  issue('error', message);
}

/** An error annotation, and the step fails when the process ends. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** The runner masks this value in every later line of the job's log. */
export function setSecret(secret: string): void {
  issue('add-mask', secret);
}

/** Runs `body` inside a foldable group of the log, closed however the body ends. */
export async function group<T>(name: string, body: () => Promise<T>): Promise<T> {
  issue('group', name);
  try {
    return await body();
  } finally {
    issue('endgroup');
  }
}

/** The state the main step saved (file-command.ts saveState), given to the post step as STATE_<name>. */
export function getState(name: string, env: Environment = process.env): string {
  return env[`STATE_${name}`] || '';
}

/** Text for the job summary (Markdown, or HTML as @actions/core's helpers write it), then written at once. */
export class Summary {
  #text = '';

  /** Text as given (already escaped by the caller), and a line break when `eol`. */
  addRaw(text: string, eol = false): this {
    this.#text += eol ? text + EOL : text;
    return this;
  }

  /** `<hN>text</hN>` (h1 for a level out of 1-6) and a line break. */
  addHeading(text: string, level = 1): this {
    const tag = Number.isInteger(level) && level >= 1 && level <= 6 ? `h${level}` : 'h1';
    return this.addRaw(wrap(tag, text), true);
  }

  /** A table: a cell is text, or `{ data, header }` (a header cell is `th`); then a line break. */
  addTable(rows: ReadonlyArray<ReadonlyArray<string | { data: string; header?: boolean }>>): this {
    const body = rows
      .map((row) =>
        wrap(
          'tr',
          row
            .map((cell) => (typeof cell === 'string' ? wrap('td', cell) : wrap(cell.header ? 'th' : 'td', cell.data)))
            .join(''),
        ),
      )
      .join('');
    return this.addRaw(wrap('table', body), true);
  }

  /** What is written so far. */
  toString(): string {
    return this.#text;
  }

  /**
   * Appends the text to the file GITHUB_STEP_SUMMARY names, which the runner made; fails, as
   * @actions/core does, without the variable or when the file cannot be read and written.
   */
  async write(env: Environment = process.env): Promise<void> {
    const file = env['GITHUB_STEP_SUMMARY'];
    if (!file) {
      throw new Error(
        'Unable to find environment variable for $GITHUB_STEP_SUMMARY. Check if your runtime environment supports job summaries.',
      );
    }
    try {
      accessSync(file, constants.R_OK | constants.W_OK);
    } catch {
      throw new Error(
        `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
      );
    }
    appendFileSync(file, this.#text, { encoding: 'utf8' });
    this.#text = '';
  }
}

/** A new, empty job summary text. */
export const summary = (): Summary => new Summary();

/** `<tag>content</tag>`, or `<tag>` alone for empty content (as @actions/core writes it). */
function wrap(tag: string, content: string): string {
  return content ? `<${tag}>${content}</${tag}>` : `<${tag}>`;
}
