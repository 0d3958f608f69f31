import type { Command } from './command.js';
import { bumpCommand } from './commands/bump.js';
import { parseImageCommand } from './commands/parse-image.js';
import { planCommand } from './commands/plan.js';
import { rollbackCommand } from './commands/rollback.js';
import { selectCommand } from './commands/select.js';
import { settersCommand } from './commands/setters.js';
import { statusCommand } from './commands/status.js';
import { tagIdCommand } from './commands/tag-id.js';
import { validateCommand } from './commands/validate.js';

/** Every command of the command line, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  tagIdCommand,
  bumpCommand,
  settersCommand,
  selectCommand,
  parseImageCommand,
  planCommand,
  validateCommand,
  statusCommand,
  rollbackCommand,
];
