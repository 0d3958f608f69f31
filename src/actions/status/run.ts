import * as runner from '../shared/runner.js';
import { renderStatusMarkdown } from '../../core/status/render.js';
import { readRepositoryStatus, type StatusResult } from '../../flows/status.js';
import { createGitHubClient, type GitHubClientTiming } from '../../github/client.js';
import type { Environment } from '../shared/inputs.js';
import { clientLog, log } from '../shared/log.js';
import { setOutputs } from '../shared/run.js';
import { acceptSecretInputs } from '../shared/secrets.js';
import { readStatusInputs, SECRET_INPUTS } from './inputs.js';

/** The status action: the matrix in the outputs and the job summary, and optionally in a pinned issue. */
export async function runStatus(
  env: Environment = process.env,
  timing: GitHubClientTiming = {},
): Promise<StatusResult> {
  acceptSecretInputs(env, SECRET_INPUTS);
  const inputs = readStatusInputs(env);
  log.info(
    `status of ${inputs.repository.owner}/${inputs.repository.repo}${inputs.pinnedIssue ? ' (pinned issue)' : ''}`,
  );
  const client = createGitHubClient({ token: inputs.token, baseUrl: inputs.apiUrl, log: clientLog, ...timing });
  const result = await readRepositoryStatus({
    client,
    repository: inputs.repository,
    configPath: inputs.configPath,
    ...(inputs.defaultBranch !== undefined && { defaultBranch: inputs.defaultBranch }),
    pinnedIssue: inputs.pinnedIssue,
    ...(inputs.runUrl !== undefined && { runUrl: inputs.runUrl }),
  });
  for (const warning of result.warnings) log.warning(warning);
  if (result.issue) log.info(`${result.issue.operation} status issue #${result.issue.number} (${result.issue.url})`);
  setOutputs({
    matrix: JSON.stringify(result.matrix),
    behind: JSON.stringify(result.matrix.behind),
    'issue-number': result.issue ? String(result.issue.number) : '',
  });
  if (env.GITHUB_STEP_SUMMARY) await runner.summary().addRaw(renderStatusMarkdown(result.matrix), true).write();
  return result;
}
