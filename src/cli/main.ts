import { isExplained } from '../core/errors.js';
import { jsonForLog, linesForLog } from '../core/text/untrusted.js';
import {
  closest,
  parseCommandLine,
  UsageError,
  type Command,
  type CommandContext,
  type CommandEntry,
} from './command.js';

const PROGRAM = 'gitops-promote';

function overview(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return [
    `usage: ${PROGRAM} <command> [options] [--json]`,
    '',
    'commands:',
    ...commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    `Run "${PROGRAM} <command> --help" for a command's options.`,
    'Exit status: 0 success, 1 failure (one-line reason on stderr), 2 usage error.',
  ].join('\n');
}

/** Runs one command line and returns the process exit code (0, 1 or 2). */
export async function runCli(
  argv: string[],
  commands: readonly (Command | CommandEntry)[],
  rawIo: Omit<CommandContext, 'json'>,
): Promise<number> {
  // The CLI runs in workflow steps too: what it prints passes the untrusted-text boundary, so that a
  // file name, a value or an argument cannot become a workflow command (src/core/text/untrusted.ts).
  const io = {
    ...rawIo,
    stdout: (text: string) => rawIo.stdout(linesForLog(text)),
    stderr: (text: string) => rawIo.stderr(linesForLog(text)),
  };
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    // The overview is the one place that needs every command's summary, so it loads them all.
    io.stdout(overview(await Promise.all(commands.map(load))));
    return 0;
  }
  const names = commands.map((command) => command.name);
  if (name === undefined) {
    io.stderr(`${PROGRAM}: a command is required (${names.join(', ')})\n${helpHint()}`);
    return 2;
  }
  const entry = commands.find((candidate) => candidate.name === name);
  if (!entry) {
    const near = closest(name, names);
    io.stderr(
      `${PROGRAM}: unknown command ${JSON.stringify(name)}${near ? `; did you mean ${near}?` : ''}\n${helpHint()}`,
    );
    return 2;
  }
  try {
    const command = await load(entry);
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help) {
      io.stdout(command.usage);
      return 0;
    }
    const json = values.json === true;
    const result = await command.run(values, positionals, { ...io, json });
    if (json) rawIo.stdout(jsonForLog(result.json, 2));
    else if (result.text !== '') io.stdout(result.text);
    if (result.failure !== undefined) {
      io.stderr(`${PROGRAM} ${name}: ${oneLine(result.failure)}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${PROGRAM} ${name}: ${oneLine(error.message)}\n${helpHint(name)}`);
      return 2;
    }
    if (isExplained(error)) {
      io.stderr(`${PROGRAM} ${name}: ${oneLine(error.message)}`);
      return 1;
    }
    io.stderr(`${PROGRAM} ${name}: unexpected error: ${oneLine((error as Error)?.message ?? String(error))}`);
    return 1;
  }
}

/** A loaded command as is (tests pass them), or the registry's entry loaded. */
async function load(source: Command | CommandEntry): Promise<Command> {
  return 'load' in source ? source.load() : source;
}

/** What a usage error ends with, instead of the whole help. */
function helpHint(command?: string): string {
  return `run '${PROGRAM}${command ? ` ${command}` : ''} --help'`;
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
