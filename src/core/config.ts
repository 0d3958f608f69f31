// The promotion config of an environment repository (`.github/promotion.yml` by default): the
// environments in promotion order and the apps that walk through them. Parsing is strict: an
// unknown key is refused (a typo would otherwise be silently ignored) and every error names the
// file, the key and what was expected.
import { invalid, UserError } from './errors.js';
import { parseImageReference } from './image-ref.js';
import { describeTagPolicy, parseTagPolicy, type TagPolicy } from './policy/index.js';
import { MAX_CONFIG_NESTING, nestedBeyond, yamlFlowNesting } from './nesting.js';
import { documentValue, parseYamlStream } from './yaml/parse.js';

export const DEFAULT_CONFIG_PATH = '.github/promotion.yml';
/** A config is a short hand-written file; anything far larger is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 256 * 1024;
export const MAX_NAME_LENGTH = 63;
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const NAME_RULE = `a name of [a-z0-9][a-z0-9-]* (at most ${MAX_NAME_LENGTH} characters)`;
const REVIEWER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/;
const LABEL_PATTERN = /^[^\p{Cc},]{1,50}$/u;
const BRANCH_PATTERN = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{|.*\.lock$|.*\.$)[A-Za-z0-9._/+-]{1,200}$/;

export type MergeMethod = 'merge' | 'squash' | 'rebase';

export interface EnvironmentConfig {
  name: string;
  /** Folder of the environment's manifests, relative to the repository root ('' is the root). */
  path: string;
  /** Branch the environment lives on; undefined: the repository's default branch. */
  branch: string | undefined;
  /** Which tags may land in this environment, and their order. */
  tags: TagPolicy;
  /** Merge method for GitHub auto-merge, or false to leave merging to people. */
  autoMerge: MergeMethod | false;
  /** GitHub users (`alice`) and teams (`org/team`) asked to review. */
  reviewers: { users: string[]; teams: string[] };
  labels: string[];
}

export interface AppConfig {
  name: string;
  /** Image repository without tag or digest: `ghcr.io/acme/podinfo`. */
  image: string;
  /** Folders or files, relative to the environment path, where the app's manifests are; empty: found by name. */
  paths: string[];
  /** Only these containers (and chart images) are bumped; empty: every place referencing the image. */
  containers: string[];
}

export interface PromotionConfig {
  file: string;
  environments: EnvironmentConfig[];
  apps: Map<string, AppConfig>;
}

const TOP_KEYS = ['version', 'environments', 'apps'];
const ENVIRONMENT_KEYS = ['name', 'path', 'branch', 'tags', 'auto-merge', 'reviewers', 'labels'];
const APP_KEYS = ['image', 'paths', 'containers'];
const POLICY_KEYS = ['policy', 'pattern', 'extract'];

/** Parses and validates the config text; throws UserError naming `file` and the key. */
export function parsePromotionConfig(text: string, file = DEFAULT_CONFIG_PATH): PromotionConfig {
  const size = new TextEncoder().encode(text).length;
  if (size > MAX_CONFIG_BYTES) throw invalid(file, `${size} bytes`, `at most ${MAX_CONFIG_BYTES} bytes`);
  // The YAML parser and the checks below recurse: nesting no config needs is refused before either runs.
  const flow = yamlFlowNesting(text);
  if (flow.depth > MAX_CONFIG_NESTING) {
    throw invalid(
      `${file}:${flow.line}`,
      `${flow.depth} nested [ or {`,
      `at most ${MAX_CONFIG_NESTING} levels of nesting`,
    );
  }
  const documents = parseYamlStream(file, text);
  if (documents.length !== 1) throw invalid(file, `${documents.length} YAML documents`, 'exactly one document');
  const root = documentValue(file, documents[0]!);
  const deep = nestedBeyond(root, MAX_CONFIG_NESTING);
  if (deep !== undefined) {
    throw invalid(
      `${file}: ${deep.slice(1, 80)}`,
      '(deeper nesting)',
      `at most ${MAX_CONFIG_NESTING} levels of nesting`,
    );
  }
  const at = (key: string) => `${file}: ${key}`;
  const top = mapping(root, file, TOP_KEYS, at('(top level)'));
  if (top.version !== undefined && top.version !== 1) throw invalid(at('version'), top.version, '1');

  if (!Array.isArray(top.environments) || top.environments.length === 0) {
    throw invalid(
      at('environments'),
      top.environments,
      'a list of environments in promotion order, e.g. [{name: dev, path: releases/dev, tags: "glob:dev-*"}]',
    );
  }
  const environments = top.environments.map((value, index) => parseEnvironment(value, at(`environments[${index}]`)));
  const seen = new Set<string>();
  environments.forEach((environment, index) => {
    if (seen.has(environment.name))
      throw invalid(at(`environments[${index}].name`), environment.name, 'a name used once');
    seen.add(environment.name);
  });

  const appsValue = mapping(top.apps, file, undefined, at('apps'));
  const apps = new Map<string, AppConfig>();
  for (const [name, value] of Object.entries(appsValue)) {
    if (!isName(name)) throw invalid(at('apps'), name, `app keys that are ${NAME_RULE}`);
    apps.set(name, parseApp(name, value, at(`apps.${name}`)));
  }
  if (apps.size === 0)
    throw invalid(at('apps'), appsValue, 'at least one app, e.g. {podinfo: {image: ghcr.io/acme/podinfo}}');
  return { file, environments, apps };
}

