// The root action: `uses: owner/repo@v1` with a `command` input runs the very bundle that
// `uses: owner/repo/actions/<command>@v1` runs. Each action's bundle is loaded only once chosen, so
// the root bundle stays a few kilobytes instead of carrying every action (and starts as fast as the
// chosen action), and a new action under actions/ is a command here without any registration.
//
// On the way to the chosen bundle this evaluates little that bundle evaluates again: no @actions/core,
// and of the shared modules only the runner's protocols (see ./root-runner.ts). The rest load only to
// report a failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getState, info, saveState } from './root-runner.js';

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

/** The command input, as ActionInputs.optional reads it: trimmed, undefined when empty. */
function commandInput(): string | undefined {
  const value = (process.env['INPUT_COMMAND'] ?? '').trim();
  return value === '' ? undefined : value;
}

async function main(): Promise<void> {
  const command = commandInput();
  const name = command ?? '';
  const commands = actionCommands();
  let bundle = Object.hasOwn(commands, name) ? commands[name] : undefined;
  // No command or an unknown one: selectCommand throws the error that lists the valid commands.
  if (bundle === undefined) bundle = (await import('./shared/command.js')).selectCommand(command, commands);
  const postStep = getState(POST_STEP_STATE) !== '';
  // The root action.yml declares a post step for the commands that have one (validate, apply clean up
  // their kubeconfig and kind cluster); for the others the post step does nothing.
  if (postStep && !hasPostStep(name)) return;
  if (!postStep) saveState(POST_STEP_STATE, 'true');
  info(`command ${name}${postStep ? ' (post step)' : ''}`);
  // The chosen bundle runs itself on import and reports its own failure, exactly as its action does;
  // in the post step it finds the state it saved in the main step and cleans up.
  await import(/* webpackIgnore: true */ pathToFileURL(bundle).href);
}

// A failure is reported as every action reports one (runAction); only then are the shared modules loaded.
void main().catch(async (error: unknown) => {
  const { runAction } = await import('./shared/run.js');
  await runAction(() => Promise.reject(error));
});
