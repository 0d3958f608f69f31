// The promotion config of an environment repository (`.github/promotion.yml` by default): the
// environments in promotion order and the apps that walk through them. Each key is declared once
// (KEYS below): its parser, the value it expects (used in errors) and its documentation, from which
// the README's key table is rendered (config/table.ts). Parsing is strict: an unknown key is refused
// (a typo would otherwise be silently ignored) and every error names the file, the key and what was
// expected.
import { DURATION_EXPECTED, parseDuration } from '../duration.js';
import { invalid, UserError } from '../errors.js';
import { parseImageReference } from '../image-ref.js';
import { parseTagPolicy, type TagPolicy } from '../policy/index.js';
import { MAX_CONFIG_NESTING, nestedBeyond, yamlFlowNesting } from '../nesting.js';
import { documentValue, parseYamlStream } from '../yaml/parse.js';

export const DEFAULT_CONFIG_PATH = '.github/promotion.yml';
/** A config is a short hand-written file; anything far larger is a mistake or an attack. */
export const MAX_CONFIG_BYTES = 256 * 1024;
export const MAX_NAME_LENGTH = 63;
const NAME_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const NAME_RULE = `a name of [a-z0-9][a-z0-9-]* (at most ${MAX_NAME_LENGTH} characters)`;
const REVIEWER_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]{1,100})?$/;
const LABEL_PATTERN = /^[^\p{Cc},]{1,50}$/u;
const BRANCH_PATTERN = /^(?!\/|.*\/\/|.*\/$|.*\.\.|.*@\{|.*\.lock$|.*\.$)[A-Za-z0-9._/+-]{1,200}$/;

const REPOSITORY_PATTERN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;
const CONTEXT_PATTERN = /^[^\p{Cc}]{1,255}$/u;

export type MergeMethod = 'merge' | 'squash' | 'rebase';
/** How `promote` carries a release into an environment: its image bumped in the manifests, or an app-repository merge. */
export type PromoteBy = 'image' | 'app-branch';
/** What proves the source environment healthy before its image moves on. */
export type GateKind = 'deployment' | 'commit-status' | 'none';
export const PROMOTE_BY: readonly PromoteBy[] = ['image', 'app-branch'];
export const GATES: readonly GateKind[] = ['deployment', 'commit-status', 'none'];

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
  /** The earlier environment `promote` carries releases from into this one; undefined: fed by dispatches only. */
  from: string | undefined;
  promoteBy: PromoteBy;
  /** The application repository's branch whose builds feed this environment (model 3). */
  appBranch: string | undefined;
  gate: GateKind;
  /** The commit status context that proves `from` healthy (gate commit-status only). */
  gateContext: string | undefined;
  /** Seconds that must pass after the gate's success before promoting. */
  soakSeconds: number;
}

export interface AppConfig {
  name: string;
  /** Image repository without tag or digest: `ghcr.io/acme/podinfo`. */
  image: string;
  /** Folders or files, relative to the environment path, where the app's manifests are; empty: found by name. */
  paths: string[];
  /** Only these containers (and chart images) are bumped; empty: every place referencing the image. */
  containers: string[];
  /** The application repository, `owner/name` (needed by `promote-by: app-branch`). */
  repository: string | undefined;
}

export interface PromotionConfig {
  file: string;
  environments: EnvironmentConfig[];
  apps: Map<string, AppConfig>;
}

/** One key of the config: how it is read, what it expects, and what the README says of it. */
export interface KeyDeclaration<T> {
  /** What a valid value looks like, as errors and the README say it. */
  expected: string;
  required: boolean;
  /** The value when the key is absent, as the README shows it. */
  default?: string;
  description: string;
  /** Reads the value (undefined when absent); `at` is the key's place for error messages. */
  parse(value: unknown, at: string): T;
}

type Declarations = Record<string, KeyDeclaration<unknown>>;
type Parsed<D extends Declarations> = { [K in keyof D]: ReturnType<D[K]['parse']> };

function declare<T>(declaration: KeyDeclaration<T>): KeyDeclaration<T> {
  return declaration;
}

const ENVIRONMENTS_EXPECTED =
  'a list of environments in promotion order, e.g. [{name: dev, path: releases/dev, tags: "glob:dev-*"}]';

