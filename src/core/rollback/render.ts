// The rollback's text for the job summary and the command line: what is rolled back, from what to
// what, why, where the target came from, and the places that change. Every value that did not come
// from us passes core/text.
import { renderChangeTable, type PromotionRecord } from '../promotion/index.js';
import { linkDestination } from '../text/links.js';
import { codeSpan, forLog, inertText } from '../text/untrusted.js';

export interface RollbackView {
  operation: string;
  reason: string;
  app: string;
  environment: string;
  from: readonly string[];
  to: string;
  basis: string;
  why: string;
  pullRequest?: { number: number; url: string } | undefined;
  changes: PromotionRecord['changes'];
  warnings: readonly string[];
}

/** Markdown for the job summary. */
export function renderRollbackSummary(view: RollbackView): string {
  const pull = view.pullRequest ? ` (${pullLink(view.pullRequest)})` : '';
  const from = view.from.length > 0 ? view.from.map((tag) => codeSpan(tag)).join(', ') : '(nothing)';
  const lines = [
    `### Roll back ${inertText(view.app)} in ${inertText(view.environment)}: ${inertText(view.operation)}${pull}`,
    '',
    `From ${from} to ${codeSpan(view.to)}.`,
    '',
    `- Reason: ${view.why === '' ? '(none given)' : inertText(view.why)}`,
    `- Target: ${inertText(view.basis)}`,
    `- Outcome: ${inertText(view.reason)}`,
    '',
  ];
  if (view.changes.length > 0) lines.push(renderChangeTable(view.changes), '');
  for (const warning of view.warnings) lines.push(`> ${inertText(warning)}`, '');
  return lines.join('\n');
}

/** Plain text for the command line: one line per change, then what was (or would be) done. */
export function renderRollbackText(view: RollbackView): string {
  const lines = [
    forLog(`roll back ${view.app} in ${view.environment} from ${view.from.join(', ')} to ${view.to} (${view.basis})`),
    ...view.changes.map((change) =>
      forLog(`${change.file}:${change.line} ${change.path}: ${change.old} -> ${change.new}`),
    ),
    forLog(`${view.operation}: ${view.reason}`),
  ];
  return lines.join('\n');
}

function pullLink(pull: { number: number; url: string }): string {
  const url = linkDestination(pull.url);
  return url === undefined ? `#${pull.number}` : `[#${pull.number}](${url})`;
}