export function findEnvironment(config: PromotionConfig, name: string | undefined): EnvironmentConfig {
  if (name === undefined) return config.environments[0]!;
  const environment = config.environments.find((candidate) => candidate.name === name);
  if (!environment) {
    const known = config.environments.map((candidate) => candidate.name).join(', ');
    throw invalid('environment', name, `one of the environments in ${config.file}: ${known}`);
  }
  return environment;
}

export function findApp(config: PromotionConfig, name: string): AppConfig {
  const app = config.apps.get(name);
  if (!app) throw invalid('app', name, `one of the apps in ${config.file}: ${[...config.apps.keys()].join(', ')}`);
  return app;
}

/** The environment after `name` in promotion order, if any. */
export function nextEnvironment(config: PromotionConfig, name: string): EnvironmentConfig | undefined {
  const index = config.environments.findIndex((candidate) => candidate.name === name);
  return index === -1 ? undefined : config.environments[index + 1];
}

function parseEnvironment(value: unknown, at: string): EnvironmentConfig {
  const entry = mapping(value, at, ENVIRONMENT_KEYS, at);
  if (!isName(entry.name)) throw invalid(`${at}.name`, entry.name, NAME_RULE);
  if (typeof entry.path !== 'string')
    throw invalid(`${at}.path`, entry.path, 'the folder of the manifests, e.g. releases/dev');
  const path = relativePath(entry.path, `${at}.path`, true);
  let branch: string | undefined;
  if (entry.branch !== undefined) {
    if (typeof entry.branch !== 'string' || !BRANCH_PATTERN.test(entry.branch)) {
      throw invalid(`${at}.branch`, entry.branch, 'a branch name such as main or stg');
    }
    branch = entry.branch;
  }
  return {
    name: entry.name,
    path,
    branch,
    tags: parsePolicy(entry.tags, `${at}.tags`),
    autoMerge: parseAutoMerge(entry['auto-merge'], `${at}.auto-merge`),
    reviewers: parseReviewers(entry.reviewers, `${at}.reviewers`),
    labels: stringList(
      entry.labels,
      `${at}.labels`,
      (label) => LABEL_PATTERN.test(label) && label.trim() === label,
      'labels of 1 to 50 characters without commas or control characters',
    ),
  };
}

function parseApp(name: string, value: unknown, at: string): AppConfig {
  const entry = mapping(value, at, APP_KEYS, at);
  const expectedImage = 'an image repository without tag or digest, e.g. ghcr.io/acme/podinfo';
  if (typeof entry.image !== 'string') throw invalid(`${at}.image`, entry.image, expectedImage);
  let reference;
  try {
    reference = parseImageReference(entry.image);
  } catch {
    throw invalid(`${at}.image`, entry.image, expectedImage);
  }
  if (reference.tag !== undefined || reference.digest !== undefined)
    throw invalid(`${at}.image`, entry.image, expectedImage);
  const paths = stringList(entry.paths, `${at}.paths`, () => true, 'relative paths').map((path, index) =>
    relativePath(path, `${at}.paths[${index}]`, false),
  );
  const containers = stringList(
    entry.containers,
    `${at}.containers`,
    (container) => /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(container),
    'container names (lowercase DNS labels)',
  );
  return { name, image: entry.image, paths, containers };
}

