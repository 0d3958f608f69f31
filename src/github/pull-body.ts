// Where a promotion came from, as links: the source commit, the build run, the dispatch id, and a
// compare of the source revision the environment runs now against the new one. The old revision is
// known from the tags the environment runs when they are tag IDs (`dev-<sha>-<ts>`), or else from the
// hidden record of the merged pull request that put the running tag there. The PR body (rendered by
// core) gets the compare it cannot know; the job summary gets all of it.
import { renderPullRequestBody, tagSha, type BodyLinks, type PromotionRecord } from '../core/promotion.js';

/** The source revision the environment runs, read from the record of the PR that promoted it. */
export interface RunningSource {
  tag: string;
  repository: string;
  sha: string;
}

export interface SourceLinks {
  repository: string;
  sha: string;
  ref: string;
  commitUrl: string;
  runUrl: string;
  /** Compares from each known old revision to the new one. */
  compares: { from: string; url: string }[];
}

function repositoryUrl(serverUrl: string, repository: string): string {
  return `${serverUrl.replace(/\/+$/, '')}/${repository}`;
}

type SourceOf = Pick<PromotionRecord, 'source' | 'previousTags'>;

/** Old revisions named by the running tags (what core's body already links). */
function tagShas(record: SourceOf): string[] {
  const sha = record.source?.sha ?? '';
  return [...new Set(record.previousTags.map(tagSha).filter((old): old is string => old !== undefined))].filter(
    (old) => !sha.startsWith(old),
  );
}

/** The old revision from a merged PR's record, when it is for a tag the environment runs and the same repository. */
function recordedOldSha(record: SourceOf, running: RunningSource | undefined): string | undefined {
  const source = record.source;
  if (!source || !running) return undefined;
  if (!record.previousTags.includes(running.tag)) return undefined;
  if (running.repository.toLowerCase() !== source.repository.toLowerCase() || running.sha === source.sha)
    return undefined;
  if (tagShas(record).some((old) => running.sha.startsWith(old))) return undefined;
  return running.sha;
}

/** The links of a promotion (a record, or a payload's source with no running tags). */
export function sourceLinks(record: SourceOf, links: BodyLinks, running?: RunningSource): SourceLinks | undefined {
  const source = record.source;
  if (!source) return undefined;
  const repository = repositoryUrl(links.serverUrl, source.repository);
  const olds = [...tagShas(record), recordedOldSha(record, running)].filter((old): old is string => old !== undefined);
  return {
    repository: source.repository,
    sha: source.sha,
    ref: source.ref,
    commitUrl: `${repository}/commit/${source.sha}`,
    runUrl: source.runUrl,
    compares: olds.map((from) => ({ from, url: `${repository}/compare/${from}...${source.sha}` })),
  };
}

/** Does the body need the merged PR's record? Only when the running tags name no revision of their own. */
export function needsRunningSource(record: SourceOf): boolean {
  return record.source !== undefined && record.previousTags.length > 0 && tagShas(record).length === 0;
}

/** Core's body, plus the compare from the merged PR's record, placed with the other links (before "- Base:"). */
export function renderBody(record: PromotionRecord, commit: string, links: BodyLinks, running?: RunningSource): string {
  const body = renderPullRequestBody(record, commit, links);
  const old = recordedOldSha(record, running);
  if (old === undefined || !record.source) return body;
  const url = `${repositoryUrl(links.serverUrl, record.source.repository)}/compare/${old}...${record.source.sha}`;
  const line = `- Changes since \`${old.slice(0, 12)}\` (\`${running?.tag}\`, running now): [compare](${url})\n`;
  const base = body.search(/^- Base: /m);
  const at = base === -1 ? body.search(/^<!-- gitops-promote:record /m) : base;
  return at === -1 ? `${body}\n${line}` : `${body.slice(0, at)}${line}${body.slice(at)}`;
}
