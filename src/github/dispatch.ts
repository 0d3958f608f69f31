// Sends one repository_dispatch. The payload was validated by the caller (src/core/payload).
import type { DispatchPayload } from '../core/payload/index.js';
import type { GitHubClient } from './client.js';
import { explainFailure, requestFailure } from './failures.js';
import { repositoryVisible } from './repository.js';
import type { TokenKind } from './token.js';

export interface DispatchTarget {
  owner: string;
  name: string;
}

export async function sendRepositoryDispatch(
  client: GitHubClient,
  target: DispatchTarget,
  eventType: string,
  payload: DispatchPayload,
  context: { tokenKind: TokenKind; workflowRepository?: string },
): Promise<void> {
  const repository = { owner: target.owner, repo: target.name };
  try {
    await client.rest.repos.createDispatchEvent({
      ...repository,
      event_type: eventType,
      client_payload: payload as unknown as Record<string, unknown>,
    });
  } catch (error) {
    // A 404 is also what a repository the token cannot see answers: ask which before explaining it.
    const visible = requestFailure(error)?.status === 404 ? await repositoryVisible(client, repository) : undefined;
    throw explainFailure(error, {
      action: 'dispatch',
      repository: `${target.owner}/${target.name}`,
      ...context,
      ...(visible !== undefined && { repositoryVisible: visible }),
    });
  }
}
