// The root action: `uses: owner/repo@v1` with a `command` input runs the very bundle that
// `uses: owner/repo/actions/<command>@v1` runs. Each action's bundle is loaded only once chosen, so
// the root bundle stays a few kilobytes instead of carrying every action (and starts as fast as the
// chosen action), and a new action under actions/ is a command here without any registration.
import * as core from '@actions/core';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ActionInputs } from './shared/inputs.js';
import { log } from './shared/log.js';
import { selectCommand } from './shared/command.js';
import { runAction } from './shared/run.js';

// dist/main/bundle.js -> the repository root, as the runner checks the action out. (A literal
// `new URL('../..', import.meta.url)` would be taken by the bundler for an asset to copy.)
const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The runner gives a state saved by the main step only to the post step, so its presence says which this is. */
const POST_STEP_STATE = 'root-post';

/** Whether the action declares a post step (`runs.post`): only those are run again after the job. */
function hasPostStep(name: string): boolean {
  // A line match rather than a YAML parser in this bundle: our own action.yml files put `post:` under `runs:`.
  const definition = readFileSync(join(repositoryRoot, 'actions', name, 'action.yml'), 'utf8');
  return /^runs:[ \t]*\r?\n(?:[ \t]+.*\r?\n)*?[ \t]+post:/m.test(definition);
}

/** The actions of the suite: a folder under actions/ with an action.yml and a built bundle. */
function actionCommands(): Record<string, string> {
  const names = readdirSync(join(repositoryRoot, 'actions'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const commands: Record<string, string> = {};
  for (const name of names) {
    const bundle = join(repositoryRoot, 'dist', name, 'index.js');
    if (existsSync(join(repositoryRoot, 'actions', name, 'action.yml')) && existsSync(bundle)) {
      commands[name] = bundle;
    }
  }
  return commands;
}

void runAction(async () => {
  const postStep = core.getState(POST_STEP_STATE) !== '';
  const command = new ActionInputs().optional('command');
  const bundle = selectCommand(command, actionCommands());
  const name = command?.trim() ?? '';
  // The root action.yml declares a post step for the commands that have one (validate, apply clean up
  // their kubeconfig and kind cluster); for the others the post step does nothing.
  if (postStep && !hasPostStep(name)) return;
  if (!postStep) core.saveState(POST_STEP_STATE, 'true');
  log.info(`command ${name}${postStep ? ' (post step)' : ''}`);
  // The chosen bundle runs itself on import and reports its own failure, exactly as its action does;
  // in the post step it finds the state it saved in the main step and cleans up.
  await import(/* webpackIgnore: true */ pathToFileURL(bundle).href);
});
