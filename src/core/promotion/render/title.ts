import { withoutAutolinks } from '../../text/untrusted.js';

/**
 * The pull request's title and the first line of its commit: one wording wherever it is shown.
 * GitHub links references in both (a tag cut from a branch `gh-123-fix` would link issue 123), so
 * whatever could be read as one is broken by an invisible word joiner.
 */
export function promotionTitle(app: string, tag: string, environment: string, from?: string): string {
  return withoutAutolinks(`Promote ${app} to ${tag} in ${environment}${from === undefined ? '' : ` (from ${from})`}`);
}

/** The title of what a record carries, so a PR's title can be checked against its branch head. */
export function recordTitle(record: { app: string; tag: string; environment: string; fromEnvironment?: string }) {
  return promotionTitle(record.app, record.tag, record.environment, record.fromEnvironment);
}
