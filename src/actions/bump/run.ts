import { randomUUID } from 'node:crypto';
import * as runner from '../shared/runner.js';
import { bumpEnvironment, type BumpResult } from '../../flows/bump.js';
import { createGitHubClient, type GitHubClientTiming } from '../../github/client.js';
import { classifyToken, describeTokenKind } from '../../github/token.js';
import type { Environment } from '../shared/inputs.js';
import { clientLog, log } from '../shared/log.js';
import { acceptSecretInputs } from '../shared/secrets.js';
import { setOutputs } from '../shared/run.js';
import { linkDestination } from '../../core/text/links.js';
import { codeSpan, inertSha, inertText } from '../../core/text/untrusted.js';
import { readBumpInputs, SECRET_INPUTS } from './inputs.js';

export const WORKFLOW_TOKEN_WARNING =
  "token is the workflow's GITHUB_TOKEN: pull requests it opens do not start pull_request workflows, so the " +
  'validate workflow will not run on them until someone approves it. Fix: create a GitHub App with the ' +
  'permissions "Contents: Read and write" and "Pull requests: Read and write", install it on this repository, ' +
  'and pass a token from actions/create-github-app-token as the token input (see the README, "Tokens").';

/** The bump action: one pull request per (app, environment), opened or updated in place. */
export async function runBump(env: Environment = process.env, timing: GitHubClientTiming = {}): Promise<BumpResult> {
  // Masked before anything else, so no later log line or error can print them.
  acceptSecretInputs(env, SECRET_INPUTS);
  const done: string[] = [];
  let heading = 'Bump';
  try {
    // A function, not randomUUID itself: reading it from node:crypto would load the module (see
    // scripts/bundle-start.mjs), and only a bump from inputs, not from a dispatch, draws an ID.
    const inputs = readBumpInputs(env, () => randomUUID());
    const tokenKind = classifyToken(inputs.token, inputs.workflowToken);
    if (tokenKind === 'workflow') log.warning(WORKFLOW_TOKEN_WARNING);
    const { request } = inputs;
    const repository = `${inputs.repository.owner}/${inputs.repository.repo}`;
    heading = `Bump ${inertText(request.app)} to ${code(request.tag)} in ${inertText(request.environment ?? '(first environment)')}`;
    log.info(
      `bump ${request.app} to ${request.tag} in ${request.environment ?? '(first environment)'} of ${repository} with ${describeTokenKind(tokenKind)}`,
    );
    const client = createGitHubClient({
      token: inputs.token,
      baseUrl: inputs.apiUrl,
      log: clientLog,
      ...timing,
    });
    const result = await bumpEnvironment({
      client,
      repository: inputs.repository,
      request,
      configPath: inputs.configPath,
      defaultBranch: inputs.defaultBranch,
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
      'previous-tag': result.previousTags.join(' '),
      'changed-files': JSON.stringify(result.changedFiles),
      'commit-sha': result.commitSha ?? '',
    });
    await writeSummary(result, env);
    return result;
  } catch (error) {
    await writeFailureSummary(heading, error, done, env);
    throw error;
  }
}

/** A failed bump still says in the job summary what failed and what was done before (commits, branches, PRs). */
async function writeFailureSummary(heading: string, error: unknown, done: readonly string[], env: Environment) {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`### ${heading}: failed`, '', inertText(message), ''];
  if (done.length === 0) lines.push('Nothing was written before the failure.', '');
  else lines.push('Done before the failure:', '', ...done.map((step) => `- ${inertText(step)}`), '');
  try {
    await runner.summary().addRaw(lines.join('\n'), true).write();
  } catch (summaryError) {
    runner.debug(`job summary not written: ${String(summaryError)}`);
  }
}

async function writeSummary(result: BumpResult, env: Environment): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const pull = result.pullRequest ? ` (${pullLink(result.pullRequest)})` : '';
  const lines = [
    `### Bump ${inertText(result.app)} to ${code(result.tag)} in ${inertText(result.environment)}: ${result.operation}${pull}`,
    '',
    inertText(result.reason),
    '',
  ];
  if (result.table) lines.push(result.table, '');
  const { source } = result;
  if (source) {
    lines.push(
      `- Source: [${inertText(source.repository)}@${inertSha(source.sha.slice(0, 12))}](${source.commitUrl}) ` +
        `(${code(source.ref)}), ${source.runUrl ? `[build run](${source.runUrl})` : `build run ${code(source.runText)}`}`,
    );
    for (const compare of source.compares) {
      lines.push(`- Changes since ${code(compare.from.slice(0, 12))}: [compare](${compare.url})`);
    }
  }
  if (result.dispatchId !== undefined) lines.push(`- Dispatch: ${code(result.dispatchId)}`);
  lines.push('');
  for (const closed of result.closedPullRequests) {
    lines.push(`- Closed ${pullLink(closed)}: ${inertText(closed.reason.replace(/^[^:]*: /, ''))}`);
  }
  if (result.closedPullRequests.length > 0) lines.push('');
  for (const warning of result.warnings) lines.push(`> ${inertText(warning)}`, '');
  await runner.summary().addRaw(lines.join('\n'), true).write();
}

function code(text: string): string {
  return codeSpan(text);
}

// GitHub's own URL of a pull request, linked as `#<number>`; a URL that is no http(s) address is not linked.
function pullLink(pull: { number: number; url: string }): string {
  const url = linkDestination(pull.url);
  return url === undefined ? `#${pull.number}` : `[#${pull.number}](${url})`;
}
