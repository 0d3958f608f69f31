// The status matrix as Markdown (the job summary and the pinned issue) and as plain text (the command
// line). Tags, names and URLs come from manifests, the config and GitHub's answers: every one passes
// core/text before it is shown.
import { linkDestination } from '../text/links.js';
import { codeSpan, forLog, inertText } from '../text/untrusted.js';
import type { StatusCell, StatusMatrix } from './matrix.js';

/** The hidden marker that finds the pinned status issue again (its body ends with it). */
export const STATUS_ISSUE_MARKER = '<!-- gitops-promote:status -->';
export const STATUS_ISSUE_TITLE = 'gitops-promote: what runs where';

const code = (text: string) => codeSpan(text, { inTable: true });
// Inside a table cell a pipe ends the cell, even escaped text must not carry one.
const cellText = (text: string) => inertText(text);

function link(text: string, url: string | undefined): string {
  const destination = url === undefined ? undefined : linkDestination(url);
  return destination === undefined ? text : `[${text}](${destination})`;
}

function when(at: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(at) ? `${at.slice(0, 10)} ${at.slice(11, 16)} UTC` : at;
}

function markdownCell(cell: StatusCell): string {
  const parts: string[] = [];
  if (cell.error !== undefined) parts.push(`unreadable: ${cellText(cell.error)}`);
  else parts.push(cell.tags.length === 0 ? '(not deployed)' : cell.tags.map(code).join(', '));
  if (cell.pullRequest) {
    const pull = cell.pullRequest;
    const verb = pull.kind === 'rollback' ? 'rollback' : 'PR';
    parts.push(`${verb} ${link(`#${pull.number}`, pull.url)}${pull.tag === undefined ? '' : ` → ${code(pull.tag)}`}`);
  }
  if (cell.deployment) {
    const deployment = cell.deployment;
    parts.push(`${link(cellText(deployment.state), deployment.url)} ${cellText(when(deployment.at))}`);
  }
  if (cell.behind) parts.push(`**behind** ${cellText(cell.behind.from)} (${code(cell.behind.tag)})`);
  return parts.join('<br>');
}

/** The table: one row per app, one column per environment, in promotion order. */
export function renderStatusMarkdown(matrix: StatusMatrix, heading = '### What runs where'): string {
  const names = matrix.environments.map((environment) => environment.name);
  const header = `| App | ${names.map((name) => cellText(name)).join(' | ')} |`;
  const rule = `| --- | ${names.map(() => '---').join(' | ')} |`;
  const rows = matrix.apps.map((app) => {
    const cells = names.map((environment) =>
      markdownCell(matrix.cells.find((cell) => cell.app === app && cell.environment === environment)!),
    );
    return `| ${cellText(app)} | ${cells.join(' | ')} |`;
  });
  const lines = [heading, '', header, rule, ...rows, ''];
  const flows = matrix.environments
    .filter((environment) => environment.from !== undefined)
    .map((environment) => `${cellText(environment.from!)} → ${cellText(environment.name)}`);
  if (flows.length > 0) lines.push(`Promotion: ${flows.join(', ')}.`, '');
  if (matrix.behind.length === 0) lines.push('No environment is behind the one it is promoted from.', '');
  else {
    lines.push('Behind:', '');
    for (const entry of matrix.behind) {
      const runs = entry.runs.length === 0 ? 'nothing' : entry.runs.map((tag) => codeSpan(tag)).join(', ');
      lines.push(
        `- ${inertText(entry.app)} in **${inertText(entry.environment)}** runs ${runs}; ` +
          `**${inertText(entry.from)}** runs ${codeSpan(entry.available)}`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}

/** The pinned issue's body: the table, when it was read, and the marker that finds it again. */
export function renderStatusIssueBody(matrix: StatusMatrix, updatedAt: string, runUrl?: string): string {
  const run = runUrl === undefined ? '' : ` by ${link('this run', runUrl)}`;
  return [
    renderStatusMarkdown(matrix, '## What runs where'),
    `Updated ${inertText(when(updatedAt))}${run}. This issue is rewritten by gitops-promote status; edits are lost.`,
    '',
    STATUS_ISSUE_MARKER,
    '',
  ].join('\n');
}

/** Plain text for the command line: one line per (app, environment), columns aligned. */
export function renderStatusText(matrix: StatusMatrix): string {
  const rows = [['APP', 'ENVIRONMENT', 'TAG', 'PULL REQUEST', 'DEPLOYMENT', 'BEHIND']];
  for (const cell of matrix.cells) {
    const pull = cell.pullRequest;
    rows.push([
      cell.app,
      cell.environment,
      cell.error !== undefined ? `(unreadable: ${cell.error})` : cell.tags.join(',') || '-',
      pull ? `#${pull.number}${pull.kind === 'rollback' ? ' rollback' : ''}${pull.tag ? ` -> ${pull.tag}` : ''}` : '-',
      cell.deployment ? `${cell.deployment.state} ${when(cell.deployment.at)}` : '-',
      cell.behind ? `behind ${cell.behind.from} (${cell.behind.tag})` : '-',
    ]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows
    .map((row) =>
      forLog(
        row
          .map((value, column) => value.padEnd(widths[column]!))
          .join('  ')
          .trimEnd(),
      ),
    )
    .join('\n');
}
