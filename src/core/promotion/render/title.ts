import { withoutAutolinks } from '../../text/untrusted.js';

/**
 * The pull request's title and the first line of its commit: one wording wherever it is shown.
 * GitHub links references in both (a tag cut from a branch `gh-123-fix` would link issue 123), so
 * whatever could be read as one is broken by an invisible word joiner.
 */
export function promotionTitle(app: string, tag: string, environment: string): string {
  return withoutAutolinks(`Promote ${app} to ${tag} in ${environment}`);
}
