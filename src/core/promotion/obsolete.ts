// Pull requests of a promotion branch that have no purpose left, and the comment each is closed
// with: the environment already runs the proposed tag or a newer one (superseded by the base branch),
// or the environment moved to another base branch (superseded by the base, or by the new pull request).
import { compareBuilds } from './order.js';
import type { PromotionRecord } from './record.js';
import { commitUrl } from './render/links.js';
import { linkDestination } from '../text/links.js';
import { codeSpan, inertText as text } from '../text/untrusted.js';
import type { Promotion } from './resolve.js';

/** A tag the environment runs, with its build time when the request said it. */
export interface RunningTag {
  tag: string;
  buildTimestamp?: number;
}

/** An open pull request of the promotion branch, as far as deciding to close it goes. */
export interface BranchPull {
  number: number;
  url: string;
  /** The branch it merges into. */
  baseRef: string;
}

/** A pull request to close: the comment it gets, and one line for the log and the job summary. */
export interface Closure {
  number: number;
  url: string;
  comment: string;
  reason: string;
}

/**
 * Obsolete: every place of the environment already runs the proposed tag or one known to be newer. A
 * rollback proposes an older tag on purpose: only running that very tag makes it obsolete.
 */
export function isObsolete(promotion: Promotion, proposed: PromotionRecord, running: readonly RunningTag[]): boolean {
  return (
    running.length > 0 &&
    running.every(
      (current) =>
        current.tag === proposed.tag ||
        (proposed.intent !== 'rollback' && compareBuilds(promotion.environment.tags, proposed, current) === false),
    )
  );
}

function closure(pull: BranchPull, comment: string, reason: string): Closure {
  return { number: pull.number, url: pull.url, comment, reason: `closed pull request #${pull.number}: ${reason}` };
}

export interface NoChangeContext {
  promotion: Promotion;
  baseBranch: string;
  /** The base commit the environment was read at. */
  base: string;
  running: readonly RunningTag[];
  /** Where links point: GITHUB_SERVER_URL and the environment repository's `owner/name`. */
  serverUrl: string;
  repository: string;
}

/**
 * After a run that writes nothing because the environment already runs the tag (unchanged) or a newer
 * one (skipped): the branch's pull requests into other bases, and the one into the base when what it
 * proposes (`proposed`, its record) would bring nothing newer.
 */
export function closuresAfterNoChange(
  context: NoChangeContext,
  pulls: { onBase?: { pull: BranchPull; proposed: PromotionRecord | undefined }; otherBases: readonly BranchPull[] },
): Closure[] {
  const { promotion, baseBranch, base, running } = context;
  const { app, environment } = promotion;
  const at = `${codeSpan(baseBranch)} at [${codeSpan(base.slice(0, 12))}](${commitUrl(context.serverUrl, context.repository, base)})`;
  const runs = running.map((current) => codeSpan(`${app.image}:${current.tag}`)).join(', ');
  const tags = running.map((current) => current.tag).join(', ');
  const closures = pulls.otherBases.map((pull) =>
    closure(
      pull,
      `Closed by gitops-promote: environment **${text(environment.name)}** now merges into ${codeSpan(baseBranch)}, not ` +
        `${codeSpan(pull.baseRef)}, and ${text(baseBranch)} already runs ${runs}.\n\nSuperseded by ${at}.`,
      `${environment.name} now merges into ${baseBranch}, which already runs ${tags}`,
    ),
  );
  const onBase = pulls.onBase;
  if (onBase?.proposed === undefined || !isObsolete(promotion, onBase.proposed, running)) return closures;
  const proposed = onBase.proposed;
  closures.push(
    closure(
      onBase.pull,
      `Closed by gitops-promote: **${text(environment.name)}** already runs ${runs}, which is not older than ` +
        `${codeSpan(proposed.tag)} that this pull request proposes, so it has nothing left to promote.\n\n` +
        `Superseded by ${at}.`,
      `${environment.name} already runs ${tags}, not older than ${proposed.tag}`,
    ),
  );
  return closures;
}

/** After a pull request was opened or updated on the environment's base: the branch's PRs against other bases. */
export function closuresForSuccessor(
  promotion: Promotion,
  baseBranch: string,
  others: readonly BranchPull[],
  successor: { number: number; url: string },
): Closure[] {
  return others.map((pull) =>
    closure(
      pull,
      `Closed by gitops-promote: environment **${text(promotion.environment.name)}** now merges into ${codeSpan(baseBranch)}, ` +
        `not ${codeSpan(pull.baseRef)}.\n\nSuperseded by #${successor.number} (${linkDestination(successor.url) ?? codeSpan(successor.url)}), which promotes ` +
        `${text(promotion.app.name)} to ${codeSpan(promotion.tag)} on ${text(baseBranch)}.`,
      `superseded by #${successor.number} (${successor.url}) on ${baseBranch}`,
    ),
  );
}
