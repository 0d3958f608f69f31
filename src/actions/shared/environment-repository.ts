// What every action working on the environment repository reads the same way: where its config is,
// and the repository's default branch when the event already says it (saving a call).
import { DEFAULT_CONFIG_PATH } from '../../core/config/index.js';
import { invalid } from '../../core/errors.js';
import { pick, type RunnerContext } from './context.js';
import type { ActionInputs } from './inputs.js';

// Inside the repository: no leading slash, no `..` segment, nothing a path on GitHub cannot hold.
const CONFIG_PATH_PATTERN = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]{1,255}$/;

/** The `config` input: the promotion config's path in the environment repository. */
export function readConfigPath(inputs: ActionInputs): string {
  const configPath = inputs.string('config', DEFAULT_CONFIG_PATH);
  if (!CONFIG_PATH_PATTERN.test(configPath)) {
    throw invalid(
      'config',
      configPath,
      'a path inside the repository such as .github/promotion.yml (no "..", no leading "/")',
    );
  }
  return configPath;
}

/** The default branch the event names, only when the event is of this very repository. */
export function eventDefaultBranch(
  context: RunnerContext,
  repository: { owner: string; name: string },
): string | undefined {
  const sameRepository = pick(context.payload, 'repository', 'full_name') === `${repository.owner}/${repository.name}`;
  const branch = pick(context.payload, 'repository', 'default_branch');
  return sameRepository && typeof branch === 'string' ? branch : undefined;
}
