// Image references, parsed and normalised as the distribution reference grammar does
// (github.com/distribution/reference: Parse, ParseNormalizedNamed, FamiliarString, ParseAnyReference),
// so that `nginx`, `docker.io/library/nginx` and `index.docker.io/library/nginx` name one image.
import { UserError } from './errors.js';

/** An image reference normalised the way Docker reads it: Docker Hub and `library/` filled in. */
export interface ImageReference {
  /** Registry host with optional port: `docker.io`, `ghcr.io`, `localhost:5000`, `[::1]:5000`. */
  domain: string;
  /** Repository path inside the registry: `library/nginx`, `acme/app`. */
  path: string;
  tag?: string;
  digest?: string;
  /** The normalised repository, `<domain>/<path>`: what two references must share to name the same image. */
  repository: string;
  /** The repository as users write it: `nginx`, `acme/app`, `ghcr.io/acme/app`. */
  familiarName: string;
  /** The short form users write, with tag and digest: `nginx:1.25`. */
  familiar: string;
  /** Fully qualified, with tag and digest as given (no `:latest` added): `docker.io/library/nginx:1.25`. */
  canonical: string;
  /** The text that was parsed. */
  original: string;
}

/** A reference as written, without Docker Hub defaults (distribution's `Parse`). */
export interface RawReference {
  /** Everything before the tag: `test.com/repo`, `test_com`. */
  name: string;
  /** The first path component when the grammar reads it as a host (may be empty), else ''. */
  domain: string;
  path: string;
  tag?: string;
  digest?: string;
}

export type AnyReference = { kind: 'image'; image: ImageReference } | { kind: 'digest'; digest: string };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPOSITORY_PREFIX = 'library/';
const MAX_PATH_LENGTH = 255;
// The algorithms the OCI image spec registers (and registries and the kubelet pull by); others are
// refused rather than guessed. distribution's own tests link only sha256, so they call sha512 unsupported.
const DIGEST_HEX_LENGTHS: Readonly<Record<string, number>> = { sha256: 64, sha512: 128 };

/** What a digest must look like, for messages. */
export const DIGEST_EXPECTED = 'sha256:<64 lowercase hex digits> or sha512:<128 lowercase hex digits>';

const pathComponent = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const domainNameComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const host = `(?:${domainNameComponent}(?:\\.${domainNameComponent})*|\\[[a-fA-F0-9:]+\\])`;
const domainAndPort = `${host}(?::[0-9]+)?`;
const remoteName = `${pathComponent}(?:/${pathComponent})*`;
const tagPattern = '[\\w][\\w.-]{0,127}';
const digestPattern = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';

const referenceRegexp = new RegExp(
  `^((?:${domainAndPort}/)?${remoteName})(?::(${tagPattern}))?(?:@(${digestPattern}))?$`,
);
const nameRegexp = new RegExp(`^(?:(${domainAndPort})/)?(${remoteName})$`);
const tagRegexp = new RegExp(`^${tagPattern}$`);
const digestRegexp = new RegExp(`^${digestPattern}$`);
const domainRegexp = new RegExp(`^${domainAndPort}$`);
const pathComponentRegexp = new RegExp(`^${pathComponent}$`);
const identifierRegexp = /^[a-f0-9]{64}$/;

// Quotes user text for a message, shortened so that a pasted blob still gives a one-line error.
function quote(text: string): string {
  return JSON.stringify(text.length > 160 ? `${text.slice(0, 150)}...` : text);
}

function referenceError(ref: string, problem: string): UserError {
  return new UserError(`image reference ${quote(ref)}: ${problem}`, {
    field: 'image reference',
    value: ref,
    expected: '[host[:port]/]path[:tag][@algorithm:hex]',
  });
}

/** Non-normalised parse (distribution's `Parse`): `test.com:5000` is the repository `test.com` with tag `5000`. */
export function parseRawReference(ref: string): RawReference {
  const result = parseGrammar(ref);
  if (typeof result === 'string') throw referenceError(ref, result);
  return result;
}

