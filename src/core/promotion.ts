// The promotion decision, pure: given the config, a dispatch payload and what the environment
// runs now (the engine's plan over the candidate files), say what `bump` does: skip, leave
// unchanged, or change these bytes. Also the pull request's text and the machine-readable record
// that travels in the PR body and in the commit message, so later steps (and later bumps) can
// read what a branch carries without trusting anything else.
import { findApp, findEnvironment, type AppConfig, type EnvironmentConfig, type PromotionConfig } from './config.js';
import { invalid, UserError } from './errors.js';
import { parseImageReference, sameRepository } from './image-ref.js';
import { planBump } from './manifest/index.js';
import type { BumpPlan, ManifestChange, ManifestFile } from './manifest/types.js';
import type { DispatchPayload, DispatchSource } from './payload.js';
import { describeTagPolicy, isEligible, isNewer } from './policy/index.js';
import { codeSpan, inertSha, inertText } from './text/untrusted.js';
import { repositoryUrl, sourceRunLink, urlPathSegment } from './text/links.js';

export const BRANCH_PREFIX = 'gitops-promote';
export const RECORD_VERSION = 1;
const RECORD_MARKER = 'gitops-promote:record';
const COMMIT_TRAILER = 'Gitops-Promote-Record:';
const YAML_FILE = /\.ya?ml$/i;
const KUSTOMIZATION_FILE = /^(kustomization\.ya?ml|Kustomization)$/;
/** Reading more blobs than this for one bump means the app's `paths` should be set. */
export const MAX_CANDIDATE_FILES = 500;

/** A dispatch matched against the config: which app, which environment, which branch. */
export interface Promotion {
  app: AppConfig;
  environment: EnvironmentConfig;
  tag: string;
  digest: string | undefined;
  payload: DispatchPayload;
  /** `gitops-promote/<env>/<app>`: one branch, hence one open pull request, per (app, environment). */
  branch: string;
  title: string;
}

export type Decision =
  | { kind: 'skipped'; reason: string; previousTags: string[] }
  | { kind: 'unchanged'; reason: string; previousTags: string[] }
  | { kind: 'change'; previousTags: string[]; changes: ManifestChange[]; files: { path: string; newText: string }[] };

/** What a promotion branch carries, written by this tool into its commits and pull requests. */
export interface PromotionRecord {
  v: typeof RECORD_VERSION;
  app: string;
  environment: string;
  image: string;
  tag: string;
  digest?: string;
  /** Tags the environment ran before (what the changed places held). */
  previousTags: string[];
  changes: { file: string; line: number; path: string; old: string; new: string }[];
  /** The base commit the change was planned on. */
  base: string;
  buildTimestamp?: number;
  dispatchId?: string;
  source?: DispatchSource;
}

/** Matches the payload to the config; an unknown app or environment, or another image, is a user error. */
export function resolvePromotion(config: PromotionConfig, payload: DispatchPayload): Promotion {
  const environment = findEnvironment(config, payload.environment);
  const app = findApp(config, payload.app);
  if (!sameRepository(app.image, payload.image)) {
    throw invalid(
      'client_payload.image',
      payload.image,
      `the image of app ${app.name} in ${config.file}: ${app.image}`,
    );
  }
  return {
    app,
    environment,
    tag: payload.tag,
    digest: payload.digest,
    payload,
    branch: `${BRANCH_PREFIX}/${environment.name}/${app.name}`,
    title: `Promote ${app.name} to ${payload.tag} in ${environment.name}`,
  };
}

/** The reason the environment's policy refuses the tag, or undefined when it admits it. */
export function policyRefusal(promotion: Promotion): string | undefined {
  const { environment, tag } = promotion;
  if (isEligible(environment.tags, tag)) return undefined;
  return `tag ${tag} does not pass the tag policy of ${environment.name} (${describeTagPolicy(environment.tags)})`;
}

export interface CandidateSelection {
  paths: string[];
  /** true when nothing named after the app was found and every YAML file of the environment is read. */
  broad: boolean;
}

/**
 * Which files of the environment to read, from the tree's paths alone, so a bump reads a few
 * blobs however large the repository is. With `paths` in the config: YAML files under them.
 * Otherwise: YAML files with the app's name as a folder or file stem (`releases/dev/podinfo.yaml`,
 * `dev/podinfo/deployment.yaml`), plus the kustomizations on the way down to them, whose
 * `images:` may override the tag. When no file is named after the app, every YAML file of the
 * environment is read (bounded), and the caller warns that `paths` would make it cheaper.
 */
