import { checkRepositoryName } from '../../core/payload/index.js';
import { readRunnerContext } from '../shared/context.js';
import { eventDefaultBranch, readConfigPath } from '../shared/environment-repository.js';
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

/** Reads and checks every input before any request. */
export function readRollbackInputs(env: Environment): RollbackInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);
  const token = inputs.required('token');
  const repository = checkRepositoryName(inputs.string('repository', context.repository));
  const configPath = readConfigPath(inputs);
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
    defaultBranch: eventDefaultBranch(context, repository),
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl,
    workflowRepository: context.repository || undefined,
  };
}