function parsePolicy(value: unknown, at: string): TagPolicy {
  const expected = 'a tag policy such as "glob:dev-*" or "semver:~0.4", or {policy, pattern, extract}';
  let spec: unknown = value;
  let filter: { pattern?: string; extract?: string } | undefined;
  if (isPlainObject(value)) {
    const entry = mapping(value, at, POLICY_KEYS, at);
    spec = entry.policy;
    for (const key of ['pattern', 'extract'] as const) {
      if (entry[key] !== undefined && typeof entry[key] !== 'string')
        throw invalid(`${at}.${key}`, entry[key], 'a string');
    }
    filter = { pattern: entry.pattern as string | undefined, extract: entry.extract as string | undefined };
  }
  if (typeof spec !== 'string' || spec === '') throw invalid(at, value, expected);
  try {
    return parseTagPolicy(spec, filter, at);
  } catch (error) {
    if (error instanceof UserError && !error.message.startsWith(at))
      throw new UserError(`${at}: ${error.message}`, error);
    throw error;
  }
}

function parseAutoMerge(value: unknown, at: string): MergeMethod | false {
  if (value === undefined || value === false) return false;
  if (value === true) return 'merge';
  if (value === 'merge' || value === 'squash' || value === 'rebase') return value;
  throw invalid(at, value, 'true, false, merge, squash or rebase');
}

function parseReviewers(value: unknown, at: string): { users: string[]; teams: string[] } {
  const reviewers = stringList(
    value,
    at,
    (reviewer) => REVIEWER_PATTERN.test(reviewer),
    'GitHub users (alice) or teams (org/team-slug)',
  );
  return {
    users: reviewers.filter((reviewer) => !reviewer.includes('/')),
    teams: reviewers.filter((reviewer) => reviewer.includes('/')).map((team) => team.slice(team.indexOf('/') + 1)),
  };
}

/** A path inside the repository, normalised (no `./`, no trailing `/`); `..`, absolute paths and odd bytes are refused. */
function relativePath(value: string, at: string, allowRoot: boolean): string {
  const expected =
    'a relative path inside the repository (no "..", no leading "/", no backslashes or control characters)';
  // eslint-disable-next-line no-control-regex
  if (value.startsWith('/') || value.includes('\\') || /[\u0000-\u001f\u007f]/.test(value) || value.length > 1024) {
    throw invalid(at, value, expected);
  }
  const segments = value.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.some((segment) => segment === '..')) throw invalid(at, value, expected);
  if (segments.length === 0 && !allowRoot) throw invalid(at, value, `${expected}, not the environment folder itself`);
  return segments.join('/');
}

function stringList(value: unknown, at: string, valid: (item: string) => boolean, expected: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(at, value, `a list of ${expected}`);
  return value.map((item, index) => {
    if (typeof item !== 'string' || !valid(item)) throw invalid(`${at}[${index}]`, item, expected);
    return item;
  });
}

function mapping(
  value: unknown,
  file: string,
  keys: readonly string[] | undefined,
  at: string,
): Record<string, unknown> {
  if (!isPlainObject(value))
    throw invalid(at, value, keys ? `a mapping with the keys ${keys.join(', ')}` : 'a mapping');
  if (keys) {
    const unknownKey = Object.keys(value).find((key) => !keys.includes(key));
    if (unknownKey !== undefined)
      throw invalid(at, unknownKey, `only the keys ${keys.join(', ')} (unknown key in ${file})`);
  }
  return value;
}

function isName(value: unknown): value is string {
  return typeof value === 'string' && value.length <= MAX_NAME_LENGTH && NAME_PATTERN.test(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Map);
}

export function describeEnvironmentPolicy(environment: EnvironmentConfig): string {
  return describeTagPolicy(environment.tags);
}
