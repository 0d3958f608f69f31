import { DEFAULT_CONFIG_PATH } from '../../core/config/index.js';
import { invalid } from '../../core/errors.js';
import { checkRepositoryName } from '../../core/payload/index.js';
import { buildRunUrl } from '../../core/text/links.js';
import { pick, readRunnerContext } from '../shared/context.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';

export const SECRET_INPUTS = ['token'] as const;

export interface StatusInputs {
  token: string;
  repository: { owner: string; repo: string };
  configPath: string;
  pinnedIssue: boolean;
  defaultBranch: string | undefined;
  apiUrl: string;
  runUrl: string | undefined;
}

const CONFIG_PATH_PATTERN = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]{1,255}$/;

export function readStatusInputs(env: Environment): StatusInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);
  const token = inputs.required('token');
  const repository = checkRepositoryName(inputs.string('repository', context.repository));
  const configPath = inputs.string('config', DEFAULT_CONFIG_PATH);
  if (!CONFIG_PATH_PATTERN.test(configPath)) {
    throw invalid(
      'config',
      configPath,
      'a path inside the repository such as .github/promotion.yml (no "..", no leading "/")',
    );
  }
  const sameRepository = pick(context.payload, 'repository', 'full_name') === `${repository.owner}/${repository.name}`;
  const eventDefaultBranch = pick(context.payload, 'repository', 'default_branch');
  return {
    token,
    repository: { owner: repository.owner, repo: repository.name },
    configPath,
    pinnedIssue: inputs.boolean('pinned-issue', false),
    defaultBranch: sameRepository && typeof eventDefaultBranch === 'string' ? eventDefaultBranch : undefined,
    apiUrl: context.apiUrl,
    runUrl:
      context.repository && context.runId
        ? buildRunUrl(context.serverUrl, context.repository, context.runId)
        : undefined,
  };
}
