import { invalid, UserError } from '../../core/errors.js';
import {
  buildDispatchPayload,
  checkEventType,
  checkRepositoryName,
  DEFAULT_EVENT_TYPE,
  type DispatchPayload,
} from '../../core/payload/index.js';
import { workflowRunUrl } from '../../core/promotion/render/links.js';
import { parseTimestamp, PULL_REQUEST_EVENTS } from '../../core/tag-id.js';
import { pick, readRunnerContext } from '../shared/context.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';

/** Inputs masked before anything else runs. */
export const SECRET_INPUTS = ['token', 'workflow-token'] as const;

export interface DispatchInputs {
  token: string;
  /** The run's own GITHUB_TOKEN (input default `${{ github.token }}`), to recognise it in `token`. */
  workflowToken: string | undefined;
  target: { owner: string; name: string };
  eventType: string;
  payload: DispatchPayload;
  apiUrl: string;
  /** The repository this workflow runs in, for explaining why its GITHUB_TOKEN cannot reach another one. */
  workflowRepository: string;
}

/**
 * Reads and checks every input and builds the payload, so that a bad input fails before any request.
 * `newDispatchId` is crypto.randomUUID on a runner; the core stays free of randomness.
 */
export function readDispatchInputs(
  env: Environment,
  newDispatchId: () => string,
  now: () => number = Date.now,
): DispatchInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);
  const token = inputs.required('token');
  const target = checkRepositoryName(inputs.required('repository'));
  const eventType = checkEventType(inputs.string('event-type', DEFAULT_EVENT_TYPE));

  const isPullEvent = PULL_REQUEST_EVENTS.includes(context.eventName);
  // GITHUB_SHA is GitHub's merge commit on pull request events; the head sha is what was built.
  const headSha = isPullEvent ? pick(context.payload, 'pull_request', 'head', 'sha') : undefined;
  const sha = typeof headSha === 'string' ? headSha : context.sha;

  const payload = buildDispatchPayload({
    app: inputs.required('app'),
    image: inputs.required('image'),
    tag: inputs.optional('tag'),
    digest: inputs.optional('digest'),
    environment: inputs.optional('environment'),
    source: {
      repository: context.repository,
      sha,
      ref: context.ref,
      runUrl: runUrl(context.serverUrl, context.repository, context.runId),
    },
    buildTimestamp: buildTimestamp(inputs.optional('build-timestamp'), context.payload, now),
    dispatchId: newDispatchId(),
    extra: parseExtra(inputs.optional('extra-payload')),
  });

  return {
    token,
    workflowToken: inputs.optional('workflow-token'),
    target,
    eventType,
    payload,
    apiUrl: context.apiUrl,
    workflowRepository: context.repository,
  };
}

function runUrl(serverUrl: string, repository: string, runId: string): string {
  if (runId === '')
    throw invalid('source run (GITHUB_RUN_ID)', runId, 'the id of this workflow run, set by the runner');
  return workflowRunUrl(serverUrl, repository, runId);
}

// The same default as the tag action's timestamp, so a branch tag's {ts} and the payload agree.
function buildTimestamp(input: string | undefined, payload: Record<string, unknown>, now: () => number): number {
  if (input !== undefined) return parseTimestamp(input, 'build-timestamp');
  const headCommitTime = pick(payload, 'head_commit', 'timestamp');
  const parsed = typeof headCommitTime === 'string' ? Date.parse(headCommitTime) : NaN;
  return Math.floor((Number.isFinite(parsed) ? parsed : now()) / 1000);
}

function parseExtra(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `extra-payload: not valid JSON (${reason}); expected a JSON object such as {"ticket":"OPS-1"}`,
      {
        field: 'extra-payload',
        value: text,
        expected: 'a JSON object',
      },
    );
  }
}
