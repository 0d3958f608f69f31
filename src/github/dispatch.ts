// Sends one repository_dispatch. The payload was validated by the caller (core/payload.ts).
import type { DispatchPayload } from '../core/payload.js';
import type { GitHubClient } from './client.js';
import { explainDispatchFailure } from './errors.js';
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
  try {
    await client.rest.repos.createDispatchEvent({
      owner: target.owner,
      repo: target.name,
      event_type: eventType,
      client_payload: payload as unknown as Record<string, unknown>,
    });
  } catch (error) {
    throw explainDispatchFailure(error, { repository: `${target.owner}/${target.name}`, ...context });
  }
}
