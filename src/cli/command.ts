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

export function parseCommandLine(command: Command, args: string[]) {
  try {
    return parseArgs({
      args,
      options: { ...command.options, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: command.allowPositionals ?? false,
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
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
