import { withoutAutolinks } from '../../text/untrusted.js';

/**
 * The pull request's title and the first line of its commit: one wording wherever it is shown.
 * GitHub links references in both (a tag cut from a branch `gh-123-fix` would link issue 123), so
 * whatever could be read as one is broken by an invisible word joiner.
 */
export function promotionTitle(app: string, tag: string, environment: string, intent?: 'forward' | 'rollback'): string {
  const verb = intent === 'rollback' ? 'Roll back' : 'Promote';
  return withoutAutolinks(`${verb} ${app} to ${tag} in ${environment}`);
}

/** The title that describes what a branch's record carries (a rollback says so). */
export function recordTitle(record: { app: string; tag: string; environment: string; intent?: 'rollback' }): string {
  return promotionTitle(record.app, record.tag, record.environment, record.intent);
}
