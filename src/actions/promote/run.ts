import * as runner from '../shared/runner.js';
import { promoteEnvironments, type PromoteResult, type PromotionResult } from '../../flows/promote.js';
import { createGitHubClient, type GitHubClientTiming } from '../../github/client.js';
import { classifyToken, describeTokenKind } from '../../github/token.js';
import { linkDestination } from '../../core/text/links.js';
import { codeSpan, inertText } from '../../core/text/untrusted.js';
import type { Environment } from '../shared/inputs.js';
import { clientLog, log } from '../shared/log.js';
import { setOutputs } from '../shared/run.js';
import { acceptSecretInputs } from '../shared/secrets.js';
import { readPromoteInputs, SECRET_INPUTS } from './inputs.js';
import { UserError } from '../../core/errors.js';

/** The promote action: the image healthy in an environment carried into the next ones by pull requests. */
export async function runPromote(
  env: Environment = process.env,
  timing: GitHubClientTiming & { now?: () => number } = {},
): Promise<PromoteResult> {
  // Masked before anything else, so no later log line or error can print them.
  acceptSecretInputs(env, SECRET_INPUTS);
  const done: string[] = [];
  let result: PromoteResult;
  try {
    const inputs = readPromoteInputs(env);
    const tokenKind = classifyToken(inputs.token);
    const { now, ...clientTiming } = timing;
    log.info(
      `promote from ${inputs.environment ?? 'every environment that is promoted from'}${inputs.app === undefined ? '' : `, app ${inputs.app}`} in ` +
        `${inputs.repository.owner}/${inputs.repository.repo} with ${describeTokenKind(tokenKind)}${inputs.dryRun ? ' (dry run)' : ''}`,
    );
    const client = createGitHubClient({ token: inputs.token, baseUrl: inputs.apiUrl, log: clientLog, ...clientTiming });
    // promote-by app-branch opens its pull requests in the application repositories, with app-token when given.
    const appClient =
      inputs.appToken === undefined
        ? undefined
        : createGitHubClient({ token: inputs.appToken, baseUrl: inputs.apiUrl, log: clientLog, ...clientTiming });
    result = await promoteEnvironments({
      client,
      ...(appClient !== undefined && { appClient }),
      repository: inputs.repository,
      configPath: inputs.configPath,
      ...(inputs.environment !== undefined && { source: inputs.environment }),
      sourceFromEvent: inputs.environmentFromEvent,
      ...(inputs.app !== undefined && { app: inputs.app }),
      dryRun: inputs.dryRun,
      ...(inputs.defaultBranch !== undefined && { defaultBranch: inputs.defaultBranch }),
      serverUrl: inputs.serverUrl,
      tokenKind,
      ...(inputs.workflowRepository !== undefined && { workflowRepository: inputs.workflowRepository }),
      log: log.info,
      phase: (name, work) => runner.group(name, work),
      done: (step) => done.push(step),
      ...(now !== undefined && { now }),
    });
    for (const warning of new Set(result.warnings)) log.warning(warning);
    for (const promotion of result.promotions) {
      log.info(`${promotion.app} ${promotion.from} -> ${promotion.to}: ${promotion.operation}: ${promotion.reason}`);
    }
    const main =
      result.promotions.find((promotion) => promotion.operation === 'created' || promotion.operation === 'updated') ??
      result.promotions[0];
    setOutputs({
      operation: main?.operation ?? '',
      'pull-request-number': main?.pullRequest ? String(main.pullRequest.number) : '',
      'pull-request-url': main?.pullRequest?.url ?? '',
      from: main?.from ?? '',
      to: main?.to ?? '',
      image: main?.image ?? '',
      reason: main?.reason ?? (result.nothing === undefined ? '' : `nothing to promote: ${result.nothing}`),
      promotions: JSON.stringify(result.promotions.map(outputOf)),
    });
    await writeSummary(result, env);
  } catch (error) {
    await writeFailureSummary(error, done, env);
    throw error;
  }
  // Each (app, target) ran; the step fails after the summary says which of them failed and why.
  const failed = result.promotions.filter((promotion) => promotion.operation === 'failed');
  if (failed.length > 0) {
    throw new UserError(
      `${failed.length} of ${result.promotions.length} promotions failed: ` +
        failed
          .map((promotion) => `${promotion.app} ${promotion.from} -> ${promotion.to}: ${promotion.reason}`)
          .join('; '),
    );
  }
  return result;
}

function outputOf(promotion: PromotionResult) {
  return {
    app: promotion.app,
    from: promotion.from,
    to: promotion.to,
    image: promotion.image ?? null,
    operation: promotion.operation,
    reason: promotion.reason,
    blocker: promotion.blocker ?? null,
    pullRequestNumber: promotion.pullRequest?.number ?? null,
    pullRequestUrl: promotion.pullRequest?.url ?? null,
    suggestedVersion: promotion.suggestedVersion ?? null,
  };
}

/** The table people read instead of the log: one row per (app, target). */
async function writeSummary(result: PromoteResult, env: Environment): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const heading = `### Promote from ${result.source === undefined ? 'every source environment' : inertText(result.source)}`;
  const lines = [heading, ''];
  if (result.promotions.length === 0) lines.push(`Nothing to promote: ${inertText(result.nothing ?? 'no app')}.`, '');
  else {
    lines.push(
      '| App | From | To | Image | Result | Pull request or reason |',
      '| --- | --- | --- | --- | --- | --- |',
    );
    for (const promotion of result.promotions) {
      const cells = [
        inertText(promotion.app),
        inertText(promotion.from),
        inertText(promotion.to),
        promotion.image === undefined ? '' : cell(promotion.image),
        promotion.blocker === undefined ? promotion.operation : `${promotion.operation} (${promotion.blocker})`,
        promotion.pullRequest ? pullLink(promotion.pullRequest) : inertText(promotion.reason),
      ];
      lines.push(`| ${cells.join(' | ')} |`);
    }
    lines.push('');
  }
  for (const promotion of result.promotions) {
    if (!promotion.pullRequest) continue;
    lines.push(`- ${inertText(promotion.app)} to ${inertText(promotion.to)}: ${inertText(promotion.reason)}`);
    for (const closed of promotion.bump?.closedPullRequests ?? []) {
      lines.push(`  - closed ${pullLink(closed)}: ${inertText(closed.reason.replace(/^[^:]*: /, ''))}`);
    }
  }
  lines.push('');
  for (const warning of new Set(result.warnings)) lines.push(`> ${inertText(warning)}`, '');
  await runner.summary().addRaw(lines.join('\n'), true).write();
}

async function writeFailureSummary(error: unknown, done: readonly string[], env: Environment) {
  if (!env.GITHUB_STEP_SUMMARY) return;
  const message = error instanceof Error ? error.message : String(error);
  const lines = ['### Promote: failed', '', inertText(message), ''];
  if (done.length === 0) lines.push('Nothing was written before the failure.', '');
  else lines.push('Done before the failure:', '', ...done.map((step) => `- ${inertText(step)}`), '');
  try {
    await runner.summary().addRaw(lines.join('\n'), true).write();
  } catch (summaryError) {
    runner.debug(`job summary not written: ${String(summaryError)}`);
  }
}

function cell(text: string): string {
  return codeSpan(text, { inTable: true });
}

// GitHub's own URL of a pull request, linked as `#<number>`; a URL that is no http(s) address is not linked.
function pullLink(pull: { number: number; url: string }): string {
  const url = linkDestination(pull.url);
  return url === undefined ? `#${pull.number}` : `[#${pull.number}](${url})`;
}
