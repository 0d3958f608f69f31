import { invalid } from '../../core/errors.js';
import {
  DEFAULT_ENVIRONMENT_MAP,
  DEFAULT_FORMAT,
  DEFAULT_SHA_LENGTH,
  parseEnvironmentMap,
  parseFormat,
  parseSha,
  parseShaLength,
  parseTimestamp,
  PULL_REQUEST_EVENTS,
  type TagIdRequest,
} from '../../core/tag-id.js';
import { pick, readRunnerContext } from '../shared/context.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';

export type TimestampSource = 'input' | 'head commit' | 'clock';

export interface TagInputs {
  request: TagIdRequest;
  /** The image repository the `image` output joins with the tag; undefined when not given. */
  image: string | undefined;
  timestampSource: TimestampSource;
}

/** A repository name as the distribution grammar writes it (optional registry host and port, no tag or digest). */
const IMAGE_REPOSITORY =
  /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*(?::\d+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/;

/**
 * Reads the tag action's inputs, falling back to the workflow context for each. Every input is
 * checked here, before anything is computed or written.
 */
export function readTagInputs(env: Environment = process.env, now: () => number = Date.now): TagInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);

  const refInput = inputs.optional('ref');
  const ref = refInput ?? context.ref;
  if (ref === '') throw invalid('ref', ref, 'a git ref (the ref input, or GITHUB_REF on a runner)');
  // An explicit ref speaks for itself; only the runner's own ref is read together with its event.
  const eventName = refInput === undefined ? context.eventName : undefined;
  const isPullEvent = eventName !== undefined && PULL_REQUEST_EVENTS.includes(eventName);

  // On pull_request events GITHUB_SHA is the merge commit GitHub made of head and base, which exists
  // nowhere in the contributor's history; the head sha names the commit the image was built from.
  const headSha = isPullEvent ? pick(context.payload, 'pull_request', 'head', 'sha') : undefined;
  const shaText = inputs.optional('sha') ?? (typeof headSha === 'string' ? headSha : context.sha);
  if (shaText === '') throw invalid('sha', shaText, 'a commit sha (the sha input, or GITHUB_SHA on a runner)');
  const sha = parseSha(shaText);

  const shaLengthText = inputs.optional('sha-length');
  const shaLength = shaLengthText === undefined ? DEFAULT_SHA_LENGTH : parseShaLength(shaLengthText);

  const format = inputs.string('format', DEFAULT_FORMAT);
  parseFormat(format);

  const { timestamp, timestampSource } = resolveTimestamp(inputs.optional('timestamp'), context.payload, now);

  const image = inputs.optional('image');
  if (image !== undefined && !IMAGE_REPOSITORY.test(image)) {
    throw invalid('image', image, 'an image repository without tag or digest, e.g. ghcr.io/acme/app');
  }

  const environmentMap = parseEnvironmentMap(inputs.multiline('environment-map') ?? DEFAULT_ENVIRONMENT_MAP);
  const requireMapping = inputs.boolean('require-mapping', false);

  const payloadNumber = isPullEvent
    ? (pick(context.payload, 'pull_request', 'number') ?? pick(context.payload, 'number'))
    : undefined;
  const pullRequestNumber = typeof payloadNumber === 'number' ? payloadNumber : undefined;

  return {
    request: { ref, sha, timestamp, format, shaLength, eventName, pullRequestNumber, environmentMap, requireMapping },
    image,
    timestampSource,
  };
}

/**
 * The build time defaults to the pushed head commit's time rather than the clock, so that re-running
 * a workflow gives the same tag. Events without a head commit (pull requests, manual runs) use the clock.
 */
function resolveTimestamp(
  input: string | undefined,
  payload: Record<string, unknown>,
  now: () => number,
): { timestamp: number; timestampSource: TimestampSource } {
  if (input !== undefined) return { timestamp: parseTimestamp(input), timestampSource: 'input' };
  const headCommitTime = pick(payload, 'head_commit', 'timestamp');
  const parsed = typeof headCommitTime === 'string' ? Date.parse(headCommitTime) : NaN;
  if (Number.isFinite(parsed)) return { timestamp: Math.floor(parsed / 1000), timestampSource: 'head commit' };
  return { timestamp: Math.floor(now() / 1000), timestampSource: 'clock' };
}
