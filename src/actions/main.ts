// The root action: `uses: owner/repo@v1` with a `command` input runs the same code as
// `uses: owner/repo/actions/<command>@v1`.
import { ActionInputs } from './shared/inputs.js';
import { runApplyAction } from './apply/run.js';
import { log } from './shared/log.js';
import { runBump } from './bump/run.js';
import { runDispatch } from './dispatch/run.js';
import { selectCommand } from './shared/command.js';
import { runMainOrPost } from './shared/post.js';
import { runTag } from './tag/run.js';
import { runValidateAction } from './validate/run.js';

/** Each action of the suite, by the name the `command` input uses; later actions join here. */
const actionsByCommand: Readonly<Record<string, () => Promise<void>>> = {
  tag: () => runTag(),
  dispatch: () => runDispatch(),
  bump: async () => {
    await runBump();
  },
  validate: async () => {
    await runValidateAction();
  },
  apply: () => runApplyAction(),
};

// The root action has the post step too (the kubeconfig folder, a kind cluster), whatever the command.
runMainOrPost(async () => {
  const command = new ActionInputs().optional('command');
  const run = selectCommand(command, actionsByCommand);
  log.info(`command ${command}`);
  await run();
});
