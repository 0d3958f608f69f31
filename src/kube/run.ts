// Runs a CommandLine with child_process.spawn (no shell): the argument array reaches the program as is.
import { spawn } from 'node:child_process';
import type { CommandLine } from './commands.js';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** true when the run was stopped because it outlived `timeoutMs`. */
  timedOut: boolean;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  timeoutMs?: number;
}

/** A program that could not be started (not installed, not executable): an infrastructure failure. */
export class ProgramMissingError extends Error {
  constructor(
    readonly program: string,
    cause: Error,
  ) {
    super(`${program} could not be started: ${cause.message}`);
    this.name = 'ProgramMissingError';
  }
}

export function runCommand(line: CommandLine, options: RunOptions = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(line.program, line.args, {
      env: options.env ?? process.env,
      cwd: options.cwd,
      stdio: ['pipe', 'pipe', 'pipe'],
      shell: false,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
          }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => {
      if (timer) clearTimeout(timer);
      reject(new ProgramMissingError(line.program, error));
    });
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(line.stdin ?? '');
  });
}
