// The root action: `uses: owner/repo@v1` with a `command` input runs the same code as
// `uses: owner/repo/actions/<command>@v1`.
import * as core from '@actions/core';
import { invalid } from '../core/errors.js';
import { ActionInputs } from './shared/inputs.js';
import { runBump } from './bump/run.js';
import { runDispatch } from './dispatch/run.js';
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
  const command = new ActionInputs().string('command', '');
  const run = Object.hasOwn(actionsByCommand, command) ? actionsByCommand[command] : undefined;
  if (!run) throw invalid('command', command, `one of ${Object.keys(actionsByCommand).join(', ')}`);
  core.info(`command ${command}`);
  await run();
});
