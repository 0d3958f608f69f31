import { computeTagId, describeEnvironmentMap } from '../../core/tag-id.js';
import type { Environment } from '../shared/inputs.js';
import { log } from '../shared/log.js';
import { setOutputs } from '../shared/run.js';
import { writeSummaryTable } from '../shared/summary.js';
import { readTagInputs } from './inputs.js';

/** The tag action: computes the immutable image tag for this build and publishes it as outputs. */
export async function runTag(env: Environment = process.env): Promise<void> {
  const { request, image, timestampSource } = readTagInputs(env);
  log.info(`ref ${request.ref} at ${request.sha}${request.eventName ? ` (event ${request.eventName})` : ''}`);
  log.info(`timestamp ${request.timestamp} from the ${timestampSource}`);
  log.info(`environment map: ${describeEnvironmentMap(request.environmentMap ?? [])}`);

  const result = computeTagId(request);
  log.info(`${result.kind} ${result.name} -> tag ${result.tag}`);

  const imageReference = image === undefined ? '' : `${image}:${result.tag}`;
  setOutputs({
    tag: result.tag,
    image: imageReference,
    version: result.version,
    environment: result.environment,
    sha: result.sha,
    timestamp: String(result.timestamp),
    'is-release': String(result.isRelease),
  });

  await writeSummaryTable(
    'Image tag',
    [
      ['tag', result.tag],
      ['image', imageReference],
      ['kind', `${result.kind} ${result.name}`],
      ['version', result.version],
      ['environment', result.environment],
      ['sha', result.sha],
      ['timestamp', `${result.timestamp} (${timestampSource})`],
    ],
    env,
  );
}
