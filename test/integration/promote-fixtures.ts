// Shared by the promote tests: environment repositories for model 1 (folders on one branch) and
// model 2 (one branch per environment, path .), and the steps of the story around a promotion: a
// dispatch bumps dev and is merged, apply records a GitHub Deployment, a check sets a commit status.
import { requestFromPayload } from '../../src/core/payload/index.js';
import { parseBodyRecord, type PromotionRecord } from '../../src/core/promotion/index.js';
import { bumpEnvironment } from '../../src/flows/bump.js';
import { promoteEnvironments, type PromoteOptions, type PromoteResult } from '../../src/flows/promote.js';
import { createDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import { setCommitStatus } from '../../src/github/statuses.js';
import type { LocalGitHub } from '../../tools/local-github/index.js';
import { devTag, fastClient, OWNER, payload } from './bump-fixtures.js';

export { devTag, OWNER };

export const CONFIG = `environments:
  - name: dev
    path: releases/dev
    tags: glob:dev-*
  - name: stg
    path: releases/stg
    tags: glob:dev-*          # stg runs the very dev build that was healthy in dev
    from: dev
    gate: deployment
  - name: qa
    path: releases/qa
    tags: glob:dev-*
    from: dev
    gate: commit-status
    gate-context: smoke/dev
    soak: 1h
  - name: prod
    path: releases/prod
    tags: semver:~0.4         # only release builds reach production
    from: stg
    reviewers: [alice]
apps:
  web:
    image: ghcr.io/acme/web
`;

/** A Deployment of web with what differs per environment around the image (replicas, a host). */
export function webManifest(tag: string, environment: string, replicas: number): string {
  return `# web in ${environment}: keep this comment
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: ${replicas}
  template:
    spec:
      containers:
        - name: web
          image: "ghcr.io/acme/web:${tag}"   # quoted, with a comment
          env:
            - name: HOST
              value: web.${environment}.example.com
`;
}

export const START = devTag(1_764_000_000, '1111aaaa');

/** Model 1: every environment a folder on main. */
export function modelOneFiles(config = CONFIG): Record<string, string> {
  return {
    '.github/promotion.yml': config,
    'releases/dev/web.yaml': webManifest(START, 'dev', 1),
    'releases/stg/web.yaml': webManifest(START, 'stg', 2),
    'releases/qa/web.yaml': webManifest(START, 'qa', 1),
    'releases/prod/web.yaml': webManifest('0.4.1', 'prod', 5),
  };
}

let repositories = 0;
export async function newRepository(github: LocalGitHub, files: Record<string, string>, prefix = 'promote') {
  repositories += 1;
  const name = `${prefix}-${repositories}`;
  await github.createRepository(OWNER, name, files, { collaborators: ['alice'] });
  return name;
}

/** A dispatch bumps dev to `tag` and its pull request is merged (squash), as dev's auto-merge would. */
export async function bumpAndMergeDev(github: LocalGitHub, repo: string, tag: string, timestamp: number) {
  const client = fastClient(github);
  const sent = payload({ app: 'web', tag, buildTimestamp: timestamp });
  const bumped = await bumpEnvironment({
    client,
    repository: { owner: OWNER, repo },
    request: requestFromPayload(sent),
    defaultBranch: 'main',
  });
  if (!bumped.pullRequest) throw new Error(`setup: dev bump ${bumped.operation}: ${bumped.reason}`);
  await client.rest.pulls.merge({ owner: OWNER, repo, pull_number: bumped.pullRequest.number, merge_method: 'squash' });
  return sent;
}

/** What apply records: a Deployment of `environment` with its images, then its final status. */
export async function deploy(
  github: LocalGitHub,
  repo: string,
  environment: string,
  images: string[],
  state: 'success' | 'failure' | 'in_progress',
  ref = 'main',
): Promise<number> {
  const client = fastClient(github);
  const commit = (await github.git(OWNER, repo, ['rev-parse', `refs/heads/${ref}`])).trim();
  const id = await createDeployment(
    client,
    { owner: OWNER, repo },
    {
      ref: commit,
      environment,
      description: `apply of ${environment}`,
      payload: { images, commit },
    },
  );
  await setDeploymentStatus(client, { owner: OWNER, repo }, id, { state: 'in_progress', description: 'applying' });
  if (state !== 'in_progress')
    await setDeploymentStatus(client, { owner: OWNER, repo }, id, { state, description: `apply ${state}` });
  return id;
}

export async function commitStatus(github: LocalGitHub, repo: string, state: 'success' | 'pending', ref = 'main') {
  const sha = (await github.git(OWNER, repo, ['rev-parse', `refs/heads/${ref}`])).trim();
  await setCommitStatus(
    fastClient(github),
    { owner: OWNER, repo },
    { sha, state, context: 'smoke/dev', description: state },
  );
}

export function promote(
  github: LocalGitHub,
  repo: string,
  options: Partial<PromoteOptions> = {},
): Promise<PromoteResult> {
  return promoteEnvironments({
    client: fastClient(github),
    repository: { owner: OWNER, repo },
    defaultBranch: 'main',
    ...options,
  });
}

export function openPulls(github: LocalGitHub, repo: string, branch: string) {
  return github.pullRequests(OWNER, repo).filter((pull) => pull.state === 'open' && pull.headRef === branch);
}

export function recordOf(body: string | null): PromotionRecord {
  const parsed = parseBodyRecord(body);
  if (!parsed) throw new Error(`no record in ${body}`);
  return parsed.record;
}
