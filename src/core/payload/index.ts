// The repository_dispatch client_payload that `dispatch` sends and `bump` reads. It is versioned (`v`)
// so a receiver can refuse a shape it does not know instead of misreading it, and it is checked
// field by field on both sides: the sender must not send what the receiver would refuse.
import { invalid, UserError } from '../errors.js';
import { DIGEST_EXPECTED, isValidDigest, isValidTag, parseImageReference, parseRawReference } from '../image-ref.js';
import type { PromotionRequest } from '../request.js';
import { MAX_PAYLOAD_NESTING, nestedBeyond, topField } from '../nesting.js';
import { parseRunUrl } from '../text/links.js';

export const PAYLOAD_VERSION = 1;
export const DEFAULT_EVENT_TYPE = 'gitops-promote';
/** GitHub's limits for POST /repos/{owner}/{repo}/dispatches. */
export const MAX_EVENT_TYPE_LENGTH = 100;
export const MAX_TOP_LEVEL_KEYS = 10;
export const MAX_PAYLOAD_SIZE = 65_535;
export const MAX_NAME_LENGTH = 63;
export const MAX_EXTRA_DEPTH = 8;
const MAX_REF_LENGTH = 255;
const MAX_URL_LENGTH = 2048;
const MAX_TIMESTAMP = 9_999_999_999;

export interface DispatchSource {
  /** `owner/name` of the application repository that built the image. */
  repository: string;
  /** The commit the image was built from (40 hex, or 64 for SHA-256 repositories). */
  sha: string;
  /** The full git ref of the build: `refs/heads/dev`, `refs/tags/v0.4.10`. */
  ref: string;
  /** Link to the workflow run that built and dispatched. */
  runUrl: string;
}

export interface DispatchPayload {
  v: typeof PAYLOAD_VERSION;
  /** App name as the environment repository's config knows it. */
  app: string;
  /** Image repository as written by the sender, without tag or digest: `ghcr.io/acme/app`. */
  image: string;
  tag: string;
  digest?: string;
  /** Target environment; absent means the receiver's first environment in promotion order. */
  environment?: string;
  source: DispatchSource;
  /** Unix seconds of the build; orders builds whose tags carry no order of their own (glob policies). */
  buildTimestamp: number;
  /** Unique per dispatch, so a PR, a log line and a run can be traced back to one event. */
  dispatchId: string;
  /** Free-form JSON object passed through untouched. */
  extra?: Record<string, unknown>;
}

// Every top-level key v1 knows; anything else is refused so a typo is not silently dropped.
export const PAYLOAD_KEYS = [
  'v',
  'app',
  'image',
  'tag',
  'digest',
  'environment',
  'source',
  'buildTimestamp',
  'dispatchId',
  'extra',
] as const;
const SOURCE_KEYS = ['repository', 'sha', 'ref', 'runUrl'] as const;

const NAME_RULE = `[a-z0-9][a-z0-9-]* (lowercase letters, digits and "-", at most ${MAX_NAME_LENGTH} characters)`;
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const EVENT_TYPE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;
const OWNER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const REPOSITORY_NAME_PATTERN = /^[A-Za-z0-9._-]{1,100}$/;
const SHA_PATTERN = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REF_CHARACTERS = /^[A-Za-z0-9._/+@#-]+$/;
const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const EXTRA_KEY_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
// A receiver that merges extra with Object.assign would change an object's prototype through these.
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'prototype'];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// eslint-disable-next-line no-control-regex
const NUL = /\u0000/;

/** What the sending side knows; field names in errors are the dispatch action's input names. */
export interface DispatchRequest {
  app: string;
  /** `name`, `name:tag`, `name@digest` or `name:tag@digest`; a tag or digest here must agree with `tag` / `digest`. */
  image: string;
  tag?: string;
  digest?: string;
  environment?: string;
  source: DispatchSource;
  buildTimestamp: number;
  dispatchId: string;
  extra?: unknown;
}

