// Model 3, application branches: the pull request in the application repository that merges the
// source environment's branch into the target's (dev -> stg, stg -> master). Pure: from the compare of
// the two branches and the repository's tags to the verdict (nothing to do, or the PR's text). Every
// value here came from outside (commit messages, author names, branch names), so each passes
// core/text before it reaches the pull request.
import { codeBlock, codeSpan, inertSha, inertText, withoutAutolinks } from '../text/untrusted.js';
import { linkDestination, repositoryUrl, serverOrigin, urlPathSegment } from '../text/links.js';
import { suggestVersion, type VersionSuggestion } from './app-branch-version.js';
import { judgeHealth, type Blocker, type PromoteInputs } from './promote-plan.js';
import type { RunningImage } from './running.js';

export interface AppBranchPromotion {
  app: string;
  /** The application repository, `owner/name`. */
  repository: string;
  from: { environment: string; branch: string };
  to: { environment: string; branch: string };
}

export interface AppBranchCommit {
  sha: string;
  message: string;
  authorName: string;
  /** The GitHub account of the author, when GitHub knows it. */
  authorLogin?: string | undefined;
}

/** GitHub's compare of the target branch (base) with the source branch (head). */
export interface AppBranchComparison {
  /** Commits of the source branch the target lacks. */
  aheadBy: number;
  /** The commits listed (GitHub lists at most 250, oldest first). */
  commits: readonly AppBranchCommit[];
}

export type AppBranchPlan =
  | { kind: 'nothing'; reason: string }
  | { kind: 'pull'; title: string; body: string; suggestion: VersionSuggestion; commits: number };

/** The hidden line that tells our promotion PR from one a person opened between the same branches. */
export const APP_BRANCH_MARKER = '<!-- gitops-promote:app-branch -->';

/**
 * Is the source environment healthy enough to merge its branch forward? The same gate and soak as an
 * image promotion: a `deployment` gate asks that the source's latest Deployment succeeded with the image
 * its manifests pin (so the source must pin exactly one); `commit-status` and `none` need no image.
 */
export function judgeAppBranchSource(
  inputs: Pick<PromoteInputs, 'app' | 'source' | 'target' | 'evidence' | 'now'> & {
    sourceRuns: readonly RunningImage[];
  },
): { kind: 'healthy'; seen: string } | { kind: 'blocked'; blocker: Blocker } {
  const { app, source, sourceRuns } = inputs;
  if (inputs.evidence.gate === 'deployment' && sourceRuns.length !== 1) {
    const reason =
      sourceRuns.length === 0
        ? `${source.name} does not run ${app.name} (no manifest pins a tag of ${app.image}), so no deployment can prove it healthy`
        : `${source.name} runs ${app.name} at ${sourceRuns.length} tags (${sourceRuns.map((run) => run.tag).join(', ')}); nothing says which one the deployment gate should find`;
    return { kind: 'blocked', blocker: { kind: 'source', reason } };
  }
  // Gates other than deployment look at no image: any running value reads the same.
  const health = judgeHealth(inputs, sourceRuns[0] ?? { tag: '' });
  return health.kind === 'blocked' ? health : { kind: 'healthy', seen: health.verdict.seen };
}

// Rows shown in the body: enough for any real promotion, and far below GitHub's 65,536 characters.
const LISTED_COMMITS = 100;
const SUBJECT_LENGTH = 120;

export function planAppBranchPromotion(
  promotion: AppBranchPromotion,
  comparison: AppBranchComparison,
  tags: readonly string[],
  serverUrl?: string,
): AppBranchPlan {
  const { from, to } = promotion;
  if (comparison.aheadBy === 0) {
    return {
      kind: 'nothing',
      reason: `${to.branch} already has every commit of ${from.branch} in ${promotion.repository}: nothing to promote`,
    };
  }
  const suggestion = suggestVersion(
    tags,
    comparison.commits.map((commit) => commit.message),
  );
  return {
    kind: 'pull',
    title: withoutAutolinks(`Promote ${from.branch} into ${to.branch} (suggests ${suggestion.next})`),
    body: renderBody(promotion, comparison, suggestion, serverUrl),
    suggestion,
    commits: comparison.aheadBy,
  };
}

