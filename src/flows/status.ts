// status: what runs where. Reads, per environment, the manifests on its branch and path (the engine's
// own reader), the open promotion pull requests and the last deployment, and hands them to core's
// matrix; over the API for the action and `status --repository`, over a work tree for `status --dir`
// (only what the files say). Optionally keeps the matrix in one pinned issue.
import { DEFAULT_CONFIG_PATH, parsePromotionConfig, type PromotionConfig } from '../core/config/index.js';
import { UserError } from '../core/errors.js';
import {
  parseBodyRecord,
  readRunningImages,
  selectCandidatePaths,
  type RunningImage,
} from '../core/promotion/index.js';
import { buildStatusMatrix, type StatusDeployment, type StatusMatrix, type StatusPull } from '../core/status/matrix.js';
import { renderStatusIssueBody, STATUS_ISSUE_MARKER, STATUS_ISSUE_TITLE } from '../core/status/render.js';
import { BRANCH_PREFIX } from '../core/promotion/resolve.js';
import { GitCommitSnapshot, resolveCommit } from '../fs/git-history.js';
import { FolderSnapshot } from '../fs/snapshot.js';
import type { GitHubClient } from '../github/client.js';
import { latestDeployment } from '../github/deployments.js';
import { keepIssue, type KeptIssue } from '../github/issues.js';
import {
  defaultBranch as readDefaultBranch,
  findBranchHead,
  GitHubSnapshot,
  readFileAt,
  type RepositoryName,
} from '../github/repository.js';
import type { RepositorySnapshot } from './snapshot.js';

type Running = { images: RunningImage[] } | { error: string };

/** What every app runs in every environment, each environment read at `snapshotOf(environment)`. */
async function readRunning(
  config: PromotionConfig,
  snapshotOf: (environment: PromotionConfig['environments'][number]) => Promise<RepositorySnapshot | string>,
  warnings: string[],
): Promise<Map<string, Running>> {
  const running = new Map<string, Running>();
  for (const environment of config.environments) {
    const snapshot = await snapshotOf(environment);
    const paths = typeof snapshot === 'string' ? [] : await snapshot.paths();
    for (const app of config.apps.values()) {
      const key = `${app.name}\n${environment.name}`;
      if (typeof snapshot === 'string') {
        running.set(key, { error: snapshot });
        continue;
      }
      try {
        const selected = selectCandidatePaths(paths, { app, environment });
        const files = await snapshot.read(selected.paths, (message) => warnings.push(message));
        const read = readRunningImages(app, files);
        running.set(key, { images: read.images });
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
        running.set(key, { error: error.message });
      }
    }
  }
  return running;
}

function matrixOf(
  config: PromotionConfig,
  running: Map<string, Running>,
  pulls: ReadonlyMap<string, StatusPull> = new Map(),
  deployments: ReadonlyMap<string, StatusDeployment> = new Map(),
): StatusMatrix {
  return buildStatusMatrix(config, {
    running: (app, environment) => running.get(`${app}\n${environment}`) ?? { images: [] },
    pulls,
    deployments,
  });
}

export interface StatusResult {
  matrix: StatusMatrix;
  warnings: string[];
  issue?: KeptIssue;
}

/** `status --dir`: the work tree's files (an environment on another branch is read from that branch's commit). */
export async function readLocalStatus(dir: string, configPath: string, configText: string): Promise<StatusResult> {
  const config = parsePromotionConfig(configText, configPath);
  const warnings: string[] = [];
  const running = await readRunning(
    config,
    async (environment) => {
      if (environment.branch === undefined) return new FolderSnapshot(dir);
      const commit =
        (await resolveCommit(dir, `refs/heads/${environment.branch}`)) ??
        (await resolveCommit(dir, `refs/remotes/origin/${environment.branch}`));
      return commit === undefined
        ? `branch ${environment.branch} is not in the work tree's repository`
        : new GitCommitSnapshot(dir, commit);
    },
    warnings,
  );
  return { matrix: matrixOf(config, running), warnings };
}