/** Builds and validates the payload; throws UserError naming the input when anything is off. */
export function buildDispatchPayload(request: DispatchRequest): DispatchPayload {
  checkNesting(request.extra, INPUT_FIELDS.extra, MAX_PAYLOAD_NESTING - 1);
  const { name, tag, digest } = splitImage(request.image, request.tag, request.digest);
  const payload: DispatchPayload = {
    v: PAYLOAD_VERSION,
    app: request.app,
    image: name,
    tag,
    ...(digest !== undefined && { digest }),
    ...(request.environment !== undefined && request.environment !== '' && { environment: request.environment }),
    source: { ...request.source },
    buildTimestamp: request.buildTimestamp,
    dispatchId: request.dispatchId,
    ...(request.extra !== undefined && { extra: request.extra as Record<string, unknown> }),
  };
  checkPayload(payload, INPUT_FIELDS);
  return payload;
}

/** A received dispatch as the promotion it asks for (the edge where the wire format stops). */
export function requestFromPayload(payload: DispatchPayload): PromotionRequest {
  return {
    app: payload.app,
    image: payload.image,
    tag: payload.tag,
    ...(payload.digest !== undefined && { digest: payload.digest }),
    ...(payload.environment !== undefined && { environment: payload.environment }),
    intent: 'forward',
    buildTimestamp: payload.buildTimestamp,
    provenance: {
      kind: 'dispatch',
      dispatchId: payload.dispatchId,
      source: payload.source,
      ...(payload.extra !== undefined && { extra: payload.extra }),
    },
  };
}

/**
 * A promotion asked for by hand (the bump action's app, image and tag inputs), checked with the
 * same rules and field names as the dispatch action's inputs. Without a build timestamp the request
 * carries none: it is not taken to be "now", which would make any tag look newer than what runs.
 */
export function manualRequest(
  request: Omit<DispatchRequest, 'buildTimestamp' | 'extra'> & { buildTimestamp?: number },
): PromotionRequest {
  // The payload is only built to check the fields; 0 stands in for an absent timestamp and is dropped.
  const checked = buildDispatchPayload({ ...request, buildTimestamp: request.buildTimestamp ?? 0 });
  const { buildTimestamp: _stand_in, ...fields } = requestFromPayload(checked);
  return {
    ...fields,
    ...(request.buildTimestamp !== undefined && { buildTimestamp: request.buildTimestamp }),
    provenance: { kind: 'manual', dispatchId: checked.dispatchId, source: checked.source },
  };
}

/** Validates a received client_payload (the receiving side of `bump`); every field is checked. */
export function parseDispatchPayload(value: unknown): DispatchPayload {
  checkNesting(value, 'client_payload');
  if (!isPlainObject(value)) throw invalid('client_payload', value, 'a JSON object');
  if (value.v !== PAYLOAD_VERSION) {
    throw invalid('client_payload.v', value.v, `payload version ${PAYLOAD_VERSION} (sent by gitops-promote dispatch)`);
  }
  const unknownKey = Object.keys(value).find((key) => !(PAYLOAD_KEYS as readonly string[]).includes(key));
  if (unknownKey !== undefined) {
    throw invalid('client_payload', unknownKey, `only the keys ${PAYLOAD_KEYS.join(', ')} (unknown key)`);
  }
  checkPayload(value, PAYLOAD_FIELDS);
  return value as unknown as DispatchPayload;
}

/** The event type GitHub accepts (1 to 100 characters), narrowed to characters that are safe in a workflow filter. */
export function checkEventType(eventType: string, field = 'event-type'): string {
  if (eventType.length < 1 || eventType.length > MAX_EVENT_TYPE_LENGTH || !EVENT_TYPE_PATTERN.test(eventType)) {
    throw invalid(
      field,
      eventType,
      `1 to ${MAX_EVENT_TYPE_LENGTH} of [A-Za-z0-9._:-], starting with a letter or digit`,
    );
  }
  return eventType;
}

