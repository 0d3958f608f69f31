import { randomUUID } from 'node:crypto';
import { createGitHubClient, type GitHubClientTiming } from '../../github/client.js';
import { sendRepositoryDispatch } from '../../github/dispatch.js';
import { jsonForLog } from '../../core/text/untrusted.js';
import { classifyToken, describeTokenKind } from '../../github/token.js';
import type { Environment } from '../shared/inputs.js';
import { clientLog, log } from '../shared/log.js';
import { acceptSecretInputs } from '../shared/secrets.js';
import { setOutputs } from '../shared/run.js';
import { writeSummaryTable } from '../shared/summary.js';
import { readDispatchInputs, SECRET_INPUTS } from './inputs.js';

/** The dispatch action: tells the environment repository that an image was built, with a checked payload. */
export async function runDispatch(env: Environment = process.env, timing: GitHubClientTiming = {}): Promise<void> {
  // Masked before anything else, so no later log line or error can print it.
  acceptSecretInputs(env, SECRET_INPUTS);
  const inputs = readDispatchInputs(env, randomUUID);
  const repository = `${inputs.target.owner}/${inputs.target.name}`;
  const tokenKind = classifyToken(inputs.token, inputs.workflowToken);
  const { payload } = inputs;
  const payloadJson = JSON.stringify(payload);

  log.info(`dispatch ${inputs.eventType} to ${repository} via ${inputs.apiUrl} with ${describeTokenKind(tokenKind)}`);
  log.info(`payload ${jsonForLog(payload)}`);
  const client = createGitHubClient({
    token: inputs.token,
    baseUrl: inputs.apiUrl,
    log: clientLog,
    ...timing,
  });
  await sendRepositoryDispatch(client, inputs.target, inputs.eventType, payload, {
    tokenKind,
    workflowRepository: inputs.workflowRepository,
  });
  log.info(`dispatched ${payload.dispatchId}`);

  setOutputs({ 'dispatch-id': payload.dispatchId, payload: payloadJson });
  await writeSummaryTable(
    `Dispatched ${inputs.eventType} to ${repository}`,
    [
      ['app', payload.app],
      ['image', payload.image],
      ['tag', payload.tag],
      ['digest', payload.digest ?? ''],
      ['environment', payload.environment ?? ''],
      ['source', `${payload.source.repository}@${payload.source.sha} (${payload.source.ref})`],
      ['run', payload.source.runUrl],
      ['build timestamp', `${payload.buildTimestamp} (${new Date(payload.buildTimestamp * 1000).toISOString()})`],
      ['dispatch id', payload.dispatchId],
      ['extra', payload.extra === undefined ? '' : JSON.stringify(payload.extra)],
    ],
    env,
  );
}
