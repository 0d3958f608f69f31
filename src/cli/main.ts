import { isUserError } from '../core/errors.js';
import { parseCommandLine, UsageError, type Command, type CommandContext } from './command.js';

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
  commands: readonly Command[],
  io: Omit<CommandContext, 'json'>,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(overview(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`${PROGRAM}: unknown command "${name}"\n\n${overview(commands)}`);
    return 2;
  }
  try {
    const { values, positionals } = parseCommandLine(command, rest);
    if (values.help) {
      io.stdout(command.usage);
      return 0;
    }
    const json = values.json === true;
    const result = await command.run(values, positionals, { ...io, json });
    if (json) io.stdout(JSON.stringify(result.json, null, 2));
    else if (result.text !== '') io.stdout(result.text);
    if (result.failure !== undefined) {
      io.stderr(`${PROGRAM} ${name}: ${oneLine(result.failure)}`);
      return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${PROGRAM} ${name}: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    if (isUserError(error)) {
      io.stderr(`${PROGRAM} ${name}: ${oneLine(error.message)}`);
      return 1;
    }
    io.stderr(`${PROGRAM} ${name}: unexpected error: ${oneLine((error as Error)?.message ?? String(error))}`);
    return 1;
  }
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}