/** Parses and normalises (distribution's `ParseNormalizedNamed`): `nginx:1` is `docker.io/library/nginx:1`. */
export function parseImageReference(ref: string): ImageReference {
  if (ref === '') throw referenceError(ref, 'is empty');
  if (identifierRegexp.test(ref)) {
    throw referenceError(ref, 'a 64-character hex string is an image ID, not a repository name');
  }
  const { domain, remainder } = splitDockerDomain(ref);
  const repositoryPart = remainder.split(':', 1)[0] ?? '';
  if (repositoryPart.toLowerCase() !== repositoryPart) throw referenceError(ref, uppercaseProblem(ref));
  const raw = parseGrammar(`${domain}/${remainder}`);
  if (typeof raw === 'string') {
    // Explain an invalid format on the text the user wrote, not on the one with defaults filled in.
    throw referenceError(ref, raw.startsWith(INVALID_FORMAT) ? `${INVALID_FORMAT}${explainInvalidFormat(ref)}` : raw);
  }
  return buildReference(raw.domain, raw.path, raw.tag, raw.digest, ref);
}

const INVALID_FORMAT = 'invalid reference format: ';

/** The grammar itself: a parsed reference, or what is wrong with the text. */
function parseGrammar(ref: string): RawReference | string {
  if (ref === '') return 'is empty';
  const match = referenceRegexp.exec(ref);
  if (!match) {
    if (referenceRegexp.test(ref.toLowerCase())) return uppercaseProblem(ref);
    return `${INVALID_FORMAT}${explainInvalidFormat(ref)}`;
  }
  const [, name = '', tag, digest] = match;
  const nameMatch = nameRegexp.exec(name);
  const domain = nameMatch?.[1] ?? '';
  const path = nameMatch?.[2] ?? name;
  if (path.length > MAX_PATH_LENGTH) {
    return `repository name too long: ${path.length} characters, the limit is ${MAX_PATH_LENGTH}`;
  }
  const problem = digest === undefined ? undefined : digestProblem(digest);
  if (problem !== undefined) return problem;
  return { name, domain, path, ...(tag !== undefined && { tag }), ...(digest !== undefined && { digest }) };
}

/** distribution's `ParseAnyReference`: a bare 64-hex ID or `sha256:<hex>` is a digest, anything else an image. */
export function parseAnyReference(ref: string): AnyReference {
  if (identifierRegexp.test(ref)) return { kind: 'digest', digest: `sha256:${ref}` };
  if (digestRegexp.test(ref) && isValidDigest(ref)) return { kind: 'digest', digest: ref };
  return { kind: 'image', image: parseImageReference(ref) };
}

/** Two references name the same image when their normalised repositories are equal (tags and digests aside). */
export function sameRepository(a: string | ImageReference, b: string | ImageReference): boolean {
  const left = typeof a === 'string' ? parseImageReference(a) : a;
  const right = typeof b === 'string' ? parseImageReference(b) : b;
  return left.repository === right.repository;
}

/** Joins a repository name (as given, not normalised), tag and digest into `name[:tag][@digest]`, checking each. */
export function formatImageReference(parts: { name: string; tag?: string; digest?: string }): string {
  const text = `${parts.name}${parts.tag ? `:${parts.tag}` : ''}${parts.digest ? `@${parts.digest}` : ''}`;
  if (parts.tag !== undefined && parts.tag !== '' && !isValidTag(parts.tag)) {
    throw referenceError(text, tagProblem(parts.tag));
  }
  parseImageReference(text);
  return text;
}

export function isValidTag(tag: string): boolean {
  return tagRegexp.test(tag);
}

/** A digest this project can pin: grammar-valid, a supported algorithm, the right length, lowercase hex. */
export function isValidDigest(digest: string): boolean {
  return digestRegexp.test(digest) && digestProblem(digest) === undefined;
}

function buildReference(
  domain: string,
  path: string,
  tag: string | undefined,
  digest: string | undefined,
  original: string,
): ImageReference {
  const repository = `${domain}/${path}`;
  const suffix = `${tag !== undefined ? `:${tag}` : ''}${digest !== undefined ? `@${digest}` : ''}`;
  const familiarName = familiarNameOf(domain, path);
  return {
    domain,
    path,
    ...(tag !== undefined && { tag }),
    ...(digest !== undefined && { digest }),
    repository,
    familiarName,
    familiar: `${familiarName}${suffix}`,
    canonical: `${repository}${suffix}`,
    original,
  };
}

