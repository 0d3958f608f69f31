// Pull requests of a promotion branch that have no purpose left, closed with a comment that says
// why and links to what superseded them: the environment's branch when it already runs the tag (or a
// newer one), or the new pull request when the environment moved to another base branch.
import {
  parseBodyRecord,
  parseCommitRecord,
  tagTimestamp,
  type Promotion,
  type PromotionRecord,
} from '../core/promotion.js';
import { isNewer } from '../core/policy/index.js';
import { linkDestination, repositoryUrl, urlPathSegment } from '../core/text/links.js';
import { codeSpan as code, inertText as text } from '../core/text/untrusted.js';
import type { GitHubClient } from './client.js';
import { commitMessage } from './promotion-branch.js';
import { closePull, type BranchPulls, type PullSummary } from './pull-request.js';
import type { RepositoryName } from './repository-files.js';

export interface PullContext {
  client: GitHubClient;
  repository: RepositoryName;
  promotion: Promotion;
  baseBranch: string;
  /** Where links point (GITHUB_SERVER_URL). */
  serverUrl: string;
}

export interface ClosedPull {
  number: number;
  url: string;
  /** One line for the log and the job summary. */
  reason: string;
}

/** A tag the environment runs, with its build time when the dispatch said it. */
export interface RunningTag {
  tag: string;
  buildTimestamp?: number;
}

/** What a branch head carries: from the PR body when it describes that head, else from the commit message. */
export async function recordOf(
  context: Pick<PullContext, 'client' | 'repository'>,
  pull: PullSummary | undefined,
  head: string,
): Promise<PromotionRecord | undefined> {
  const fromBody = parseBodyRecord(pull?.body);
  if (fromBody && fromBody.commit === head) return fromBody.record;
  return parseCommitRecord(await commitMessage(context.client, context.repository, head));
}

/** Is the proposed tag newer than a running one? The policy's order, else build times; undefined when nothing tells. */
function proposesNewer(promotion: Promotion, proposed: PromotionRecord, running: RunningTag): boolean | undefined {
  const ordered = isNewer(promotion.environment.tags, proposed.tag, running.tag);
  if (ordered !== undefined) return ordered;
  const mine = proposed.buildTimestamp ?? tagTimestamp(proposed.tag);
  const theirs = running.buildTimestamp ?? tagTimestamp(running.tag);
  return mine === undefined || theirs === undefined ? undefined : mine > theirs;
}

/** Obsolete: every place of the environment already runs the proposed tag or one known to be newer. */
export function isObsolete(promotion: Promotion, proposed: PromotionRecord, running: readonly RunningTag[]): boolean {
  return (
    running.length > 0 &&
    running.every((current) => current.tag === proposed.tag || proposesNewer(promotion, proposed, current) === false)
  );
}

function links(context: PullContext) {
  const repository = repositoryUrl(context.serverUrl, `${context.repository.owner}/${context.repository.repo}`);
  return { commit: (sha: string) => `${repository}/commit/${urlPathSegment(sha)}` };
}

async function close(context: PullContext, pull: PullSummary, comment: string, reason: string): Promise<ClosedPull> {
  await closePull(context.client, context.repository, pull.number, comment);
  return { number: pull.number, url: pull.url, reason: `closed pull request #${pull.number}: ${reason}` };
}

/**
 * After a run that writes nothing because the environment already runs the tag (unchanged) or a newer
 * one (skipped): close this (app, environment)'s open pull requests that would bring nothing newer, and
 * those against a base branch the environment no longer uses.
 */
export async function closeObsoletePulls(
  context: PullContext,
  pulls: BranchPulls,
  base: string,
  running: readonly RunningTag[],
): Promise<ClosedPull[]> {
  const { promotion, baseBranch } = context;
  const { app, environment } = promotion;
  // Every value is a code span or inert text: names from the config, tags read from manifests, branches.
  const at = `${code(baseBranch)} at [${code(base.slice(0, 12))}](${links(context).commit(base)})`;
  const runs = running.map((current) => code(`${app.image}:${current.tag}`)).join(', ');
  const closed: ClosedPull[] = [];
  for (const pull of pulls.otherBases) {
    closed.push(
      await close(
        context,
        pull,
        `Closed by gitops-promote: environment **${text(environment.name)}** now merges into ${code(baseBranch)}, not ` +
          `${code(pull.baseRef)}, and ${text(baseBranch)} already runs ${runs}.\n\nSuperseded by ${at}.`,
        `${environment.name} now merges into ${baseBranch}, which already runs ${running.map((r) => r.tag).join(', ')}`,
      ),
    );
  }
  const pull = pulls.onBase;
  if (pull === undefined) return closed;
  const proposed = await recordOf(context, pull, pull.headSha);
  if (proposed === undefined || !isObsolete(promotion, proposed, running)) return closed;
  closed.push(
    await close(
      context,
      pull,
      `Closed by gitops-promote: **${text(environment.name)}** already runs ${runs}, which is not older than ` +
        `${code(proposed.tag)} that this pull request proposes, so it has nothing left to promote.\n\n` +
        `Superseded by ${at}.`,
      `${environment.name} already runs ${running.map((r) => r.tag).join(', ')}, not older than ${proposed.tag}`,
    ),
  );
  return closed;
}

/** After a pull request was opened or updated on the environment's base: close the branch's PRs against other bases. */
export async function closeOtherBasePulls(
  context: PullContext,
  others: readonly PullSummary[],
  successor: PullSummary,
): Promise<ClosedPull[]> {
  const { promotion, baseBranch } = context;
  const closed: ClosedPull[] = [];
  for (const pull of others) {
    closed.push(
      await close(
        context,
        pull,
        `Closed by gitops-promote: environment **${text(promotion.environment.name)}** now merges into ${code(baseBranch)}, ` +
          `not ${code(pull.baseRef)}.\n\nSuperseded by #${successor.number} (${linkDestination(successor.url) ?? code(successor.url)}), which promotes ` +
          `${text(promotion.app.name)} to ${code(promotion.tag)} on ${text(baseBranch)}.`,
        `superseded by #${successor.number} (${successor.url}) on ${baseBranch}`,
      ),
    );
  }
  return closed;
}
