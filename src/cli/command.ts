import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A wrong command line: exit code 2, usage shown. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CommandContext {
  /** true when --json was given: print exactly one JSON document on stdout. */
  json: boolean;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  /** Full usage text shown by `--help`. */
  usage: string;
  options: NonNullable<ParseArgsConfig['options']>;
  allowPositionals?: boolean;
  /**
   * Runs the command. Returns the value printed with --json; `text` is what is printed without it.
   * Throw UserError for failures (exit 1) and UsageError for a wrong command line (exit 2). A result
   * with `failure` is printed as usual and then exits 1 with that reason (validate's findings).
   */
  run(
    values: Record<string, string | boolean | string[] | boolean[] | undefined>,
    positionals: string[],
    context: CommandContext,
  ): Promise<{ json: unknown; text: string; failure?: string }>;
}

/** A command as the registry knows it before its module is loaded: its name, and how to load it. */
export interface CommandEntry {
  name: string;
  load(): Promise<Command>;
}

export function parseCommandLine(command: Command, args: string[]) {
  const options = {
    ...command.options,
    json: { type: 'boolean' as const },
    help: { type: 'boolean' as const, short: 'h' },
  };
  try {
    return parseArgs({ args, options, allowPositionals: command.allowPositionals ?? false, strict: true });
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }, Object.keys(options)));
  }
}

/** Node's parseArgs messages, shortened to one line, with the nearest option for a misspelled one. */
function explainParseError(error: Error & { code?: string }, known: readonly string[]): string {
  const quoted = /'(-[^']*)'/.exec(error.message)?.[1];
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && quoted !== undefined) {
    const name = quoted.replace(/^-+/, '').split('=')[0] ?? '';
    const near = closest(name, known);
    return `unknown option ${quoted}${near ? `; did you mean --${near}?` : ''}`;
  }
  if (error.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const option = /'(--[\w-]+)/.exec(error.message)?.[1];
    if (option && /argument missing/.test(error.message)) return `${option} needs a value`;
    if (option && /does not take an argument/.test(error.message)) return `${option} takes no value`;
  }
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(error.message)?.[1];
    return `unexpected argument ${JSON.stringify(argument ?? '')}`;
  }
  return error.message.split('\n')[0] ?? error.message;
}

/** The known name nearest to a misspelled one, when it is near enough to be what was meant. */
export function closest(name: string, known: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  const prefix = best.candidate.startsWith(name) && name.length >= 2;
  return prefix || best.distance <= Math.max(1, Math.floor(best.candidate.length / 3)) ? best.candidate : undefined;
}

/** Levenshtein distance, an adjacent swap counting once (`--dri` is one step from `--dir`). */
function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = rows[i] as number[];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min((rows[i - 1] as number[])[j]! + 1, row[j - 1]! + 1, (rows[i - 1] as number[])[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        row[j] = Math.min(row[j]!, (rows[i - 2] as number[])[j - 2]! + 1);
      }
    }
  }
  return (rows[a.length] as number[])[b.length] ?? Math.max(a.length, b.length);
}

/** Reads a required string option or throws a usage error naming it. */
export function requireString(values: Record<string, unknown>, name: string): string {
  const value = values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function optionalString(values: Record<string, unknown>, name: string): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Reads a required directory option, resolved against the working directory. A path that is not an
 * existing directory is a usage error naming it: the command line points at nothing to work on.
 */
export function requireDirectory(values: Record<string, unknown>, name: string, cwd: string): string {
  const given = requireString(values, name);
  const path = resolve(cwd, given);
  const found = statSync(path, { throwIfNoEntry: false });
  if (!found?.isDirectory()) {
    const what = found ? 'not a directory' : 'no such directory';
    const where = path === given ? '' : `: ${path}`;
    throw new UsageError(`--${name}: got ${JSON.stringify(given)} (${what}${where}), expected an existing directory`);
  }
  return path;
}