/** `owner/name` as GitHub allows them; `.` and `..` are not repository names. */
export function checkRepositoryName(repository: string, field = 'repository'): { owner: string; name: string } {
  const [owner = '', name = '', ...rest] = repository.split('/');
  const valid =
    rest.length === 0 &&
    OWNER_PATTERN.test(owner) &&
    REPOSITORY_NAME_PATTERN.test(name) &&
    name !== '.' &&
    name !== '..' &&
    !name.endsWith('.git');
  if (!valid)
    throw invalid(field, repository, 'owner/name (a GitHub owner and repository name, e.g. acme/environments)');
  return { owner, name };
}

/** Size of the client_payload as GitHub counts it: the JSON text, in UTF-8 bytes (never fewer than its characters). */
export function payloadSize(payload: unknown): number {
  return new TextEncoder().encode(JSON.stringify(payload)).length;
}

type FieldNames = Record<
  | 'app'
  | 'image'
  | 'tag'
  | 'digest'
  | 'environment'
  | 'source'
  | 'repository'
  | 'sha'
  | 'ref'
  | 'runUrl'
  | 'buildTimestamp'
  | 'dispatchId'
  | 'extra'
  | 'payload',
  string
>;

const INPUT_FIELDS: FieldNames = {
  app: 'app',
  image: 'image',
  tag: 'tag',
  digest: 'digest',
  environment: 'environment',
  source: 'source',
  repository: 'source repository (GITHUB_REPOSITORY)',
  sha: 'source sha (GITHUB_SHA)',
  ref: 'source ref (GITHUB_REF)',
  runUrl: 'source run URL',
  buildTimestamp: 'build-timestamp',
  dispatchId: 'dispatch-id',
  extra: 'extra-payload',
  payload: 'client_payload',
};

const PAYLOAD_FIELDS: FieldNames = {
  app: 'client_payload.app',
  image: 'client_payload.image',
  tag: 'client_payload.tag',
  digest: 'client_payload.digest',
  environment: 'client_payload.environment',
  source: 'client_payload.source',
  repository: 'client_payload.source.repository',
  sha: 'client_payload.source.sha',
  ref: 'client_payload.source.ref',
  runUrl: 'client_payload.source.runUrl',
  buildTimestamp: 'client_payload.buildTimestamp',
  dispatchId: 'client_payload.dispatchId',
  extra: 'client_payload.extra',
  payload: 'client_payload',
};

function checkPayload(payload: Record<string, unknown> | DispatchPayload, fields: FieldNames): void {
  const p = payload as Record<string, unknown>;
  checkName(p.app, fields.app);
  checkImageName(p.image, fields.image);
  checkTag(p.tag, fields.tag);
  if (p.digest !== undefined) checkDigest(p.digest, fields.digest);
  if (p.environment !== undefined) checkName(p.environment, fields.environment);
  checkSource(p.source, fields);
  checkTimestamp(p.buildTimestamp, fields.buildTimestamp);
  if (typeof p.dispatchId !== 'string' || !UUID_PATTERN.test(p.dispatchId)) {
    throw invalid(fields.dispatchId, p.dispatchId, 'a lowercase UUID (8-4-4-4-12 hex digits)');
  }
  if (p.extra !== undefined) checkExtra(p.extra, fields.extra);
  const keys = Object.keys(p).length;
  if (keys > MAX_TOP_LEVEL_KEYS)
    throw invalid(fields.payload, `${keys} top-level keys`, `at most ${MAX_TOP_LEVEL_KEYS}`);
  const size = payloadSize(p);
  if (size > MAX_PAYLOAD_SIZE) {
    throw invalid(
      fields.payload,
      `${size} bytes of JSON`,
      `at most ${MAX_PAYLOAD_SIZE} (GitHub's limit; shrink ${fields.extra})`,
    );
  }
}

function checkName(value: unknown, field: string): void {
  if (typeof value !== 'string' || value.length > MAX_NAME_LENGTH || !NAME_PATTERN.test(value)) {
    throw invalid(field, value, NAME_RULE);
  }
}

