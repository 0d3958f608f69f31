// What runs where, pure: the matrix of apps x environments (the tags each environment's manifests
// pin, the open promotion pull request, the last deployment), and which environments are behind the
// one they are promoted from.
import type { EnvironmentConfig, PromotionConfig } from '../config/index.js';
import { isEligible } from '../policy/index.js';
import { compareBuilds } from '../promotion/order.js';
import { BRANCH_PREFIX } from '../promotion/resolve.js';
import type { RunningImage } from '../promotion/running.js';

export interface StatusPull {
  number: number;
  url: string;
  /** The tag it proposes, from its record; undefined when the body carries none. */
  tag: string | undefined;
  kind: 'promotion' | 'rollback';
}

export interface StatusDeployment {
  state: string;
  /** When the latest status (or the deployment) was made, ISO 8601. */
  at: string;
  /** The status's log or environment URL, when there is one. */
  url: string | undefined;
}

export interface StatusCell {
  app: string;
  environment: string;
  /** Tags the environment's manifests pin; empty: the environment does not run the app. */
  tags: string[];
  digest?: string;
  pullRequest?: StatusPull;
  deployment?: StatusDeployment;
  /** The environment this one is promoted from runs a newer admissible tag. */
  behind?: { from: string; tag: string };
  /** Why the cell could not be read (a branch missing, a manifest that does not parse). */
  error?: string;
}

export interface BehindEntry {
  app: string;
  environment: string;
  from: string;
  runs: string[];
  available: string;
}

export interface StatusMatrix {
  environments: { name: string; branch: string | undefined; path: string; from: string | undefined }[];
  apps: string[];
  cells: StatusCell[];
  behind: BehindEntry[];
}

/** What was read per (app, environment); deployments are per environment (apply deploys the whole environment). */
export interface StatusReading {
  running: (app: string, environment: string) => { images: RunningImage[] } | { error: string };
  pulls: ReadonlyMap<string, StatusPull>;
  deployments: ReadonlyMap<string, StatusDeployment>;
}

/** The environment a given one is promoted from: its `from`, or, when no environment names one, the one listed before it. */
export function promotedFrom(config: PromotionConfig, environment: EnvironmentConfig): EnvironmentConfig | undefined {
  const declared = config.environments.some((candidate) => candidate.from !== undefined);
  if (declared) return config.environments.find((candidate) => candidate.name === environment.from);
  const index = config.environments.indexOf(environment);
  return index > 0 ? config.environments[index - 1] : undefined;
}

/** The promotion branch of an (environment, app), as bump names it. */
export function promotionBranch(environment: string, app: string): string {
  return `${BRANCH_PREFIX}/${environment}/${app}`;
}

/**
 * Behind: the source environment runs one tag the target does not, the target's policy admits it, and
 * nothing says it is older than what the target runs.
 */
export function isBehind(target: EnvironmentConfig, sourceTags: readonly string[], targetTags: readonly string[]) {
  if (sourceTags.length !== 1) return undefined;
  const tag = sourceTags[0]!;
  if (targetTags.includes(tag) || !isEligible(target.tags, tag)) return undefined;
  const older = targetTags.some((current) => compareBuilds(target.tags, { tag }, { tag: current }) === false);
  return older ? undefined : tag;
}

export function buildStatusMatrix(config: PromotionConfig, reading: StatusReading): StatusMatrix {
  const apps = [...config.apps.keys()];
  const cells: StatusCell[] = [];
  const tagsOf = new Map<string, string[]>();
  for (const app of apps) {
    for (const environment of config.environments) {
      const read = reading.running(app, environment.name);
      const cell: StatusCell = { app, environment: environment.name, tags: [] };
      if ('error' in read) cell.error = read.error;
      else {
        cell.tags = read.images.map((image) => image.tag);
        const digest = read.images.length === 1 ? read.images[0]?.digest : undefined;
        if (digest !== undefined) cell.digest = digest;
      }
      const pull = reading.pulls.get(promotionBranch(environment.name, app));
      if (pull) cell.pullRequest = pull;
      const deployment = reading.deployments.get(environment.name);
      if (deployment) cell.deployment = deployment;
      tagsOf.set(`${app}\n${environment.name}`, cell.tags);
      cells.push(cell);
    }
  }
  const behind: BehindEntry[] = [];
  for (const cell of cells) {
    const environment = config.environments.find((candidate) => candidate.name === cell.environment)!;
    const source = promotedFrom(config, environment);
    if (!source || cell.error !== undefined) continue;
    const tag = isBehind(environment, tagsOf.get(`${cell.app}\n${source.name}`) ?? [], cell.tags);
    if (tag === undefined) continue;
    cell.behind = { from: source.name, tag };
    behind.push({ app: cell.app, environment: cell.environment, from: source.name, runs: cell.tags, available: tag });
  }
  return {
    environments: config.environments.map((environment) => ({
      name: environment.name,
      branch: environment.branch,
      path: environment.path,
      from: promotedFrom(config, environment)?.name,
    })),
    apps,
    cells,
    behind,
  };
}
