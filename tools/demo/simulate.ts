// Without a cluster nothing can be applied, so apply cannot create the GitHub Deployment that
// promote's gate reads. To keep the story going, the demo records the Deployment apply would have
// recorded (the same payload: the images of the environment's rendered manifests and the commit),
// through the same adapter apply uses, and says so in the Deployment's own description, so that
// anyone reading the Environments page, the gate's answer or the status matrix sees it was simulated.
import { imageUses } from '../../src/core/validate/checks.js';
import { runStaticStage } from '../../src/flows/validate-static.js';
import { createGitHubClient } from '../../src/github/client.js';
import { createDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import { ENV_REPO, OWNER, TOKEN, type World } from './world.js';

export const SIMULATED = 'SIMULATED by npm start: no cluster, nothing was applied';

export async function simulateDeployment(
  world: World,
  environment: string,
  sha: string,
): Promise<{ id: number; images: string[] }> {
  const report = await runStaticStage({ dir: world.checkoutAt(sha), environment });
  const images = [...new Set(report.manifests.flatMap(({ value }) => imageUses(value).map((use) => use.reference)))];
  const client = createGitHubClient({ token: TOKEN, baseUrl: world.github.url });
  const repo = { owner: OWNER, repo: ENV_REPO };
  const id = await createDeployment(client, repo, {
    ref: sha,
    environment,
    description: SIMULATED,
    payload: { images, commit: sha },
  });
  await setDeploymentStatus(client, repo, id, { state: 'success', description: SIMULATED });
  return { id, images };
}