function checkImageName(value: unknown, field: string): void {
  if (typeof value !== 'string') throw invalid(field, value, 'an image repository such as ghcr.io/acme/app');
  const parsed = parseImageOrExplain(value, field);
  if (parsed.tag !== undefined || parsed.digest !== undefined) {
    throw invalid(field, value, 'an image repository without tag or digest (they travel in tag and digest)');
  }
}

function checkTag(value: unknown, field: string): void {
  if (typeof value !== 'string' || !isValidTag(value)) {
    throw invalid(field, value, '1 to 128 of [A-Za-z0-9_.-], not starting with "." or "-"');
  }
  if (value === 'latest') throw invalid(field, value, 'an immutable tag (latest names a different image tomorrow)');
}

function checkDigest(value: unknown, field: string): void {
  if (typeof value !== 'string' || !isValidDigest(value)) throw invalid(field, value, DIGEST_EXPECTED);
}

function checkSource(value: unknown, fields: FieldNames): void {
  if (!isPlainObject(value)) throw invalid(fields.source, value, 'an object with repository, sha, ref and runUrl');
  const unknownKey = Object.keys(value).find((key) => !(SOURCE_KEYS as readonly string[]).includes(key));
  if (unknownKey !== undefined) throw invalid(fields.source, unknownKey, `only the keys ${SOURCE_KEYS.join(', ')}`);
  if (typeof value.repository !== 'string') throw invalid(fields.repository, value.repository, 'owner/name');
  checkRepositoryName(value.repository, fields.repository);
  if (typeof value.sha !== 'string' || !SHA_PATTERN.test(value.sha)) {
    throw invalid(fields.sha, value.sha, 'a full commit sha: 40 (or 64) lowercase hex digits');
  }
  checkRef(value.ref, fields.ref);
  checkRunUrl(value.runUrl, fields.runUrl);
}

// git check-ref-format's rules, on a conservative character set: a ref ends up in PR bodies and logs.
function checkRef(value: unknown, field: string): void {
  const expected = `a full git ref such as refs/heads/dev or refs/tags/v1.2.3 (at most ${MAX_REF_LENGTH} of [A-Za-z0-9._/+@#-], no "..", "@{", "//", components starting with "." or ending with ".lock")`;
  if (typeof value !== 'string' || value.length > MAX_REF_LENGTH || !REF_CHARACTERS.test(value)) {
    throw invalid(field, value, expected);
  }
  const components = value.split('/');
  const valid =
    value.startsWith('refs/') &&
    components.length >= 3 &&
    !value.includes('..') &&
    !value.includes('@{') &&
    !value.endsWith('.') &&
    components.every((component) => component !== '' && !component.startsWith('.') && !component.endsWith('.lock'));
  if (!valid) throw invalid(field, value, expected);
}

// The run that built the image: the address of a workflow run and nothing else, so that it cannot
// carry a second link, an image or a mention into the pull request. It is linked only when it is a run
// of the source repository on the same server (src/core/text/links.ts).
function checkRunUrl(value: unknown, field: string): void {
  const expected = `the URL of a workflow run: <server>/<owner>/<repo>/actions/runs/<id> (http or https, no credentials, query or fragment, at most ${MAX_URL_LENGTH} characters)`;
  const run = typeof value === 'string' && value.length <= MAX_URL_LENGTH ? parseRunUrl(value) : undefined;
  if (run === undefined) throw invalid(field, value, expected);
}

function checkTimestamp(value: unknown, field: string): void {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TIMESTAMP) {
    throw invalid(field, value, 'unix seconds: a whole number from 0 to 9999999999');
  }
}

function checkExtra(value: unknown, field: string): void {
  if (!isPlainObject(value)) throw invalid(field, value, 'a JSON object such as {"ticket":"OPS-1"}');
  checkJsonValue(value, field, 0);
}

