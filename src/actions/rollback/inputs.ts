import { DEFAULT_CONFIG_PATH } from '../../core/config/index.js';
import { invalid } from '../../core/errors.js';
import { checkRepositoryName } from '../../core/payload/index.js';
import { pick, readRunnerContext } from '../shared/context.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';

/** Inputs masked before anything else runs. */
export const SECRET_INPUTS = ['token', 'workflow-token'] as const;

export interface RollbackInputs {
  token: string;
  workflowToken: string | undefined;
  repository: { owner: string; repo: string };
  configPath: string;
  environment: string;
  app: string;
  to: string | undefined;
  reason: string | undefined;
  dryRun: boolean;
  defaultBranch: string | undefined;
  apiUrl: string;
  serverUrl: string;
  workflowRepository: string | undefined;
}

const CONFIG_PATH_PATTERN = /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$))[A-Za-z0-9._/-]{1,255}$/;

/** Reads and checks every input before any request. */
export function readRollbackInputs(env: Environment): RollbackInputs {
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
  const eventRepository = pick(context.payload, 'repository', 'full_name');
  const eventDefaultBranch = pick(context.payload, 'repository', 'default_branch');
  const sameRepository = eventRepository === `${repository.owner}/${repository.name}`;
  return {
    token,
    workflowToken: inputs.optional('workflow-token'),
    repository: { owner: repository.owner, repo: repository.name },
    configPath,
    environment: inputs.required('environment'),
    app: inputs.required('app'),
    to: inputs.optional('to'),
    reason: inputs.optional('reason'),
    dryRun: inputs.boolean('dry-run', false),
    defaultBranch: sameRepository && typeof eventDefaultBranch === 'string' ? eventDefaultBranch : undefined,
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl,
    workflowRepository: context.repository || undefined,
  };
}