export interface StatusOptions {
  client: GitHubClient;
  repository: RepositoryName;
  configPath?: string;
  defaultBranch?: string;
  /** Keep the matrix in one issue found by its marker (created once, then edited), pinned when created. */
  pinnedIssue?: boolean;
  /** The run's URL, linked from the issue. */
  runUrl?: string;
  now?: () => Date;
}

/** The action and `status --repository`: the branches, pull requests and deployments through the API. */
export async function readRepositoryStatus(options: StatusOptions): Promise<StatusResult> {
  const { client, repository } = options;
  const configPath = options.configPath ?? DEFAULT_CONFIG_PATH;
  const fullName = `${repository.owner}/${repository.repo}`;
  const configBranch = options.defaultBranch ?? (await readDefaultBranch(client, repository));
  const configCommit = await findBranchHead(client, repository, configBranch);
  const configText = configCommit && (await readFileAt(client, repository, configPath, configCommit));
  if (!configCommit || configText === undefined) {
    throw new UserError(
      `${configPath}: not found on ${configBranch} of ${fullName}; status needs the promotion config`,
    );
  }
  const config = parsePromotionConfig(configText, configPath);
  const warnings: string[] = [];
  const snapshots = new Map<string, Promise<GitHubSnapshot | string>>();
  const snapshotAt = (branch: string) => {
    let snapshot = snapshots.get(branch);
    if (!snapshot) {
      snapshot = (async () => {
        const head = branch === configBranch ? configCommit : await findBranchHead(client, repository, branch);
        return head === undefined
          ? `branch ${branch} does not exist in ${fullName}`
          : GitHubSnapshot.at(client, repository, head);
      })();
      snapshots.set(branch, snapshot);
    }
    return snapshot;
  };
  const running = await readRunning(config, (environment) => snapshotAt(environment.branch ?? configBranch), warnings);
  const matrix = matrixOf(
    config,
    running,
    await openPromotionPulls(client, repository),
    await lastDeployments(client, repository, config),
  );
  const result: StatusResult = { matrix, warnings };
  if (options.pinnedIssue) {
    const updatedAt = (options.now ?? (() => new Date()))().toISOString();
    result.issue = await keepIssue(client, repository, {
      title: STATUS_ISSUE_TITLE,
      body: renderStatusIssueBody(matrix, updatedAt, options.runUrl),
      marker: STATUS_ISSUE_MARKER,
      pin: true,
    });
    if (result.issue.pinWarning) warnings.push(result.issue.pinWarning);
  }
  return result;
}

/** The open pull requests of promotion branches, by branch. */
async function openPromotionPulls(client: GitHubClient, repository: RepositoryName): Promise<Map<string, StatusPull>> {
  const pulls = await client.paginate(client.rest.pulls.list, { ...repository, state: 'open', per_page: 100 });
  const byBranch = new Map<string, StatusPull>();
  for (const pull of pulls) {
    if (!pull.head.ref.startsWith(`${BRANCH_PREFIX}/`)) continue;
    const record = parseBodyRecord(pull.body)?.record;
    byBranch.set(pull.head.ref, {
      number: pull.number,
      url: pull.html_url,
      tag: record?.tag,
      kind: record?.intent === 'rollback' ? 'rollback' : 'promotion',
    });
  }
  return byBranch;
}

/** The latest deployment of each environment, with its latest status (apply deploys a whole environment). */
async function lastDeployments(
  client: GitHubClient,
  repository: RepositoryName,
  config: PromotionConfig,
): Promise<Map<string, StatusDeployment>> {
  const deployments = new Map<string, StatusDeployment>();
  for (const environment of config.environments) {
    const latest = await latestDeployment(client, repository, environment.name);
    if (!latest) continue;
    deployments.set(environment.name, {
      state: latest.status?.state ?? 'pending',
      at: latest.status?.at ?? latest.createdAt,
      url: latest.status?.url,
    });
  }
  return deployments;
}