const TOP = {
  version: declare({
    expected: '1',
    required: false,
    default: '1',
    description: 'the version of the config format',
    parse: (value, at) => {
      if (value !== undefined && value !== 1) throw invalid(at, value, '1');
      return 1 as const;
    },
  }),
  environments: declare<unknown[]>({
    expected: ENVIRONMENTS_EXPECTED,
    required: true,
    description: 'the environments, in promotion order (dev before stg before prod)',
    parse: (value, at) => {
      if (!Array.isArray(value) || value.length === 0) throw invalid(at, value, ENVIRONMENTS_EXPECTED);
      return value;
    },
  }),
  apps: declare<unknown>({
    expected: 'a mapping of app names to apps, e.g. {podinfo: {image: ghcr.io/acme/podinfo}}',
    required: true,
    description: 'the apps that walk through the environments, by name',
    parse: (value) => value,
  }),
};

const ENVIRONMENT = {
  name: declare({
    expected: NAME_RULE,
    required: true,
    description: "the environment's name, used in dispatches and branch names",
    parse: (value, at) => {
      if (!isName(value)) throw invalid(at, value, NAME_RULE);
      return value;
    },
  }),
  path: declare({
    expected: 'the folder of the manifests, e.g. releases/dev',
    required: true,
    description: "the folder of the environment's manifests, relative to the repository root (`.` is the root)",
    parse: (value, at) => {
      if (typeof value !== 'string') throw invalid(at, value, 'the folder of the manifests, e.g. releases/dev');
      return relativePath(value, at, true);
    },
  }),
  branch: declare<string | undefined>({
    expected: 'a branch name such as main or stg',
    required: false,
    default: "the repository's default branch",
    description: 'the branch the environment lives on, when it has its own',
    parse: (value, at) => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || !BRANCH_PATTERN.test(value)) {
        throw invalid(at, value, 'a branch name such as main or stg');
      }
      return value;
    },
  }),
  tags: declare({
    expected: 'a tag policy such as "glob:dev-*" or "semver:~0.4", or {policy, pattern, extract}',
    required: true,
    description: 'which tags may land in the environment, and their order',
    parse: (value, at) => parsePolicy(value, at),
  }),
  'auto-merge': declare({
    expected: 'true, false, merge, squash or rebase',
    required: false,
    default: 'false',
    description: "GitHub auto-merge for the environment's pull requests, with that merge method (`true` is merge)",
    parse: (value, at) => parseAutoMerge(value, at),
  }),
  reviewers: declare({
    expected: 'GitHub users (alice) or teams (org/team-slug)',
    required: false,
    default: 'none',
    description: 'users and teams asked to review each pull request',
    parse: (value, at) => parseReviewers(value, at),
  }),
  labels: declare({
    expected: 'labels of 1 to 50 characters without commas or control characters',
    required: false,
    default: 'none',
    description: 'labels added to each pull request',
    parse: (value, at) =>
      stringList(
        value,
        at,
        (label) => LABEL_PATTERN.test(label) && label.trim() === label,
        'labels of 1 to 50 characters without commas or control characters',
      ),
  }),
  from: declare<string | undefined>({
    expected: 'the name of an environment listed before this one',
    required: false,
    default: 'none: fed by dispatches only',
    description: '`promote` carries releases healthy in that earlier environment into this one',
    parse: (value, at) => {
      if (value === undefined) return undefined;
      if (!isName(value)) throw invalid(at, value, 'the name of an environment listed before this one');
      return value;
    },
  }),
  'promote-by': declare<PromoteBy>({
    expected: 'image or app-branch',
    required: false,
    default: 'image',
    description:
      "how `promote` carries a release: `image` bumps the image healthy in `from` into this environment's manifests; `app-branch` merges `from`'s app branch into this one's in the app repository",
    parse: (value, at) => oneOf(value, at, PROMOTE_BY, 'image'),
  }),
  'app-branch': declare<string | undefined>({
    expected: 'a branch name such as dev, stg or master',
    required: false,
    default: 'none',
    description: 'the application repository branch whose builds feed this environment (for `promote-by: app-branch`)',
    parse: (value, at) => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || !BRANCH_PATTERN.test(value)) {
        throw invalid(at, value, 'a branch name such as dev, stg or master');
      }
      return value;
    },
  }),
  gate: declare<GateKind>({
    expected: 'deployment, commit-status or none',
    required: false,
    default: 'deployment',
    description:
      'what proves `from` healthy: its latest GitHub Deployment succeeded with the image, a commit status (`gate-context`) on its environment commit, or nothing',
    parse: (value, at) => oneOf(value, at, GATES, 'deployment'),
  }),
  'gate-context': declare<string | undefined>({
    expected: 'a commit status context of 1 to 255 characters',
    required: false,
    default: 'none (required by gate: commit-status)',
    description: 'the commit status context that must be `success` on the environment commit of `from`',
    parse: (value, at) => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || !CONTEXT_PATTERN.test(value) || value.trim() !== value) {
        throw invalid(at, value, 'a commit status context of 1 to 255 characters');
      }
      return value;
    },
  }),
  soak: declare<number>({
    expected: DURATION_EXPECTED,
    required: false,
    default: '0',
    description: "time that must pass after the gate's success in `from` before promoting",
    parse: (value, at) => {
      if (value === undefined) return 0;
      const seconds = parseDuration(value);
      if (seconds === undefined) throw invalid(at, value, DURATION_EXPECTED);
      return seconds;
    },
  }),
};

