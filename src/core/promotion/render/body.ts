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

export function renderPullRequestBody(record: PromotionRecord, commit: string, links: BodyLinks): string {
  const previous = record.previousTags.length > 0 ? ` (it runs ${record.previousTags.map(code).join(', ')} now)` : '';
  const lines = [
    `Promotes **${inertText(record.app)}** to ${code(record.tag)} in **${inertText(record.environment)}**${previous}.`,
    '',
    renderChangeTable(record.changes),
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
