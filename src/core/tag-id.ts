/**
 * Immutable image tag IDs computed from a git ref, a commit and a build time.
 *
 * - branch push `refs/heads/<branch>`: the `format` template, `{branch}-{sha}-{ts}` by default;
 * - tag push of a semver version (`v0.4.10` or `0.4.10`): the version without `v`, prerelease kept,
 *   build metadata kept with `+` written as `_` (OCI tags have no `+`);
 * - any other git tag: the sanitised tag name;
 * - pull request: `pr-<number>-<sha>`.
 *
 * Every result is a valid OCI tag. Case is kept: OCI allows upper case, and lower-casing would make
 * `Feature` and `feature` collide. The same request always gives the same tag.
 */
// semver's functions by their own files: the package's index loads all of it (ranges, comparators,
// an LRU cache), about a millisecond of every start.
import parse from 'semver/functions/parse.js';
import prerelease from 'semver/functions/prerelease.js';
import { describeValue, invalid, UserError } from './errors.js';
import { REF_FORMAT_RULES, refFormatViolation } from './git-ref.js';

export const DEFAULT_FORMAT = '{branch}-{sha}-{ts}';
export const DEFAULT_SHA_LENGTH = 8;
export const MIN_SHA_LENGTH = 7;
export const MAX_SHA_LENGTH = 40;
export const MAX_TAG_LENGTH = 128;
export const FORMAT_TOKENS = ['branch', 'sha', 'ts'] as const;
export const PULL_REQUEST_EVENTS: readonly string[] = ['pull_request', 'pull_request_target'];

const OCI_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;
const TIMESTAMP_PATTERN = /^\d{1,10}$/;

export type RefKind = 'branch' | 'release' | 'tag' | 'pull-request';

export interface TagIdRequest {
  /** A full git ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<n>/merge. */
  ref: string;
  /** The commit, hex, 7 to 64 characters. */
  sha: string;
  /** Unix seconds of the build; part of branch tags, reported for every kind. */
  timestamp: number;
  format?: string | undefined;
  shaLength?: number | undefined;
  /** The workflow event: pull_request and pull_request_target make a pull request tag whatever the ref. */
  eventName?: string | undefined;
  pullRequestNumber?: number | undefined;
  environmentMap?: readonly EnvironmentRule[] | undefined;
  /** When set, a branch or tag the map does not name is an error (pull requests are never deployed). */
  requireMapping?: boolean | undefined;
}

export interface TagId {
  tag: string;
  kind: RefKind;
  /** The semver version of a release tag, build metadata with its `+`; empty for other kinds. */
  version: string;
  /** The environment the map gives this ref; empty when none. */
  environment: string;
  /** The full commit sha, lower case. */
  sha: string;
  timestamp: number;
  isRelease: boolean;
  /** The branch, tag name or pull request number the tag was made from. */
  name: string;
}

export function computeTagId(request: TagIdRequest): TagId {
  const sha = parseSha(request.sha);
  const shaLength = request.shaLength ?? DEFAULT_SHA_LENGTH;
  checkShaLength(shaLength, sha);
  checkTimestamp(request.timestamp);
  const shortSha = sha.slice(0, shaLength);
  const source = classifyRef(request);

  let tag: string;
  let version = '';
  if (source.kind === 'pull-request') {
    tag = `pr-${source.name}-${shortSha}`;
  } else if (source.kind === 'release') {
    version = source.version;
    tag = truncate(sanitizeTag(version.replace(/\+/g, '_')));
  } else if (source.kind === 'tag') {
    tag = truncate(sanitizeTag(source.name));
  } else {
    tag = renderBranchTag(request.format ?? DEFAULT_FORMAT, source.name, shortSha, String(request.timestamp));
  }
  if (!OCI_TAG.test(tag)) {
    throw new UserError(
      `ref: ${JSON.stringify(request.ref)} gives the tag ${JSON.stringify(tag)}, which is not a valid OCI tag`,
      {
        field: 'ref',
        value: request.ref,
      },
    );
  }

  const rules = request.environmentMap ?? [];
  const environment = environmentFor(rules, { kind: source.kind, ref: request.ref, name: source.name, version });
  if (environment === '' && request.requireMapping && source.kind !== 'pull-request') {
    throw new UserError(
      `ref: ${JSON.stringify(request.ref)} is not in the environment map (${describeEnvironmentMap(rules)}); ` +
        'add a line "<branch or pattern>=<environment>" to environment-map or turn off require-mapping',
      { field: 'ref', value: request.ref, expected: 'a ref the environment map names' },
    );
  }
  return {
    tag,
    kind: source.kind,
    version,
    environment,
    sha,
    timestamp: request.timestamp,
    isRelease: source.kind === 'release',
    name: source.name,
  };
}