function familiarNameOf(domain: string, path: string): string {
  if (domain !== DEFAULT_DOMAIN) return `${domain}/${path}`;
  const withoutLibrary = path.startsWith(OFFICIAL_REPOSITORY_PREFIX)
    ? path.slice(OFFICIAL_REPOSITORY_PREFIX.length)
    : path;
  return withoutLibrary.includes('/') ? path : withoutLibrary;
}

// The first component is a registry only when it cannot be a Docker Hub namespace: `localhost`,
// something with a dot or a port, or uppercase (Docker Hub namespaces are lowercase).
function splitDockerDomain(ref: string): { domain: string; remainder: string } {
  const slash = ref.indexOf('/');
  if (slash === -1) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPOSITORY_PREFIX + ref };
  const first = ref.slice(0, slash);
  const rest = ref.slice(slash + 1);
  let domain = DEFAULT_DOMAIN;
  let remainder = ref;
  if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
    domain = first === LEGACY_DEFAULT_DOMAIN ? DEFAULT_DOMAIN : first;
    remainder = rest;
  }
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPOSITORY_PREFIX + remainder;
  return { domain, remainder };
}

function digestProblem(digest: string): string | undefined {
  const separator = digest.indexOf(':');
  const algorithm = digest.slice(0, separator);
  const hex = digest.slice(separator + 1);
  const expectedLength = DIGEST_HEX_LENGTHS[algorithm];
  if (expectedLength === undefined) {
    return `unsupported digest algorithm ${quote(algorithm)} (supported: ${Object.keys(DIGEST_HEX_LENGTHS).join(', ')})`;
  }
  if (hex.length !== expectedLength) {
    return `invalid digest length: ${algorithm} needs ${expectedLength} hex digits, got ${hex.length}`;
  }
  if (hex !== hex.toLowerCase()) return `invalid digest format: ${algorithm} hex digits must be lowercase`;
  return undefined;
}

function uppercaseProblem(ref: string): string {
  return `repository name ${quote(splitLexically(ref).name)} must be lowercase`;
}

function tagProblem(tag: string): string {
  return `tag ${quote(tag)} is not valid: expected 1 to 128 of [A-Za-z0-9_.-], not starting with "." or "-"`;
}

// Splits at the first "@" and at the last ":" after the last "/", as the grammar would if the text were valid.
function splitLexically(ref: string): { name: string; tag?: string; digest?: string } {
  const at = ref.indexOf('@');
  const beforeDigest = at === -1 ? ref : ref.slice(0, at);
  const colon = beforeDigest.lastIndexOf(':');
  const hasTag =
    colon > beforeDigest.lastIndexOf('/') && !(beforeDigest.startsWith('[') && !beforeDigest.includes('/'));
  return {
    name: hasTag ? beforeDigest.slice(0, colon) : beforeDigest,
    ...(hasTag && { tag: beforeDigest.slice(colon + 1) }),
    ...(at !== -1 && { digest: ref.slice(at + 1) }),
  };
}

// The grammar says only "invalid"; say which part is wrong so the user can fix it.
function explainInvalidFormat(ref: string): string {
  if (/\s/.test(ref)) return 'contains whitespace';
  if (ref.includes('://')) return 'an image reference has no URL scheme';
  const { name, tag, digest } = splitLexically(ref);
  if (digest !== undefined && !digestRegexp.test(digest)) {
    return `digest ${quote(digest)} is not <algorithm>:<at least 32 hex digits>`;
  }
  if (!name.includes('/') && name.startsWith('['))
    return 'a registry host needs a repository path after it (host/path)';
  if (tag !== undefined && !isValidTag(tag)) return tagProblem(tag);
  if (name === '') return 'the repository name is missing';
  const components = name.split('/');
  const first = components[0] ?? '';
  if (components.length > 1 && /[.:[\]]|^localhost$/.test(first) && !domainRegexp.test(first)) {
    return `registry ${quote(first)} is not a valid host[:port]`;
  }
  const pathComponents = components.length > 1 && domainRegexp.test(first) ? components.slice(1) : components;
  const bad = pathComponents.find((component) => !pathComponentRegexp.test(component));
  if (bad === '') return 'the repository path has an empty component';
  if (bad !== undefined) {
    return `path component ${quote(bad)} is not valid: expected lowercase letters and digits separated by ".", "_", "__" or "-"`;
  }
  return 'expected [host[:port]/]path[:tag][@algorithm:hex]';
}
