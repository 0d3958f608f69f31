// Every link we write (PR bodies, comments, the job summary, the payload's run URL) is built here,
// from the server URL the runner gives (GITHUB_SERVER_URL: github.com or a GitHub Enterprise host).
// Every part that came from outside is percent-encoded as a path segment, and the build run is
// linked only when it is a run of the source repository on the same server (core/text/links.ts).
import { repositoryUrl, sourceRunLink, urlPathSegment } from '../../text/links.js';
import type { PromotionRecord } from '../record.js';

export { repositoryUrl };

export const DEFAULT_SERVER_URL = 'https://github.com';

export function commitUrl(serverUrl: string, repository: string, sha: string): string {
  return `${repositoryUrl(serverUrl, repository)}/commit/${urlPathSegment(sha)}`;
}

export function compareUrl(serverUrl: string, repository: string, from: string, to: string): string {
  return `${repositoryUrl(serverUrl, repository)}/compare/${urlPathSegment(from)}...${urlPathSegment(to)}`;
}

/** The workflow run's page, which the payload carries as `source.runUrl`. */
export function workflowRunUrl(serverUrl: string, repository: string, runId: string): string {
  return `${repositoryUrl(serverUrl, repository)}/actions/runs/${urlPathSegment(runId)}`;
}

/** The short commit a tag ID carries (`dev-1a2b3c4d-1700000000` -> `1a2b3c4d`), if any. */
export function tagSha(tag: string): string | undefined {
  const beforeTimestamp = /(?:^|[-_.])([0-9a-f]{7,40})[-_.]\d{10}$/.exec(tag)?.[1];
  if (beforeTimestamp !== undefined) return beforeTimestamp;
  // At the end without a timestamp, all digits is more likely a number (a timestamp, a build) than a sha.
  const atEnd = /(?:^|[-_.])([0-9a-f]{7,40})$/.exec(tag)?.[1];
  return atEnd !== undefined && /[a-f]/.test(atEnd) ? atEnd : undefined;
}

/**
 * The source revisions a promotion can be compared from, without asking GitHub: the commit each
 * running tag ID names (`dev-1a2b3c4d-1700000000`), or, for a release built from a git tag, the git
 * tag of each running release (`refs/tags/v0.4.10` promoting `0.4.10` over `0.4.9`: `v0.4.9`, the
 * tag action's mapping run backwards). Empty when nothing tells.
 */
export function compareBases(record: Pick<PromotionRecord, 'source' | 'previousTags' | 'tag'>): string[] {
  const source = record.source;
  if (!source) return [];
  const shas = [...new Set(record.previousTags.map(tagSha).filter((sha): sha is string => sha !== undefined))];
  const fromShas = shas.filter((sha) => !source.sha.startsWith(sha));
  if (shas.length > 0) return fromShas;
  const gitTag = source.ref.startsWith('refs/tags/') ? source.ref.slice('refs/tags/'.length) : undefined;
  // The tag action turns `v1.2.3+build` into `1.2.3_build`: the git tag is a prefix, then the tag with `+` back.
  const released = record.tag.replace('_', '+');
  if (gitTag === undefined || !gitTag.endsWith(released)) return [];
  const prefix = gitTag.slice(0, gitTag.length - released.length);
  return [...new Set(record.previousTags)]
    .filter((old) => old !== record.tag && /^\d+\.\d+\.\d+/.test(old))
    .map((old) => `${prefix}${old.replace('_', '+')}`);
}

/** Where a promotion came from, as links: the source commit, the build run, and a compare of each source
 * revision the environment runs now against the new one. Known from the record alone: no API call. */
export interface SourceLinks {
  repository: string;
  sha: string;
  ref: string;
  commitUrl: string;
  /** The build run's link, when it is a run of the source repository on the same server. */
  runUrl: string | undefined;
  /** The build run's URL as the payload gave it, to show as text when it is not linked. */
  runText: string;
  /** Compares from each known old revision to the new one. */
  compares: { from: string; url: string }[];
}

/** The links of a promotion (a record, or a payload's source with no running tags). */
export function sourceLinks(
  record: Pick<PromotionRecord, 'source' | 'previousTags' | 'tag'>,
  links: { serverUrl: string },
): SourceLinks | undefined {
  const source = record.source;
  if (!source) return undefined;
  const { serverUrl } = links;
  return {
    repository: source.repository,
    sha: source.sha,
    ref: source.ref,
    commitUrl: commitUrl(serverUrl, source.repository, source.sha),
    runUrl: sourceRunLink(source, serverUrl),
    runText: source.runUrl,
    compares: compareBases(record).map((from) => ({
      from,
      url: compareUrl(serverUrl, source.repository, from, source.sha),
    })),
  };
}