export function selectCandidatePaths(treePaths: readonly string[], promotion: Promotion): CandidateSelection {
  const root = promotion.environment.path;
  const inEnvironment = treePaths
    .filter((path) => YAML_FILE.test(path) || KUSTOMIZATION_FILE.test(basename(path)))
    .filter((path) => root === '' || path.startsWith(`${root}/`))
    .map((path) => ({ path, relative: root === '' ? path : path.slice(root.length + 1) }));
  const { app } = promotion;
  let selected: string[];
  let broad = false;
  if (app.paths.length > 0) {
    selected = inEnvironment
      .filter(({ relative }) => app.paths.some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`)))
      .map(({ path }) => path);
  } else {
    const named = inEnvironment.filter(({ relative }) => namesApp(relative, app.name));
    if (named.length === 0) {
      selected = inEnvironment.map(({ path }) => path);
      broad = true;
    } else {
      const folders = new Set(named.flatMap(({ relative }) => ancestorFolders(relative)));
      const kustomizations = inEnvironment.filter(
        ({ relative }) => KUSTOMIZATION_FILE.test(basename(relative)) && folders.has(dirname(relative)),
      );
      selected = [...new Set([...named, ...kustomizations].map(({ path }) => path))];
    }
  }
  if (selected.length > MAX_CANDIDATE_FILES) {
    throw invalid(
      `apps.${app.name}.paths`,
      `${selected.length} candidate files under ${root || 'the repository root'}`,
      `at most ${MAX_CANDIDATE_FILES}: list the folders of ${app.name}'s manifests in paths`,
    );
  }
  return { paths: selected.sort(), broad };
}

function namesApp(relative: string, app: string): boolean {
  const segments = relative.split('/');
  const file = segments.pop() ?? '';
  const stem = file.replace(YAML_FILE, '');
  return stem === app || segments.includes(app);
}