function renderBody(
  promotion: AppBranchPromotion,
  comparison: AppBranchComparison,
  suggestion: VersionSuggestion,
  serverUrl: string | undefined,
): string {
  const { app, from, to } = promotion;
  const count = plural(comparison.aheadBy, 'commit');
  const compare = compareLink(promotion, serverUrl);
  const lines = [
    `Promotes ${codeSpan(app)} from environment ${codeSpan(from.environment)} to ${codeSpan(to.environment)}: ` +
      `merges branch ${codeSpan(from.branch)} into ${codeSpan(to.branch)}.`,
    '',
    `**${count}** since the last promotion${compare === undefined ? '' : ` ([compare](${compare}))`}:`,
    '',
    '| Commit | Change | Author |',
    '| --- | --- | --- |',
    ...comparison.commits.slice(0, LISTED_COMMITS).map(commitRow),
  ];
  const unlisted = comparison.aheadBy - Math.min(comparison.commits.length, LISTED_COMMITS);
  if (unlisted > 0) lines.push('', `... and ${plural(unlisted, 'more commit')}, not listed here.`);
  lines.push('', `### Suggested version: ${codeSpan(suggestion.next)}`, '', explain(suggestion, comparison));
  if (comparison.commits.length < comparison.aheadBy) {
    lines.push(`(Counted over the ${comparison.commits.length} commits GitHub's compare lists.)`);
  }
  lines.push(
    '',
    `Cutting the release stays your decision. To release this version, tag the merge commit once this ` +
      `pull request is merged:`,
    '',
    codeBlock(
      [
        `git fetch origin ${shellWord(to.branch)}`,
        `git tag -a ${suggestion.next} -m ${suggestion.next} FETCH_HEAD`,
        `git push origin ${suggestion.next}`,
      ].join('\n'),
      'sh',
    ),
    '',
    `<sub>Kept up to date by gitops-promote while ${codeSpan(from.branch)} moves on. The version follows ` +
      `Conventional Commits: a breaking change (\`type!:\` or a \`BREAKING CHANGE:\` footer) raises the major ` +
      `version, \`feat\` the minor, anything else the patch.</sub>`,
    '',
    APP_BRANCH_MARKER,
  );
  return lines.join('\n');
}

function commitRow(commit: AppBranchCommit): string {
  const subject = (commit.message.split(/\r?\n/, 1)[0] ?? '').trim();
  const short = subject.length > SUBJECT_LENGTH ? `${subject.slice(0, SUBJECT_LENGTH - 3)}...` : subject;
  // A full sha of this repository is linked by GitHub itself, shortened; anything else is shown inert.
  const sha = /^[0-9a-f]{40}$/.test(commit.sha) ? commit.sha : codeSpan(commit.sha, { inTable: true });
  const login = commit.authorLogin === undefined ? '' : ` (${codeSpan(commit.authorLogin, { inTable: true })})`;
  return `| ${inertSha(sha)} | ${inertText(short) || '(no message)'} | ${inertText(commit.authorName)}${login} |`;
}

function explain(suggestion: VersionSuggestion, comparison: AppBranchComparison): string {
  const since =
    suggestion.current === undefined
      ? 'the repository has no release tag `vX.Y.Z` yet, so it counts from 0.0.0'
      : `the highest release tag is ${codeSpan(suggestion.current)}`;
  const share = `${suggestion.because} of ${plural(comparison.commits.length, 'commit')}`;
  const why =
    suggestion.bump === 'major'
      ? `breaking changes in ${share}`
      : suggestion.bump === 'minor'
        ? `features (\`feat\`) in ${share}`
        : 'no feature and no breaking change';
  return `A ${suggestion.bump} release: ${why}; ${since}.`;
}

function compareLink(promotion: AppBranchPromotion, serverUrl: string | undefined): string | undefined {
  const origin = serverUrl === undefined ? undefined : serverOrigin(serverUrl);
  if (origin === undefined) return undefined;
  const branch = (name: string) => name.split('/').map(urlPathSegment).join('/');
  return linkDestination(
    `${repositoryUrl(origin, promotion.repository)}/compare/${branch(promotion.to.branch)}...${branch(promotion.from.branch)}`,
  );
}

/** A branch name as one shell word: as it is when plain, else single-quoted. */
export function shellWord(text: string): string {
  return /^[A-Za-z0-9._/@%+=:,-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
