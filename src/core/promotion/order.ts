// Which of two builds of an app is newer. The tag policy's own order when it has one (semver,
// alphabetical, numerical); otherwise build times, read from the same evidence on both sides: when
// both tag IDs carry their build time (`dev-1a2b3c4d-1700000000`) those are compared, else each
// side's known build time (the request's or the record's build timestamp, or its tag's).
import { isNewer, type TagPolicy } from '../policy/index.js';

/** A build as far as ordering goes: its tag and, when someone said it, its build time. */
export interface Build {
  tag: string;
  buildTimestamp?: number | undefined;
}

/**
 * true or false: the candidate is, or is not, newer than `current`. undefined: nothing tells about
 * `current` (the candidate has a build time, the current build has none). 'unordered': the candidate
 * itself carries nothing the policy can order by, so no answer would be more than a guess.
 */
export type BuildOrder = boolean | undefined | 'unordered';

export function compareBuilds(policy: TagPolicy, candidate: Build, current: Build): BuildOrder {
  const ordered = isNewer(policy, candidate.tag, current.tag);
  if (ordered !== undefined) return ordered;
  const candidateTagTime = tagTimestamp(candidate.tag);
  const currentTagTime = tagTimestamp(current.tag);
  if (candidateTagTime !== undefined && currentTagTime !== undefined) return candidateTagTime > currentTagTime;
  const mine = candidate.buildTimestamp ?? candidateTagTime;
  if (mine === undefined) return 'unordered';
  const theirs = current.buildTimestamp ?? currentTagTime;
  return theirs === undefined ? undefined : mine > theirs;
}

/** The unix timestamp a tag ID carries at its end (`dev-1a2b3c4d-1700000000`), if any. */
export function tagTimestamp(tag: string): number | undefined {
  const match = /(?:^|[-_.])(\d{10})$/.exec(tag);
  return match ? Number(match[1]) : undefined;
}
