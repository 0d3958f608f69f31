// The pull request's text: the change table (also shown in the job summary) and the body, which
// ends with the record.
import { recordJson, RECORD_MARKER, type PromotionRecord } from '../record.js';
import { codeSpan, inertSha, inertText } from '../../text/untrusted.js';
import { commitUrl, compareBases, compareUrl, sourceLinks } from './links.js';

// A code span that no value can break out of: pipes would split the table, newlines the row.
function code(value: string): string {
  return codeSpan(value, { inTable: true });
}

export interface BodyLinks {
  /** `https://github.com` or the GitHub Enterprise host the source repository lives on. */
  serverUrl: string;
}

/** The table shown in the PR and the job summary. */
export function renderChangeTable(changes: PromotionRecord['changes']): string {
  const rows = changes.map(
    (change) =>
      `| ${code(change.file)} (line ${change.line}) | ${code(change.path)} | ${code(change.old)} | ${code(change.new)} |`,
  );
  return ['| File | Path | Old | New |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

/** GitHub refuses a pull request body longer than this (422). */
export const PULL_BODY_LIMIT = 65_536;
// The table is cut to keep the whole body under this, leaving room for the lines around it.
const BODY_BUDGET = 60_000;

/**
 * The body; past BODY_BUDGET characters the change table keeps the rows that fit and says how many
 * more places change (the job summary has the full table). The record block is never cut.
 */
export function renderPullRequestBody(record: PromotionRecord, commit: string, links: BodyLinks): string {
  const full = renderBody(record, commit, links, renderChangeTable(record.changes));
  if (length(full) <= BODY_BUDGET) return full;
  const bare = renderBody(record, commit, links, '');
  const table = renderChangeTable(record.changes).split('\n');
  const kept = table.slice(0, 2);
  let room = BODY_BUDGET - length(bare) - 200;
  for (const row of table.slice(2)) {
    room -= length(row) + 1;
    if (room < 0) break;
    kept.push(row);
  }
  const more = record.changes.length - (kept.length - 2);
  kept.push(`| … and ${more} more places (the run's job summary lists every change) | | | |`);
  return renderBody(record, commit, links, kept.join('\n'));
}

function length(text: string): number {
  return [...text].length;
}

function renderBody(record: PromotionRecord, commit: string, links: BodyLinks, table: string): string {
  const previous = record.previousTags.length > 0 ? ` (it runs ${record.previousTags.map(code).join(', ')} now)` : '';
  const from =
    record.fromEnvironment === undefined ? '' : `, the image healthy in **${inertText(record.fromEnvironment)}**`;
  const lines = [
    `Promotes **${inertText(record.app)}** to ${code(record.tag)} in **${inertText(record.environment)}**${from}${previous}.`,
    '',
    table,
    '',
  ];
  const source = record.source;
  if (source) {
    // Every link is built from validated parts; the build run is linked only when it is a run of the source repository.
    const { serverUrl } = links;
    const runLink = sourceLinks(record, links)?.runUrl;
    const run = runLink === undefined ? `build run ${code(source.runUrl)}` : `[build run](${runLink})`;
    lines.push(
      `- Source: [${inertText(source.repository)}@${inertSha(source.sha.slice(0, 12))}](${commitUrl(serverUrl, source.repository, source.sha)}) (${code(source.ref)}), ${run}`,
    );
    for (const from of compareBases(record)) {
      lines.push(
        `- Changes since ${code(from)}: [compare](${compareUrl(serverUrl, source.repository, from, source.sha)})`,
      );
    }
  }
  if (record.dispatchId) lines.push(`- Dispatch: ${code(record.dispatchId)}`);
  lines.push(
    `- Base: ${code(record.base.slice(0, 12))}`,
    '',
    `<!-- ${RECORD_MARKER} ${commit} ${recordJson(record)} -->`,
    '',
  );
  return lines.join('\n');
}