/** Replaces characters an OCI tag cannot hold with `-`, collapses runs and trims separators at both ends. */
export function sanitizeTag(text: string): string {
  return text
    .replace(/[^A-Za-z0-9_.-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/\.{2,}/g, '.')
    .replace(/^[.-]+/, '')
    .replace(/[.-]+$/, '');
}

export function parseSha(value: string, field = 'sha'): string {
  if (!/^[0-9a-fA-F]{7,64}$/.test(value)) throw invalid(field, value, 'a commit sha of 7 to 64 hex characters');
  return value.toLowerCase();
}

export function parseShaLength(value: string, field = 'sha-length'): number {
  const length = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!(length >= MIN_SHA_LENGTH && length <= MAX_SHA_LENGTH)) {
    throw invalid(field, value, `a whole number from ${MIN_SHA_LENGTH} to ${MAX_SHA_LENGTH}`);
  }
  return length;
}

/** Unix seconds as digits; ten digits at most, so a milliseconds value is caught rather than taken. */
export function parseTimestamp(value: string, field = 'timestamp'): number {
  if (!TIMESTAMP_PATTERN.test(value)) throw invalid(field, value, 'unix seconds (up to 10 digits, e.g. 1700000000)');
  return Number(value);
}

function checkShaLength(length: number, sha: string): void {
  if (!Number.isInteger(length) || length < MIN_SHA_LENGTH || length > MAX_SHA_LENGTH) {
    throw invalid('sha-length', length, `a whole number from ${MIN_SHA_LENGTH} to ${MAX_SHA_LENGTH}`);
  }
  if (sha.length < length) throw invalid('sha', sha, `at least ${length} hex characters (sha-length)`);
}

function checkTimestamp(timestamp: number): void {
  if (!Number.isInteger(timestamp) || timestamp < 0 || timestamp > 9_999_999_999) {
    throw invalid('timestamp', timestamp, 'unix seconds (up to 10 digits, e.g. 1700000000)');
  }
}

type FormatToken = (typeof FORMAT_TOKENS)[number];
type FormatPart = { literal: string } | { token: FormatToken };

/**
 * Checks a branch tag template. It must name {sha} or {ts} (otherwise every build of a branch would
 * get the same, mutable tag), and its own text must already be valid tag characters, so that what the
 * user wrote is what appears in the tag.
 */
export function parseFormat(format: string): FormatPart[] {
  const expected = `a template of ${FORMAT_TOKENS.map((token) => `{${token}}`).join(', ')} and the characters A-Z a-z 0-9 _ . -, naming {sha} or {ts}`;
  const parts: FormatPart[] = [];
  for (const piece of format.split(/(\{[^{}]*\})/)) {
    if (piece === '') continue;
    const token = /^\{(.*)\}$/.exec(piece)?.[1];
    if (token !== undefined) {
      if (!(FORMAT_TOKENS as readonly string[]).includes(token)) {
        throw invalid('format', format, `${expected} (unknown token {${token}})`);
      }
      parts.push({ token: token as FormatToken });
    } else if (!/^[A-Za-z0-9_.-]+$/.test(piece)) {
      throw invalid('format', format, `${expected} (${JSON.stringify(piece)} has other characters)`);
    } else {
      parts.push({ literal: piece });
    }
  }
  if (!parts.some((part) => 'token' in part && part.token !== 'branch')) {
    throw invalid('format', format, `${expected} (without them every build of a branch gets the same tag)`);
  }
  const first = parts[0];
  if (first && 'literal' in first && /^[.-]/.test(first.literal)) {
    throw invalid('format', format, `${expected} (a tag cannot start with "." or "-")`);
  }
  return parts;
}

/** The branch is cut, never the sha or the timestamp, so that a long branch name still gives a unique tag. */
function renderBranchTag(format: string, branch: string, sha: string, ts: string): string {
  const parts = parseFormat(format);
  const render = (branchText: string) =>
    parts
      .map((part) => {
        if ('literal' in part) return part.literal;
        return part.token === 'branch' ? branchText : part.token === 'sha' ? sha : ts;
      })
      .join('');
  const fixedLength = render('').length;
  if (fixedLength > MAX_TAG_LENGTH) {
    throw invalid('format', format, `a template whose tag fits in ${MAX_TAG_LENGTH} characters`);
  }
  const branchSlots = parts.filter((part) => 'token' in part && part.token === 'branch').length;
  const room = branchSlots === 0 ? 0 : Math.floor((MAX_TAG_LENGTH - fixedLength) / branchSlots);
  const tag = sanitizeTag(render(sanitizeTag(branch).slice(0, room)));
  if (tag === '') throw invalid('format', format, 'a template that gives a non-empty tag');
  return tag;
}

function truncate(tag: string): string {
  return tag.length > MAX_TAG_LENGTH ? sanitizeTag(tag.slice(0, MAX_TAG_LENGTH)) : tag;
}

type RefSource =
  { kind: 'branch' | 'tag' | 'pull-request'; name: string } | { kind: 'release'; name: string; version: string };

