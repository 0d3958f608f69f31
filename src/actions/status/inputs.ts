import { checkRepositoryName } from '../../core/payload/index.js';
import { buildRunUrl } from '../../core/text/links.js';
import { readRunnerContext } from '../shared/context.js';
import { eventDefaultBranch, readConfigPath } from '../shared/environment-repository.js';
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

export function readStatusInputs(env: Environment): StatusInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);
  const token = inputs.required('token');
  const repository = checkRepositoryName(inputs.string('repository', context.repository));
  const configPath = readConfigPath(inputs);
  return {
    token,
    repository: { owner: repository.owner, repo: repository.name },
    configPath,
    pinnedIssue: inputs.boolean('pinned-issue', false),
    defaultBranch: eventDefaultBranch(context, repository),
    apiUrl: context.apiUrl,
    runUrl:
      context.repository && context.runId
        ? buildRunUrl(context.serverUrl, context.repository, context.runId)
        : undefined,
  };
}
