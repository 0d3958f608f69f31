// Where a promotion came from, as links for the job summary: the source commit, the build run, the
// dispatch id, and a compare of each source revision the environment runs now against the new one
// (core's compareBases: the commit a running tag ID names, or a running release's git tag). Known
// from the record alone: no API call is spent on it.
import { compareBases, type BodyLinks, type PromotionRecord } from '../core/promotion.js';
import { repositoryUrl, sourceRunLink, urlPathSegment } from '../core/text/links.js';

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
  links: BodyLinks,
): SourceLinks | undefined {
  const source = record.source;
  if (!source) return undefined;
  const repository = repositoryUrl(links.serverUrl, source.repository);
  const sha = urlPathSegment(source.sha);
  return {
    repository: source.repository,
    sha: source.sha,
    ref: source.ref,
    commitUrl: `${repository}/commit/${sha}`,
    runUrl: sourceRunLink(source, links.serverUrl),
    runText: source.runUrl,
    compares: compareBases(record).map((from) => ({
      from,
      url: `${repository}/compare/${urlPathSegment(from)}...${sha}`,
    })),
  };
}