const APP_IMAGE_EXPECTED = 'an image repository without tag or digest, e.g. ghcr.io/acme/podinfo';

const APP = {
  image: declare({
    expected: APP_IMAGE_EXPECTED,
    required: true,
    description: "the app's image repository, as the manifests name it",
    parse: (value, at) => parseAppImage(value, at),
  }),
  paths: declare({
    expected: 'relative paths',
    required: false,
    default: 'files and folders named after the app',
    description: "folders or files under each environment's path where the app's manifests are",
    parse: (value, at) =>
      stringList(value, at, () => true, 'relative paths').map((path, index) =>
        relativePath(path, `${at}[${index}]`, false),
      ),
  }),
  containers: declare({
    expected: 'container names (lowercase DNS labels)',
    required: false,
    default: 'every place that uses the image',
    description: 'only these containers (and chart images) are bumped',
    parse: (value, at) =>
      stringList(
        value,
        at,
        (container) => /^[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?$/.test(container),
        'container names (lowercase DNS labels)',
      ),
  }),
  repository: declare<string | undefined>({
    expected: 'owner/name of a GitHub repository',
    required: false,
    default: 'none',
    description: "the app's source repository (needed by `promote-by: app-branch`)",
    parse: (value, at) => {
      if (value === undefined) return undefined;
      if (typeof value !== 'string' || !REPOSITORY_PATTERN.test(value) || /\/\.\.?$/.test(value)) {
        throw invalid(at, value, 'owner/name of a GitHub repository');
      }
      return value;
    },
  }),
};

/** The keys of a `tags` mapping (a Flux ImagePolicy's policy with its filterTags pattern and extract). */
const POLICY = {
  policy: declare({
    expected: 'a tag policy such as "semver:~0.4" or "numerical:asc"',
    required: true,
    description: 'the policy that orders the extracted values',
    parse: (value) => value,
  }),
  pattern: declare({
    expected: 'a string',
    required: false,
    default: 'every tag',
    description: 'a Flux filterTags pattern (Go regexp) a tag must match',
    parse: (value) => value,
  }),
  extract: declare({
    expected: 'a string',
    required: false,
    default: 'the whole tag',
    description: 'the template (`$ts`, `${1}`) that extracts the value the policy orders',
    parse: (value) => value,
  }),
};

/** Every key of the config, by where it is written: the README's table is rendered from these. */
export const CONFIG_KEYS = {
  '': TOP,
  'environments[]': ENVIRONMENT,
  'apps.<name>': APP,
  'environments[].tags': POLICY,
} as const;

/** Reads the declared keys of a mapping, in declaration order; each parser refuses what it cannot read. */
function parseDeclared<D extends Declarations>(
  declarations: D,
  entry: Record<string, unknown>,
  place: (key: string) => string,
): Parsed<D> {
  const parsed: Record<string, unknown> = {};
  for (const [key, declaration] of Object.entries(declarations))
    parsed[key] = declaration.parse(entry[key], place(key));
  return parsed as Parsed<D>;
}

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
  const top = mapping(root, file, Object.keys(TOP), at('(top level)'));
  const fields = parseDeclared(TOP, top, at);
  const environments = fields.environments.map((value, index) => parseEnvironment(value, at(`environments[${index}]`)));
  const seen = new Set<string>();
  environments.forEach((environment, index) => {
    if (seen.has(environment.name))
      throw invalid(at(`environments[${index}].name`), environment.name, 'a name used once');
    seen.add(environment.name);
  });
  fields.environments.forEach((value, index) =>
    checkPromotionKeys(environments, index, value as Record<string, unknown>, at(`environments[${index}]`)),
  );

  const appsValue = mapping(top.apps, file, undefined, at('apps'));
  const apps = new Map<string, AppConfig>();
  for (const [name, value] of Object.entries(appsValue)) {
    if (!isName(name)) throw invalid(at('apps'), name, `app keys that are ${NAME_RULE}`);
    apps.set(name, parseApp(name, value, at(`apps.${name}`)));
  }
  if (apps.size === 0)
    throw invalid(at('apps'), appsValue, 'at least one app, e.g. {podinfo: {image: ghcr.io/acme/podinfo}}');
  const byAppBranch = environments.find((environment) => environment.promoteBy === 'app-branch');
  if (byAppBranch) {
    const withoutRepository = [...apps.values()].find((app) => app.repository === undefined);
    if (withoutRepository) {
      throw invalid(
        at(`apps.${withoutRepository.name}.repository`),
        undefined,
        `owner/name of the app's repository (environment ${byAppBranch.name} is promoted by app-branch)`,
      );
    }
  }
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
  const entry = mapping(value, at, Object.keys(ENVIRONMENT), at);
  const fields = parseDeclared(ENVIRONMENT, entry, (key) => `${at}.${key}`);
  const {
    'auto-merge': autoMerge,
    'promote-by': promoteBy,
    'app-branch': appBranch,
    'gate-context': gateContext,
    soak: soakSeconds,
    ...rest
  } = fields;
  return { ...rest, autoMerge, promoteBy, appBranch, gateContext, soakSeconds };
}

