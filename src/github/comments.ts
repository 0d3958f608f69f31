// The comments this tool keeps on issues and pull requests, each found again by a hidden marker (an HTML
// comment GitHub does not render), so a later run, or a retry whose first answer was lost, updates it in
// place instead of posting another. Two shapes share one way of finding and posting:
//   - a single comment with its marker appended (bump's closing comment);
//   - a report in parts, each starting with `<key> part=N`, split by whole sections below GitHub's
//     65,536-character limit, parts left over from a longer earlier report deleted (validate).
import type { GitHubClient } from './client.js';
import { requestFailure } from './failures.js';

type Repo = { owner: string; repo: string };

export const MAX_COMMENT_LENGTH = 65536;
/** Room kept for the marker, the part heading and the continuation notice. */
const RESERVED = 600;
/** A create whose answer was lost may have been posted: each new try looks for it first. */
const CREATE_ATTEMPTS = 4;

/** The hidden marker that finds a single comment an action posted. */
export function commentMarker(key: string): string {
  return `<!-- gitops-promote:${key.replace(/--|>/g, '')} -->`;
}

function partMarkerPrefix(key: string): string {
  return `<!-- gitops-promote:${key.replace(/-->/g, '')} part=`;
}

interface Listed {
  id: number;
  body: string;
}

async function listComments(client: GitHubClient, repo: Repo, issue: number): Promise<Listed[]> {
  const comments = await client.paginate(client.rest.issues.listComments, {
    ...repo,
    issue_number: issue,
    per_page: 100,
  });
  return comments.map((comment) => ({ id: comment.id, body: comment.body ?? '' }));
}

/**
 * Posts `body` unless a comment that `isIt` recognises is already there. Not retried blindly: GitHub may
 * have posted it and lost the answer, so each retry lists the comments and looks for it first.
 */
async function createOnce(
  client: GitHubClient,
  repo: Repo,
  issue: number,
  body: string,
  isIt: (body: string) => boolean,
): Promise<{ id: number; created: boolean }> {
  for (let attempt = 1; ; attempt++) {
    if (attempt > 1) {
      const found = (await listComments(client, repo, issue)).find((comment) => isIt(comment.body));
      if (found) {
        if (found.body !== body) await client.rest.issues.updateComment({ ...repo, comment_id: found.id, body });
        return { id: found.id, created: false };
      }
    }
    try {
      const { data } = await client.rest.issues.createComment({
        ...repo,
        issue_number: issue,
        body,
        request: { retries: 0 },
      });
      return { id: data.id, created: true };
    } catch (error) {
      const status = requestFailure(error)?.status;
      if (attempt >= CREATE_ATTEMPTS || (status !== undefined && status < 500)) throw error;
    }
  }
}

/** Posts the comment, or updates the one already carrying `marker` (appended to the body): one per marker. */
export async function upsertComment(
  client: GitHubClient,
  repo: Repo,
  issue: number,
  marker: string,
  body: string,
): Promise<void> {
  const text = `${body}\n\n${marker}`;
  const isIt = (candidate: string) => candidate.includes(marker);
  const found = (await listComments(client, repo, issue)).find((comment) => isIt(comment.body));
  if (found) {
    if (found.body !== text) await client.rest.issues.updateComment({ ...repo, comment_id: found.id, body: text });
    return;
  }
  await createOnce(client, repo, issue, text, isIt);
}

export interface ReportComment {
  /** Identifies the report among the pull request's comments, e.g. `validate:dev`. */
  key: string;
  /** Shown at the top of the first part. */
  header: string;
  /** Whole sections (one per resource); never cut unless a single one exceeds the limit. */
  sections: string[];
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
    const marker = `${partMarkerPrefix(report.key)}${index + 1} -->`;
    const head = index === 0 ? report.header : `_Continued (part ${index + 1} of ${parts})._`;
    const notice =
      index < parts - 1 ? `\n\n_The report continues in the next comment (part ${index + 2} of ${parts})._` : '';
    return `${marker}\n${head}\n\n${sections.join('\n\n')}${notice}`;
  });
}

/** The part number a body's leading marker gives, or undefined when the body is not a part of `key`. */
function partOf(key: string, body: string): number | undefined {
  const prefix = partMarkerPrefix(key);
  if (!body.startsWith(prefix)) return undefined;
  const part = Number(/^(\d+) -->/.exec(body.slice(prefix.length))?.[1]);
  return Number.isInteger(part) && part > 0 ? part : undefined;
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
  repo: Repo,
  issue: number,
  report: ReportComment,
): Promise<UpsertResult> {
  const bodies = splitReport(report);
  const existing = (await listComments(client, repo, issue))
    .map((comment) => ({ ...comment, part: partOf(report.key, comment.body) }))
    .filter((comment): comment is Listed & { part: number } => comment.part !== undefined)
    .sort((a, b) => a.part - b.part || a.id - b.id);
  const byPart = new Map<number, number>();
  const duplicates: number[] = [];
  for (const comment of existing) {
    if (byPart.has(comment.part)) duplicates.push(comment.id);
    else byPart.set(comment.part, comment.id);
  }
  const result: UpsertResult = { created: 0, updated: 0, deleted: 0, ids: [] };
  for (const [index, body] of bodies.entries()) {
    const id = byPart.get(index + 1);
    if (id !== undefined) {
      await client.rest.issues.updateComment({ ...repo, comment_id: id, body });
      result.updated++;
      result.ids.push(id);
      continue;
    }
    const posted = await createOnce(
      client,
      repo,
      issue,
      body,
      (candidate) => partOf(report.key, candidate) === index + 1,
    );
    if (posted.created) result.created++;
    else result.updated++;
    result.ids.push(posted.id);
  }
  const leftovers = [...duplicates, ...[...byPart].filter(([part]) => part > bodies.length).map(([, id]) => id)];
  for (const id of leftovers) {
    await client.rest.issues.deleteComment({ ...repo, comment_id: id });
    result.deleted++;
  }
  return result;
}
