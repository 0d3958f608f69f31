import * as runner from '../shared/runner.js';
import { renderRollbackSummary } from '../../core/rollback/render.js';
import { inertText } from '../../core/text/untrusted.js';
import { rollbackEnvironment, type RollbackResult } from '../../flows/rollback.js';
import { createGitHubClient, type GitHubClientTiming } from '../../github/client.js';
import { classifyToken, describeTokenKind } from '../../github/token.js';
import { WORKFLOW_TOKEN_WARNING } from '../bump/run.js';
import type { Environment } from '../shared/inputs.js';
import { clientLog, log } from '../shared/log.js';
import { setOutputs } from '../shared/run.js';
import { acceptSecretInputs } from '../shared/secrets.js';
import { readRollbackInputs, SECRET_INPUTS } from './inputs.js';

/** The rollback action: bump's pull request, back to the image the environment ran before. */
export async function runRollback(
  env: Environment = process.env,
  timing: GitHubClientTiming = {},
): Promise<RollbackResult> {
  acceptSecretInputs(env, SECRET_INPUTS);
  const done: string[] = [];
  let heading = 'Roll back';
  try {
    const inputs = readRollbackInputs(env);
    const tokenKind = classifyToken(inputs.token, inputs.workflowToken);
    if (tokenKind === 'workflow' && !inputs.dryRun) log.warning(WORKFLOW_TOKEN_WARNING);
    heading = `Roll back ${inertText(inputs.app)} in ${inertText(inputs.environment)}`;
    const repository = `${inputs.repository.owner}/${inputs.repository.repo}`;
    log.info(
      `rollback ${inputs.app} in ${inputs.environment} of ${repository}${inputs.dryRun ? ' (dry run)' : ''} with ${describeTokenKind(tokenKind)}`,
    );
    const client = createGitHubClient({ token: inputs.token, baseUrl: inputs.apiUrl, log: clientLog, ...timing });
    const result = await rollbackEnvironment({
      client,
      repository: inputs.repository,
      app: inputs.app,
      environment: inputs.environment,
      to: inputs.to,
      reason: inputs.reason,
      dryRun: inputs.dryRun,
      configPath: inputs.configPath,
      ...(inputs.defaultBranch !== undefined && { defaultBranch: inputs.defaultBranch }),
      serverUrl: inputs.serverUrl,
      tokenKind,
      ...(inputs.workflowRepository !== undefined && { workflowRepository: inputs.workflowRepository }),
      log: log.info,
      phase: (name, work) => runner.group(name, work),
      done: (step) => done.push(step),
    });
    for (const warning of result.warnings) log.warning(warning);
    log.info(`${result.operation}: ${result.reason}`);
    setOutputs({
      operation: result.operation,
      'pull-request-number': result.pullRequest ? String(result.pullRequest.number) : '',
      'pull-request-url': result.pullRequest?.url ?? '',
      from: result.from.join(' '),
      to: result.to,
      image: result.image,
      reason: result.reason,
      basis: result.target.basis,
      'changed-files': JSON.stringify(result.files),
    });
    if (env.GITHUB_STEP_SUMMARY) {
      await runner
        .summary()
        .addRaw(renderRollbackSummary({ ...result, basis: result.target.basis }), true)
        .write();
    }
    return result;
  } catch (error) {
    if (env.GITHUB_STEP_SUMMARY) {
      const message = error instanceof Error ? error.message : String(error);
      const before =
        done.length === 0
          ? 'Nothing was written.'
          : `Done before the failure:\n\n${done.map((step) => `- ${inertText(step)}`).join('\n')}`;
      await runner
        .summary()
        .addRaw(`### ${heading}: failed\n\n${inertText(message)}\n\n${before}\n`, true)
        .write();
    }
    throw error;
  }
}
