// The pull request's text: the change table (also shown in the job summary) and the body, which
// ends with the record.
import { recordJson, RECORD_MARKER, type PromotionRecord } from '../record.js';
import { commitUrl, compareBases, compareUrl } from './links.js';
import { codeSpan as code } from './markdown.js';

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
    `Promotes **${record.app}** to ${code(record.tag)} in **${record.environment}**${previous}.`,
    '',
    renderChangeTable(record.changes),
    '',
  ];
  const source = record.source;
  if (source) {
    const { serverUrl } = links;
    lines.push(
      `- Source: [${source.repository}@${source.sha.slice(0, 12)}](${commitUrl(serverUrl, source.repository, source.sha)}) (${code(source.ref)}), [build run](${source.runUrl})`,
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
