import { invalid, UserError } from '../../core/errors.js';

/**
 * Picks the entry of `commands` named by the root action's `command` input. Nothing given and a name
 * that is not a command both fail with the list of valid commands, so the fix is in the message.
 */
export function selectCommand<T>(given: string | undefined, commands: Readonly<Record<string, T>>): T {
  const valid = Object.keys(commands).join(', ');
  const name = given?.trim() ?? '';
  if (name === '') {
    throw new UserError(`command: no command given, expected one of ${valid} (for example command: tag)`, {
      field: 'command',
      value: given,
      expected: `one of ${valid}`,
    });
  }
  if (!Object.hasOwn(commands, name)) throw invalid('command', name, `one of ${valid}`);
  return commands[name] as T;
}