/** The promotion keys that depend on each other or on other environments (each key alone is already valid). */
function checkPromotionKeys(
  environments: readonly EnvironmentConfig[],
  index: number,
  entry: Record<string, unknown>,
  at: string,
): void {
  const environment = environments[index]!;
  const { from } = environment;
  if (from === undefined) {
    // These keys only say how a promotion into this environment works; without `from` there is none.
    const stray = ['promote-by', 'gate', 'gate-context', 'soak'].find((key) => entry[key] !== undefined);
    if (stray !== undefined)
      throw invalid(`${at}.${stray}`, entry[stray], `no ${stray} without from (the environment promoted from)`);
  } else {
    const source = environments.findIndex((candidate) => candidate.name === from);
    if (source === -1 || source >= index) {
      const earlier = environments.slice(0, index).map((candidate) => candidate.name);
      throw invalid(
        `${at}.from`,
        from,
        earlier.length === 0
          ? 'no from on the first environment (nothing is listed before it)'
          : `the name of an environment listed before this one: ${earlier.join(', ')}`,
      );
    }
  }
  if (environment.gate === 'commit-status' && environment.gateContext === undefined)
    throw invalid(`${at}.gate-context`, undefined, 'a commit status context (gate is commit-status)');
  if (environment.gate !== 'commit-status' && environment.gateContext !== undefined)
    throw invalid(`${at}.gate-context`, environment.gateContext, `no gate-context unless gate is commit-status`);
  // The soak counts from the gate's success; gate none has no success to count from.
  if (environment.gate === 'none' && environment.soakSeconds > 0)
    throw invalid(`${at}.soak`, entry.soak, 'no soak with gate none (the soak counts from the success the gate sees)');
  if (environment.promoteBy === 'app-branch') {
    if (environment.appBranch === undefined)
      throw invalid(`${at}.app-branch`, undefined, 'the app branch this environment runs (promote-by is app-branch)');
    const source = environments.find((candidate) => candidate.name === from)!;
    if (source.appBranch === undefined) {
      throw invalid(
        `${at}.from`,
        from,
        `an environment with an app-branch to merge from (promote-by is app-branch; ${from} has none)`,
      );
    }
    if (source.appBranch === environment.appBranch)
      throw invalid(`${at}.app-branch`, environment.appBranch, `a branch other than ${from}'s app-branch`);
  }
}

function oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[], absent: T): T {
  if (value === undefined) return absent;
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalid(at, value, allowed.join(', ').replace(/, ([^,]*)$/, ' or $1'));
}

function parseApp(name: string, value: unknown, at: string): AppConfig {
  const entry = mapping(value, at, Object.keys(APP), at);
  return { name, ...parseDeclared(APP, entry, (key) => `${at}.${key}`) };
}

function parseAppImage(value: unknown, at: string): string {
  const expected = APP_IMAGE_EXPECTED;
  if (typeof value !== 'string') throw invalid(at, value, expected);
  let reference;
  try {
    reference = parseImageReference(value);
  } catch {
    throw invalid(at, value, expected);
  }
  if (reference.tag !== undefined || reference.digest !== undefined) throw invalid(at, value, expected);
  return value;
}

function parsePolicy(value: unknown, at: string): TagPolicy {
  const expected = 'a tag policy such as "glob:dev-*" or "semver:~0.4", or {policy, pattern, extract}';
  let spec: unknown = value;
  let filter: { pattern?: string; extract?: string } | undefined;
  if (isPlainObject(value)) {
    const entry = mapping(value, at, Object.keys(POLICY), at);
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