function ancestorFolders(relative: string): string[] {
  const segments = relative.split('/').slice(0, -1);
  return segments.map((_, index) => segments.slice(0, index + 1).join('/')).concat('');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** The tags the changed places hold now (what the environment runs), in first-seen order. */
export function currentTags(changes: readonly ManifestChange[], image: string): string[] {
  const tags = new Set<string>();
  for (const change of changes) {
    const tag = tagOfValue(change, image);
    if (tag !== undefined) tags.add(tag);
  }
  return [...tags];
}

function tagOfValue(change: ManifestChange, image: string): string | undefined {
  if (change.old === '') return undefined;
  if (/(^|\.)(tag|newTag)$/.test(change.path) || /\$imagepolicy.*:tag/.test(change.note ?? '')) {
    const at = change.old.indexOf('@');
    return at === -1 ? change.old : change.old.slice(0, at);
  }
  try {
    const reference = parseImageReference(change.old);
    return sameRepository(reference, image) ? reference.tag : undefined;
  } catch {
    return undefined;
  }
}

/** The unix timestamp a tag ID carries at its end (`dev-1a2b3c4d-1700000000`), if any. */
export function tagTimestamp(tag: string): number | undefined {
  const match = /(?:^|[-_.])(\d{10})$/.exec(tag);
  return match ? Number(match[1]) : undefined;
}

/** The short commit a tag ID carries (`dev-1a2b3c4d-1700000000` -> `1a2b3c4d`), if any. */
export function tagSha(tag: string): string | undefined {
  const beforeTimestamp = /(?:^|[-_.])([0-9a-f]{7,40})[-_.]\d{10}$/.exec(tag)?.[1];
  if (beforeTimestamp !== undefined) return beforeTimestamp;
  // At the end without a timestamp, all digits is more likely a number (a timestamp, a build) than a sha.
  const atEnd = /(?:^|[-_.])([0-9a-f]{7,40})$/.exec(tag)?.[1];
  return atEnd !== undefined && /[a-f]/.test(atEnd) ? atEnd : undefined;
}

/**
 * The source revisions a promotion can be compared from, without asking GitHub: the commit each
 * running tag ID names (`dev-1a2b3c4d-1700000000`), or, for a release built from a git tag, the git
 * tag of each running release (`refs/tags/v0.4.10` promoting `0.4.10` over `0.4.9`: `v0.4.9`, the
 * tag action's mapping run backwards). Empty when nothing tells.
 */
export function compareBases(record: Pick<PromotionRecord, 'source' | 'previousTags' | 'tag'>): string[] {
  const source = record.source;
  if (!source) return [];
  const shas = [...new Set(record.previousTags.map(tagSha).filter((sha): sha is string => sha !== undefined))];
  const fromShas = shas.filter((sha) => !source.sha.startsWith(sha));
  if (shas.length > 0) return fromShas;
  const gitTag = source.ref.startsWith('refs/tags/') ? source.ref.slice('refs/tags/'.length) : undefined;
  // The tag action turns `v1.2.3+build` into `1.2.3_build`: the git tag is a prefix, then the tag with `+` back.
  const released = record.tag.replace('_', '+');
  if (gitTag === undefined || !gitTag.endsWith(released)) return [];
  const prefix = gitTag.slice(0, gitTag.length - released.length);
  return [...new Set(record.previousTags)]
    .filter((old) => old !== record.tag && /^\d+\.\d+\.\d+/.test(old))
    .map((old) => `${prefix}${old.replace('_', '+')}`);
}

/**
 * Is the dispatched tag newer than `current`? The policy's order when it has one; for glob and
 * regexp, the build timestamps (the payload's against the current tag's or the record's).
 * undefined: nothing tells, and the dispatch is taken as the newer (it was built last).
 */
export function isNewerThan(promotion: Promotion, current: string, currentTimestamp?: number): boolean | undefined {
  const ordered = isNewer(promotion.environment.tags, promotion.tag, current);
  if (ordered !== undefined) return ordered;
  const before = currentTimestamp ?? tagTimestamp(current);
  if (before === undefined) return undefined;
  return promotion.payload.buildTimestamp > before;
}

export interface PromotionPlan {
  plan: BumpPlan;
  /** Tags the environment's references to the image hold now (what it runs). */
  running: string[];
}

/**
 * Plans the edit over the candidate files with the engine, for the configured containers (or every
 * place), and reads what the environment runs now from the replaced values. No reference at all is
 * an error: the config points at manifests that do not use the image.
 */
export function planPromotion(promotion: Promotion, files: readonly ManifestFile[]): PromotionPlan {
  const containers = promotion.app.containers;
  const image = promotion.app.image;
  // One plan for all the configured containers at once: a value they share through a YAML anchor
  // is then one the bump changes for each of them (a plan per container would refuse to change it,
  // since it would change the other containers too).
  const plan = planBump(files, {
    image,
    tag: promotion.tag,
    ...(promotion.digest && { digest: promotion.digest }),
    ...(containers.length > 0 && { containers }),
  });
  const running = new Set<string>();
  // Places already at the tag are not in the changes: they run the dispatched tag.
  if (plan.references > plan.changes.length) running.add(promotion.tag);
  for (const tag of currentTags(plan.changes, image)) running.add(tag);
  if (plan.references === 0) {
    const where = files.length === 0 ? 'no YAML file was found' : `read ${files.map((file) => file.path).join(', ')}`;
    const scope = containers.length === 0 ? '' : ` (containers ${containers.join(', ')})`;
    throw new UserError(
      `no manifest of ${promotion.environment.name} references ${image}${scope} (${where}); check apps.${promotion.app.name}.paths and environments path`,
    );
  }
  return { plan, running: [...running] };
}

/** Decides against what the environment runs, given the plan over the candidate files. */
export function decideAgainstEnvironment(promotion: Promotion, { plan, running }: PromotionPlan): Decision {
  const refusal = policyRefusal(promotion);
  const previousTags = running.filter((tag) => tag !== promotion.tag);
  if (refusal !== undefined) return { kind: 'skipped', reason: refusal, previousTags };
  const target = `${promotion.app.image}:${promotion.tag}${promotion.digest ? `@${promotion.digest}` : ''}`;
  if (plan.changes.length === 0) {
    return { kind: 'unchanged', reason: `${promotion.environment.name} already runs ${target}`, previousTags };
  }
  const newer = previousTags.filter((tag) => isNewerThan(promotion, tag) === false);
  if (newer.length > 0) {
    return {
      kind: 'skipped',
      reason: `${promotion.environment.name} runs ${newer.join(', ')}, which is not older than ${promotion.tag} (${describeOrder(promotion)})`,
      previousTags,
    };
  }
  return { kind: 'change', previousTags, changes: plan.changes, files: plan.files };
}

/** Decides against what an open promotion branch already carries (its record). */
export function decideAgainstPending(
  promotion: Promotion,
  pending: PromotionRecord,
): 'same' | 'pending-is-newer' | 'replace' {
  if (pending.tag === promotion.tag && (pending.digest ?? undefined) === promotion.digest) return 'same';
  if (pending.tag === promotion.tag) {
    return (pending.buildTimestamp ?? 0) >= promotion.payload.buildTimestamp ? 'pending-is-newer' : 'replace';
  }
  const newer = isNewerThan(promotion, pending.tag, pending.buildTimestamp);
  return newer === false ? 'pending-is-newer' : 'replace';
}

function describeOrder(promotion: Promotion): string {
  const policy = promotion.environment.tags;
  return policy.kind === 'glob' || policy.kind === 'regexp'
    ? `by build time under ${describeTagPolicy(policy)}`
    : `in the order of ${describeTagPolicy(policy)}`;
}

export function buildRecord(
  promotion: Promotion,
  decision: Extract<Decision, { kind: 'change' }>,
  base: string,
): PromotionRecord {
  const { payload } = promotion;
  return {
    v: RECORD_VERSION,
    app: promotion.app.name,
    environment: promotion.environment.name,
    image: promotion.app.image,
    tag: promotion.tag,
    ...(promotion.digest !== undefined && { digest: promotion.digest }),
    previousTags: decision.previousTags,
    changes: decision.changes.map(({ file, line, path, old, new: value }) => ({ file, line, path, old, new: value })),
    base,
    buildTimestamp: payload.buildTimestamp,
    dispatchId: payload.dispatchId,
    source: payload.source,
  };
}

// `<`, `>` and `&` escaped so that no value can close the HTML comment or the markdown around it.
function recordJson(record: PromotionRecord): string {
  return JSON.stringify(record).replace(/[<>&]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function renderCommitMessage(title: string, record: PromotionRecord): string {
  return `${title}\n\n${record.changes.map((change) => oneLine(`${change.file}: ${change.path} ${change.old} -> ${change.new}`)).join('\n')}\n\n${COMMIT_TRAILER} ${recordJson(record)}\n`;
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

export function parseCommitRecord(message: string): PromotionRecord | undefined {
  const line = message
    .split('\n')
    .filter((candidate) => candidate.startsWith(COMMIT_TRAILER))
    .at(-1);
  return line === undefined ? undefined : parseRecordJson(line.slice(COMMIT_TRAILER.length));
}

/** The record in a PR body, with the commit it described (so a reader can tell a stale body). */
export function parseBodyRecord(
  body: string | null | undefined,
): { record: PromotionRecord; commit: string } | undefined {
  // The last block is ours: the body ends with it, and a value quoted earlier cannot pose as it.
  const match = [...(body ?? '').matchAll(new RegExp(`<!-- ${RECORD_MARKER} (\\S+) (\\{.*\\}) -->`, 'g'))].at(-1);
  if (!match) return undefined;
  const record = parseRecordJson(match[2] ?? '');
  return record ? { record, commit: match[1] ?? '' } : undefined;
}

function parseRecordJson(text: string): PromotionRecord | undefined {
  try {
    const value = JSON.parse(text) as Partial<PromotionRecord> | null;
    if (!value || value.v !== RECORD_VERSION || typeof value.tag !== 'string' || typeof value.app !== 'string')
      return undefined;
    if (typeof value.environment !== 'string' || !Array.isArray(value.changes)) return undefined;
    return value as PromotionRecord;
  } catch {
    return undefined;
  }
}

export interface BodyLinks {
  /** `https://github.com` or the GitHub Enterprise host the source repository lives on. */
  serverUrl: string;
}

/** The table shown in the PR and the job summary. */
export function renderChangeTable(changes: PromotionRecord['changes']): string {
  const rows = changes.map(
    (change) =>
      `| ${code(change.file)} (line ${change.line}) | ${code(change.path)} | ${code(change.old)} | ${code(change.new)} |`,
  );
  return ['| File | Path | Old | New |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

export function renderPullRequestBody(record: PromotionRecord, commit: string, links: BodyLinks): string {
  const previous = record.previousTags.length > 0 ? ` (it runs ${record.previousTags.map(code).join(', ')} now)` : '';
  const lines = [
    `Promotes **${inertText(record.app)}** to ${code(record.tag)} in **${inertText(record.environment)}**${previous}.`,
    '',
    renderChangeTable(record.changes),
    '',
  ];
  const source = record.source;
  if (source) {
    // Every link is built from validated parts; the build run is linked only when it is a run of the source repository.
    const repository = repositoryUrl(links.serverUrl, source.repository);
    const runLink = sourceRunLink(source, links.serverUrl);
    const run = runLink === undefined ? `build run ${code(source.runUrl)}` : `[build run](${runLink})`;
    const sha = urlPathSegment(source.sha);
    lines.push(
      `- Source: [${inertText(source.repository)}@${inertSha(source.sha.slice(0, 12))}](${repository}/commit/${sha}) (${code(source.ref)}), ${run}`,
    );
    for (const from of compareBases(record)) {
      lines.push(`- Changes since ${code(from)}: [compare](${repository}/compare/${urlPathSegment(from)}...${sha})`);
    }
  }
  if (record.dispatchId) lines.push(`- Dispatch: ${code(record.dispatchId)}`);
  lines.push(
    `- Base: ${code(record.base.slice(0, 12))}`,
    '',
    `<!-- ${RECORD_MARKER} ${commit} ${recordJson(record)} -->`,
    '',
  );
  return lines.join('\n');
}

// A code span that no value can break out of: pipes would split the table, newlines the row.
function code(value: string): string {
  return codeSpan(value, { inTable: true });
}
