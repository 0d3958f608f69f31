// GitHub Deployments for `apply`: one per run, with the images in its payload, and statuses
// in_progress then success or failure, so the Environments page shows what runs where.
import type { GitHubClient } from './client.js';

export type DeploymentState = 'in_progress' | 'success' | 'failure' | 'error' | 'inactive' | 'queued' | 'pending';

export interface DeploymentPayload {
  images: string[];
  /** The environment repository commit applied. */
  commit: string;
  /** The source commit from the promotion record, when known. */
  sourceCommit?: string;
  /** What the promotion record says was promoted (promote reads it as what runs where). */
  promotion?: {
    app: string;
    image: string;
    tag: string;
    digest?: string;
    source?: { repository: string; sha: string; ref: string };
  };
}

export async function createDeployment(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  deployment: {
    ref: string;
    environment: string;
    description: string;
    payload: DeploymentPayload;
    production?: boolean;
  },
): Promise<number> {
  const response = await client.rest.repos.createDeployment({
    ...repo,
    ref: deployment.ref,
    environment: deployment.environment,
    description: deployment.description.slice(0, 140),
    payload: JSON.stringify(deployment.payload),
    auto_merge: false,
    // The run is the check: required contexts would refuse a deployment while validate's status is pending.
    required_contexts: [],
    task: 'deploy',
    ...(deployment.production === undefined ? {} : { production_environment: deployment.production }),
  });
  if (!('id' in response.data))
    throw new Error(`GitHub did not create the deployment: ${JSON.stringify(response.data)}`);
  return response.data.id;
}

export async function setDeploymentStatus(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  id: number,
  status: { state: DeploymentState; description: string; logUrl?: string; environmentUrl?: string },
): Promise<void> {
  await client.rest.repos.createDeploymentStatus({
    ...repo,
    deployment_id: id,
    state: status.state,
    description: status.description.slice(0, 140),
    ...(status.logUrl ? { log_url: status.logUrl } : {}),
    ...(status.environmentUrl ? { environment_url: status.environmentUrl } : {}),
    auto_inactive: true,
  });
}

/** The commit of the newest deployment of `environment` whose latest status is success (for rollback). */
export async function lastSuccessfulDeployment(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  environment: string,
  except?: number,
): Promise<{ id: number; sha: string } | undefined> {
  const deployments = await client.rest.repos.listDeployments({ ...repo, environment, per_page: 30 });
  for (const deployment of deployments.data) {
    if (deployment.id === except) continue;
    const statuses = await client.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: deployment.id,
      per_page: 1,
    });
    if (statuses.data[0]?.state === 'success') return { id: deployment.id, sha: deployment.sha };
  }
  return undefined;
}

/**
 * The environment's latest deployments, newest first, each with its latest status and whether it
 * ever succeeded: a newer success marks the earlier ones inactive (auto_inactive), and such a
 * deployment was still healthy once (what a rollback goes back to).
 */
export async function listEnvironmentDeployments(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  environment: string,
  limit = 30,
): Promise<
  { id: number; sha: string; createdAt: string; state: string | undefined; succeeded: boolean; payload: unknown }[]
> {
  const { data } = await client.rest.repos.listDeployments({ ...repo, environment, per_page: limit });
  const entries = [];
  for (const deployment of data) {
    const statuses = await client.rest.repos.listDeploymentStatuses({
      ...repo,
      deployment_id: deployment.id,
      per_page: 100,
    });
    entries.push({
      id: deployment.id,
      sha: deployment.sha,
      createdAt: deployment.created_at,
      state: statuses.data[0]?.state,
      succeeded: statuses.data.some((status) => status.state === 'success'),
      payload: deployment.payload,
    });
  }
  return entries;
}

/** The newest deployment of an environment and its latest status, as `promote`'s deployment gate reads them. */
export interface LatestDeployment {
  id: number;
  sha: string;
  createdAt: string;
  /** undefined: no status yet. `url`: its log or environment URL, when it has one (status links it). */
  status: { state: string; at: string; url?: string } | undefined;
  /** The payload's images when it has them (apply writes them); undefined otherwise. */
  images: string[] | undefined;
}

export async function latestDeployment(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  environment: string,
): Promise<LatestDeployment | undefined> {
  // GitHub lists deployments newest first, and statuses newest first.
  const deployments = await client.rest.repos.listDeployments({ ...repo, environment, per_page: 1 });
  const deployment = deployments.data[0];
  if (deployment === undefined) return undefined;
  const statuses = await client.rest.repos.listDeploymentStatuses({
    ...repo,
    deployment_id: deployment.id,
    per_page: 1,
  });
  const status = statuses.data[0];
  return {
    id: deployment.id,
    sha: deployment.sha,
    createdAt: deployment.created_at,
    status:
      status === undefined
        ? undefined
        : {
            state: status.state,
            at: status.created_at,
            ...((status.log_url || status.environment_url) && { url: status.log_url || status.environment_url }),
          },
    images: payloadImages(deployment.payload),
  };
}

/** The images of a deployment payload, given as an object or as the JSON text apply sends. */
function payloadImages(payload: unknown): string[] | undefined {
  let value = payload;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch {
      return undefined;
    }
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const images = (value as { images?: unknown }).images;
  if (!Array.isArray(images)) return undefined;
  return images.filter((image): image is string => typeof image === 'string');
}
