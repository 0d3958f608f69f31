import { checkRepositoryName } from '../../core/payload/index.js';
import { pick, readRunnerContext } from '../shared/context.js';
import { eventDefaultBranch, readConfigPath } from '../shared/environment-repository.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';

/** Inputs masked before anything else runs. */
export const SECRET_INPUTS = ['token', 'app-token'] as const;

export interface PromoteInputs {
  token: string;
  /** For promote-by app-branch (the app repositories); read here so it is masked and checked. */
  appToken: string | undefined;
  repository: { owner: string; repo: string };
  configPath: string;
  /** The source environment; undefined: every environment that has a from. */
  environment: string | undefined;
  /** The environment is the deployment_status event's (no input named one). */
  environmentFromEvent: boolean;
  app: string | undefined;
  dryRun: boolean;
  defaultBranch: string | undefined;
  apiUrl: string;
  serverUrl: string;
  workflowRepository: string | undefined;
}

export function readPromoteInputs(env: Environment): PromoteInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);
  const token = inputs.required('token');
  const repository = checkRepositoryName(context.repository, 'GITHUB_REPOSITORY');
  const configPath = readConfigPath(inputs);
  // A deployment_status event names the environment that just changed; other events (a schedule) none.
  const eventEnvironment =
    context.eventName === 'deployment_status'
      ? (pick(context.payload, 'deployment_status', 'environment') ??
        pick(context.payload, 'deployment', 'environment'))
      : undefined;
  const given = inputs.optional('environment');
  const environment = given ?? (typeof eventEnvironment === 'string' ? eventEnvironment : undefined);
  return {
    token,
    appToken: inputs.optional('app-token'),
    repository: { owner: repository.owner, repo: repository.name },
    configPath,
    environment,
    environmentFromEvent: given === undefined && environment !== undefined,
    app: inputs.optional('app'),
    dryRun: inputs.boolean('dry-run', false),
    defaultBranch: eventDefaultBranch(context, repository),
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl,
    workflowRepository: context.repository || undefined,
  };
}
