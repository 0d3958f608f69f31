// The route table: GitHub's path templates (as in its OpenAPI description) mapped to handlers.
import * as deployments from './handlers/deployments.js';
import * as gitData from './handlers/git-data.js';
import { graphql } from './handlers/graphql.js';
import * as issues from './handlers/issues.js';
import * as pulls from './handlers/pulls.js';
import * as repoIssues from './handlers/repo-issues.js';
import * as repos from './handlers/repos.js';
import type { GlobalHandler, Handler } from './http.js';

export type Route =
  | { method: string; template: string; handler: Handler; global?: false; greedy?: string }
  | { method: string; template: string; handler: GlobalHandler; global: true; greedy?: string };

const R = '/repos/{owner}/{repo}';

/** Routes whose last or middle parameter may contain slashes name it in `greedy` (refs, paths, compare ranges). */
export const routes: Route[] = [
  { method: 'POST', template: '/graphql', handler: graphql, global: true },
  { method: 'GET', template: R, handler: repos.getRepository },
  { method: 'POST', template: `${R}/dispatches`, handler: repos.createDispatch },
  { method: 'GET', template: `${R}/contents/{path}`, handler: repos.getContents, greedy: 'path' },
  { method: 'GET', template: `${R}/tags`, handler: repos.listTags },
  { method: 'GET', template: `${R}/compare/{basehead}`, handler: repos.compareCommits, greedy: 'basehead' },
  { method: 'GET', template: `${R}/commits`, handler: repos.listCommits },
  { method: 'GET', template: `${R}/commits/{ref}/status`, handler: deployments.getCombinedStatus, greedy: 'ref' },
  { method: 'GET', template: `${R}/commits/{ref}`, handler: repos.getRestCommit, greedy: 'ref' },
  { method: 'POST', template: `${R}/statuses/{sha}`, handler: deployments.createCommitStatus },
  { method: 'GET', template: `${R}/git/ref/{ref}`, handler: gitData.getRef, greedy: 'ref' },
  { method: 'GET', template: `${R}/git/matching-refs/{ref}`, handler: gitData.matchingRefs, greedy: 'ref' },
  { method: 'POST', template: `${R}/git/refs`, handler: gitData.createRef },
  { method: 'PATCH', template: `${R}/git/refs/{ref}`, handler: gitData.updateRef, greedy: 'ref' },
  { method: 'DELETE', template: `${R}/git/refs/{ref}`, handler: gitData.deleteRef, greedy: 'ref' },
  { method: 'POST', template: `${R}/git/blobs`, handler: gitData.createBlob },
  { method: 'GET', template: `${R}/git/blobs/{file_sha}`, handler: gitData.getBlob },
  { method: 'POST', template: `${R}/git/trees`, handler: gitData.createTree },
  { method: 'GET', template: `${R}/git/trees/{tree_sha}`, handler: gitData.getTree, greedy: 'tree_sha' },
  { method: 'POST', template: `${R}/git/commits`, handler: gitData.createCommit },
  { method: 'GET', template: `${R}/git/commits/{commit_sha}`, handler: gitData.getCommit },
  { method: 'GET', template: `${R}/pulls`, handler: pulls.listPulls },
  { method: 'POST', template: `${R}/pulls`, handler: pulls.createPull },
  { method: 'GET', template: `${R}/pulls/{pull_number}`, handler: pulls.getPull },
  { method: 'PATCH', template: `${R}/pulls/{pull_number}`, handler: pulls.updatePull },
  { method: 'GET', template: `${R}/pulls/{pull_number}/files`, handler: pulls.listPullFiles },
  { method: 'PUT', template: `${R}/pulls/{pull_number}/merge`, handler: pulls.mergePull },
  { method: 'POST', template: `${R}/pulls/{pull_number}/requested_reviewers`, handler: pulls.requestReviewers },
  { method: 'GET', template: `${R}/issues`, handler: repoIssues.listIssues },
  { method: 'POST', template: `${R}/issues`, handler: repoIssues.createIssue },
  { method: 'GET', template: `${R}/issues/{issue_number}`, handler: repoIssues.getIssue },
  { method: 'PATCH', template: `${R}/issues/{issue_number}`, handler: repoIssues.updateIssue },
  { method: 'GET', template: `${R}/issues/{issue_number}/labels`, handler: issues.listLabels },
  { method: 'POST', template: `${R}/issues/{issue_number}/labels`, handler: issues.addLabels },
  { method: 'PUT', template: `${R}/issues/{issue_number}/labels`, handler: issues.setLabels },
  { method: 'DELETE', template: `${R}/issues/{issue_number}/labels/{name}`, handler: issues.removeLabel },
  { method: 'GET', template: `${R}/issues/{issue_number}/comments`, handler: issues.listComments },
  { method: 'POST', template: `${R}/issues/{issue_number}/comments`, handler: issues.createComment },
  { method: 'PATCH', template: `${R}/issues/comments/{comment_id}`, handler: issues.updateComment },
  { method: 'DELETE', template: `${R}/issues/comments/{comment_id}`, handler: issues.deleteComment },
  { method: 'GET', template: `${R}/deployments`, handler: deployments.listDeployments },
  { method: 'POST', template: `${R}/deployments`, handler: deployments.createDeployment },
  { method: 'GET', template: `${R}/deployments/{deployment_id}`, handler: deployments.getDeployment },
  { method: 'GET', template: `${R}/deployments/{deployment_id}/statuses`, handler: deployments.listDeploymentStatuses },
  {
    method: 'POST',
    template: `${R}/deployments/{deployment_id}/statuses`,
    handler: deployments.createDeploymentStatus,
  },
];

export interface Match {
  route: Route;
  params: Record<string, string>;
}

function decode(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}

function matchTemplate(route: Route, segments: string[]): Record<string, string> | undefined {
  const parts = route.template.split('/').slice(1);
  const greedyAt = route.greedy === undefined ? -1 : parts.indexOf(`{${route.greedy}}`);
  const fixed = greedyAt === -1 ? parts.length : parts.length - 1;
  if (greedyAt === -1 ? segments.length !== parts.length : segments.length < fixed + 1) return undefined;
  const params: Record<string, string> = {};
  const bind = (part: string, value: string | undefined): boolean => {
    if (value === undefined) return false;
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined) return part === value;
    if (value === '') return false;
    params[name] = value;
    return true;
  };
  const tail = greedyAt === -1 ? 0 : parts.length - greedyAt - 1;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] ?? '';
    if (i === greedyAt) {
      const middle = segments.slice(i, segments.length - tail).map(decode);
      if (middle.some((value) => value === undefined)) return undefined;
      if (!bind(part, middle.join('/'))) return undefined;
    } else {
      const index = greedyAt !== -1 && i > greedyAt ? segments.length - (parts.length - i) : i;
      if (!bind(part, decode(segments[index] ?? ''))) return undefined;
    }
  }
  return params;
}

/** The route for a method and path; routes with fixed trailing segments are listed before greedy ones. */
export function findRoute(method: string, pathname: string): Match | undefined {
  const segments = pathname.replace(/\/+$/, '').split('/').slice(1);
  for (const route of routes) {
    if (route.method !== method) continue;
    const params = matchTemplate(route, segments);
    if (params) return { route, params };
  }
  return undefined;
}