function classifyRef(request: TagIdRequest): RefSource {
  const { ref } = request;
  const violation = refFormatViolation(ref);
  if (violation !== undefined) {
    throw new UserError(
      `ref: got ${describeValue(ref)}, which git refuses: ${violation}; expected ${REF_FORMAT_RULES}`,
      {
        field: 'ref',
        value: ref,
        expected: REF_FORMAT_RULES,
      },
    );
  }
  const pullFromRef = /^refs\/pull\/(\d+)\/(?:merge|head)$/.exec(ref)?.[1];
  const isPullEvent = request.eventName !== undefined && PULL_REQUEST_EVENTS.includes(request.eventName);
  if (request.pullRequestNumber !== undefined || isPullEvent || pullFromRef !== undefined) {
    const number = request.pullRequestNumber ?? (pullFromRef === undefined ? undefined : Number(pullFromRef));
    if (number === undefined || !Number.isSafeInteger(number) || number < 1) {
      throw invalid(
        'pull request number',
        number ?? request.pullRequestNumber,
        'a positive whole number, from the event payload or a refs/pull/<n>/merge ref',
      );
    }
    return { kind: 'pull-request', name: String(number) };
  }
  if (ref.startsWith('refs/heads/') && ref.length > 'refs/heads/'.length) {
    return { kind: 'branch', name: ref.slice('refs/heads/'.length) };
  }
  if (ref.startsWith('refs/tags/') && ref.length > 'refs/tags/'.length) {
    const name = ref.slice('refs/tags/'.length);
    const version = releaseVersion(name);
    return version === undefined ? { kind: 'tag', name } : { kind: 'release', name, version };
  }
  throw invalid('ref', ref, 'a full git ref: refs/heads/<branch>, refs/tags/<tag> or refs/pull/<number>/merge');
}

/** `v1.2.3` and `1.2.3` are releases; `V1.2.3`, `1.2` and `release-1.2.3` are plain tags. */
function releaseVersion(tagName: string): string | undefined {
  if (!/^v?\d/.test(tagName)) return undefined;
  const parsed = parse(tagName);
  if (!parsed) return undefined;
  return parsed.build.length > 0 ? `${parsed.version}+${parsed.build.join('.')}` : parsed.version;
}

/**
 * One line of the environment map. `pattern` is a branch name where `*` matches any run of characters
 * (`release/*`), a full ref pattern starting with `refs/` (`refs/tags/rc-*`), or one of the keywords
 * `@release` (any semver tag), `@prerelease` (a semver tag with a prerelease part) and `@pull-request`.
 * The first matching line wins.
 */
export interface EnvironmentRule {
  pattern: string;
  environment: string;
}

export const ENVIRONMENT_KEYWORDS: readonly string[] = ['@release', '@prerelease', '@pull-request'];
export const DEFAULT_ENVIRONMENT_MAP = 'dev=dev\nstg=stg\nmaster=prod\nmain=prod\n@release=prod';
const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Parses `pattern=environment` lines; blank lines and `#` comments are skipped. */
export function parseEnvironmentMap(text: string, field = 'environment-map'): EnvironmentRule[] {
  const rules: EnvironmentRule[] = [];
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '' || line.startsWith('#')) continue;
    const separator = line.indexOf('=');
    const pattern = line.slice(0, separator).trim();
    const environment = line.slice(separator + 1).trim();
    if (separator < 1 || pattern === '') {
      throw invalid(field, line, 'lines of the form <branch or pattern>=<environment>, e.g. "main=prod"');
    }
    if (pattern.startsWith('@') && !ENVIRONMENT_KEYWORDS.includes(pattern)) {
      throw invalid(field, line, `a branch, a refs/ pattern or one of ${ENVIRONMENT_KEYWORDS.join(', ')}`);
    }
    if (!ENVIRONMENT_NAME.test(environment)) {
      throw invalid(field, line, 'an environment name of lower-case letters, digits and "-" after "="');
    }
    rules.push({ pattern, environment });
  }
  return rules;
}

export function describeEnvironmentMap(rules: readonly EnvironmentRule[]): string {
  return rules.length === 0 ? 'empty' : rules.map((rule) => `${rule.pattern}=${rule.environment}`).join(', ');
}

interface EnvironmentSubject {
  kind: RefKind;
  ref: string;
  name: string;
  version: string;
}

function environmentFor(rules: readonly EnvironmentRule[], subject: EnvironmentSubject): string {
  const rule = rules.find(({ pattern }) => {
    if (pattern === '@release') return subject.kind === 'release';
    if (pattern === '@prerelease') return subject.kind === 'release' && prerelease(subject.version) !== null;
    if (pattern === '@pull-request') return subject.kind === 'pull-request';
    if (pattern.startsWith('refs/')) return wildcardMatches(pattern, subject.ref);
    return subject.kind === 'branch' && wildcardMatches(pattern, subject.name);
  });
  return rule?.environment ?? '';
}

/** Only `*` is special: branch patterns need nothing more, and a full glob dialect would surprise on `/`. */
function wildcardMatches(pattern: string, text: string): boolean {
  const source = pattern
    .split('*')
    .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${source}$`).test(text);
}