function checkJsonValue(value: unknown, path: string, depth: number): void {
  if (depth > MAX_EXTRA_DEPTH) throw invalid(path, '(deeper nesting)', `at most ${MAX_EXTRA_DEPTH} levels of nesting`);
  if (typeof value === 'string') {
    if (LONE_SURROGATE.test(value))
      throw invalid(path, value, 'valid Unicode text (a lone UTF-16 surrogate is not UTF-8)');
    if (NUL.test(value)) throw invalid(path, value, 'text without NUL characters');
    return;
  }
  if (value === null || typeof value === 'boolean') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw invalid(path, value, 'a finite number');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => checkJsonValue(item, `${path}[${index}]`, depth + 1));
    return;
  }
  if (isPlainObject(value)) {
    for (const [key, item] of Object.entries(value)) {
      if (!EXTRA_KEY_PATTERN.test(key) || PROTOTYPE_KEYS.includes(key)) {
        throw invalid(`${path} key`, key, '1 to 64 of [A-Za-z0-9_.-], not __proto__, constructor or prototype');
      }
      checkJsonValue(item, `${path}.${key}`, depth + 1);
    }
    return;
  }
  throw invalid(path, String(value), 'a JSON value (string, number, boolean, null, array or object)');
}

// The image input may carry the tag and digest itself (`app:1.2.3@sha256:...`); they must then agree with the inputs.
function splitImage(
  image: string,
  tagInput: string | undefined,
  digestInput: string | undefined,
): { name: string; tag: string; digest?: string } {
  parseImageOrExplain(image, INPUT_FIELDS.image);
  const raw = parseRawReference(image);
  const givenTag = tagInput === '' ? undefined : tagInput;
  const givenDigest = digestInput === '' ? undefined : digestInput;
  if (raw.tag !== undefined && givenTag !== undefined && raw.tag !== givenTag) {
    throw new UserError(
      `tag: got ${JSON.stringify(givenTag)}, but image ${JSON.stringify(image)} says ${JSON.stringify(raw.tag)}`,
      {
        field: 'tag',
        value: givenTag,
        expected: 'the same tag as the image input, or no tag in one of them',
      },
    );
  }
  if (raw.digest !== undefined && givenDigest !== undefined && raw.digest !== givenDigest) {
    throw new UserError(
      `digest: got ${JSON.stringify(givenDigest)}, but image ${JSON.stringify(image)} says ${JSON.stringify(raw.digest)}`,
      {
        field: 'digest',
        value: givenDigest,
        expected: 'the same digest as the image input, or no digest in one of them',
      },
    );
  }
  const tag = givenTag ?? raw.tag;
  if (tag === undefined) throw invalid(INPUT_FIELDS.tag, tag, 'a tag (in the tag input or as image:tag)');
  const digest = givenDigest ?? raw.digest;
  return { name: raw.name, tag, ...(digest !== undefined && { digest }) };
}

function parseImageOrExplain(value: string, field: string) {
  try {
    return parseImageReference(value);
  } catch (error) {
    if (error instanceof UserError)
      throw new UserError(`${field}: ${error.message}`, { field, value, expected: error.expected });
    throw error;
  }
}

/** Refuses a value nested deeper than any payload needs, naming the field, before anything recurses into it. */
function checkNesting(value: unknown, field: string, limit = MAX_PAYLOAD_NESTING): void {
  const path = nestedBeyond(value, limit);
  if (path === undefined) return;
  const top = topField(path);
  const name = field === 'client_payload' && top !== '' ? `client_payload.${top}` : field;
  throw new UserError(
    `${name}: nested more than ${limit} levels deep (at ${field}${path.length > 80 ? `${path.slice(0, 80)}...` : path}); expected at most ${limit} levels`,
    {
      field: name,
      value: '(deeply nested)',
      expected: `at most ${limit} levels of nesting`,
    },
  );
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}

/** Reads a repository_dispatch event (GITHUB_EVENT_PATH's JSON): its event type (`action`) and checked payload. */
export function parseDispatchEvent(event: unknown): { eventType: string; payload: DispatchPayload } {
  if (!isPlainObject(event)) throw invalid('repository_dispatch event', event, 'a JSON object');
  if (typeof event.action !== 'string')
    throw invalid('repository_dispatch event action', event.action, 'the event type');
  return {
    eventType: checkEventType(event.action, 'repository_dispatch event action'),
    payload: parseDispatchPayload(event.client_payload),
  };
}
