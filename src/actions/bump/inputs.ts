import { invalid, UserError } from '../../core/errors.js';
import {
  checkRepositoryName,
  manualRequest,
  parseDispatchEvent,
  parseDispatchPayload,
  requestFromPayload,
} from '../../core/payload/index.js';
import type { PromotionRequest } from '../../core/request.js';
import { workflowRunUrl } from '../../core/promotion/render/links.js';
import { parseTimestamp } from '../../core/tag-id.js';
import { readRunnerContext } from '../shared/context.js';
import { eventDefaultBranch, readConfigPath } from '../shared/environment-repository.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';

/** Inputs masked before anything else runs. */
export const SECRET_INPUTS = ['token', 'workflow-token'] as const;

export interface BumpInputs {
  token: string;
  /** The run's own GITHUB_TOKEN (input default `${{ github.token }}`), to warn when `token` is it. */
  workflowToken: string | undefined;
  repository: { owner: string; repo: string };
  configPath: string;
  /** What to promote: from the dispatch, the payload input, or the app, image and tag inputs. */
  request: PromotionRequest;
  /** The environment repository's default branch when the event says it (saves a request). */
  defaultBranch: string | undefined;
  apiUrl: string;
  serverUrl: string;
  /** `owner/name` the workflow runs in (GITHUB_REPOSITORY), to explain what its GITHUB_TOKEN cannot reach. */
  workflowRepository: string | undefined;
}

/**
 * Reads the inputs and the dispatch payload: from `payload` (JSON), from explicit `app`/`image`/`tag`
 * inputs, or from the repository_dispatch event's client_payload. Everything is checked before any request.
 */
export function readBumpInputs(env: Environment, newDispatchId: () => string): BumpInputs {
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
    request: readRequest(inputs, context, newDispatchId),
    defaultBranch: eventDefaultBranch(context, repository),
    apiUrl: context.apiUrl,
    serverUrl: context.serverUrl,
    workflowRepository: context.repository || undefined,
  };
}

function readRequest(
  inputs: ActionInputs,
  context: ReturnType<typeof readRunnerContext>,
  newDispatchId: () => string,
): PromotionRequest {
  const json = inputs.optional('payload');
  const app = inputs.optional('app');
  if (json !== undefined && app !== undefined) {
    throw invalid('payload', '(both payload and app)', 'either a payload or the app, image and tag inputs, not both');
  }
  if (json !== undefined) {
    let value: unknown;
    try {
      value = JSON.parse(json) as unknown;
    } catch (error) {
      throw new UserError(
        `payload: not valid JSON (${(error as Error).message}); expected the dispatch client_payload object`,
      );
    }
    return requestFromPayload(parseDispatchPayload(value));
  }
  if (app !== undefined) {
    const timestamp = inputs.optional('build-timestamp');
    return manualRequest({
      app,
      image: inputs.required('image'),
      tag: inputs.optional('tag'),
      digest: inputs.optional('digest'),
      environment: inputs.optional('environment'),
      source: {
        repository: context.repository,
        sha: context.sha,
        ref: context.ref,
        runUrl: workflowRunUrl(context.serverUrl, context.repository, context.runId || '0'),
      },
      ...(timestamp !== undefined && { buildTimestamp: parseTimestamp(timestamp, 'build-timestamp') }),
      dispatchId: newDispatchId(),
    });
  }
  if (context.eventName === 'repository_dispatch')
    return requestFromPayload(parseDispatchEvent(context.payload).payload);
  throw new UserError(
    `no dispatch to bump: the event is ${context.eventName || '(none)'}, not repository_dispatch; give the app, image and tag inputs (or payload) to bump by hand`,
  );
}
