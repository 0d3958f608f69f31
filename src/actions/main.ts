// The root action: `uses: owner/repo@v1` with a `command` input runs the same code as
// `uses: owner/repo/actions/<command>@v1`.
import { ActionInputs } from './shared/inputs.js';
import { log } from './shared/log.js';
import { runBump } from './bump/run.js';
import { runDispatch } from './dispatch/run.js';
import { selectCommand } from './shared/command.js';
import { runAction } from './shared/run.js';
import { runTag } from './tag/run.js';

/** Each action of the suite, by the name the `command` input uses; later actions join here. */
const actionsByCommand: Readonly<Record<string, () => Promise<void>>> = {
  tag: () => runTag(),
  dispatch: () => runDispatch(),
  bump: async () => {
    await runBump();
  },
};

void runAction(async () => {
  const command = new ActionInputs().optional('command');
  const run = selectCommand(command, actionsByCommand);
  log.info(`command ${command}`);
  await run();
});
