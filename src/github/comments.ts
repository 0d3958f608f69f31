// One report comment per pull request and purpose, updated in place on every run: its parts carry a
// hidden marker, the report is split by whole sections below GitHub's 65,536-character limit, and
// parts left over from a longer earlier report are deleted.
import type { GitHubClient } from './client.js';

export const MAX_COMMENT_LENGTH = 65536;
/** Room kept for the marker, the part heading and the continuation notice. */
const RESERVED = 600;

export interface ReportComment {
  /** Identifies the report among the pull request's comments, e.g. `validate:dev`. */
  key: string;
  /** Shown at the top of the first part. */
  header: string;
  /** Whole sections (one per resource); never cut unless a single one exceeds the limit. */
  sections: string[];
}

function markerPrefix(key: string): string {
  return `<!-- gitops-promote:${key.replace(/-->/g, '')} part=`;
}

/** Splits the report into comment bodies, each below the limit. */
export function splitReport(report: ReportComment, limit = MAX_COMMENT_LENGTH): string[] {
  const budget = limit - RESERVED;
  const groups: string[][] = [[]];
  let used = report.header.length;
  for (const raw of report.sections) {
    const section =
      raw.length > budget ? `${raw.slice(0, budget - 80)}\n\n_(this section was cut at GitHub's comment limit)_` : raw;
    const current = groups[groups.length - 1]!;
    if (current.length > 0 && used + section.length + 2 > budget) {
      groups.push([section]);
      used = section.length;
    } else {
      current.push(section);
      used += section.length + 2;
    }
  }
  return groups.map((sections, index) => {
    const parts = groups.length;
    const marker = `${markerPrefix(report.key)}${index + 1} -->`;
    const head = index === 0 ? report.header : `_Continued (part ${index + 1} of ${parts})._`;
    const notice =
      index < parts - 1 ? `\n\n_The report continues in the next comment (part ${index + 2} of ${parts})._` : '';
    return `${marker}\n${head}\n\n${sections.join('\n\n')}${notice}`;
  });
}

interface ExistingPart {
  id: number;
  part: number;
}

async function findParts(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  key: string,
): Promise<ExistingPart[]> {
  const prefix = markerPrefix(key);
  const comments = await client.paginate(client.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100,
  });
  const parts: ExistingPart[] = [];
  for (const comment of comments) {
    const body = comment.body ?? '';
    if (!body.startsWith(prefix)) continue;
    const part = Number(/^(\d+)/.exec(body.slice(prefix.length))?.[1]);
    if (Number.isInteger(part) && part > 0) parts.push({ id: comment.id, part });
  }
  return parts.sort((a, b) => a.part - b.part || a.id - b.id);
}

export interface UpsertResult {
  created: number;
  updated: number;
  deleted: number;
  /** The comment ids of the report's parts, in order. */
  ids: number[];
}

/** Creates, updates in place and deletes comments so that the pull request shows exactly this report. */
export async function upsertReportComment(
  client: GitHubClient,
  repo: { owner: string; repo: string },
  issue: number,
  report: ReportComment,
): Promise<UpsertResult> {
  const bodies = splitReport(report);
  const existing = await findParts(client, repo, issue, report.key);
  const byPart = new Map<number, number>();
  const duplicates: number[] = [];
  for (const part of existing) {
    if (byPart.has(part.part)) duplicates.push(part.id);
    else byPart.set(part.part, part.id);
  }
  const result: UpsertResult = { created: 0, updated: 0, deleted: 0, ids: [] };
  for (const [index, body] of bodies.entries()) {
    const id = byPart.get(index + 1);
    if (id !== undefined) {
      await client.rest.issues.updateComment({ ...repo, comment_id: id, body });
      result.updated++;
      result.ids.push(id);
    } else {
      const created = await client.rest.issues.createComment({ ...repo, issue_number: issue, body });
      result.created++;
      result.ids.push(created.data.id);
    }
  }
  const leftovers = [...duplicates, ...[...byPart].filter(([part]) => part > bodies.length).map(([, id]) => id)];
  for (const id of leftovers) {
    await client.rest.issues.deleteComment({ ...repo, comment_id: id });
    result.deleted++;
  }
  return result;
}
