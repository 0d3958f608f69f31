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
