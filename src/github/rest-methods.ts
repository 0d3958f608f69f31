// The REST methods this suite calls (`client.rest.<scope>.<method>`), made as
// @octokit/plugin-rest-endpoint-methods makes them: octokit.request with the method's route as its
// defaults, each made at its first use. That plugin carries all of GitHub's REST endpoints (about a
// thousand) in one table that it walks into a map as it is evaluated: about 2 ms of every start, before
// the first request, for the 36 methods used here (src/, and tools/ and test/ on the same client). The types are the plugin's, narrowed to the
// methods listed here, so a call to one that is not listed does not compile; test/unit/rest-methods.test.ts
// holds every route to the plugin's own table and every call in src/ to this list.
import type { Octokit } from '@octokit/core';
import type { Api } from '@octokit/plugin-rest-endpoint-methods';

export const REST_ROUTES = {
  git: {
    createBlob: 'POST /repos/{owner}/{repo}/git/blobs',
    createCommit: 'POST /repos/{owner}/{repo}/git/commits',
    createRef: 'POST /repos/{owner}/{repo}/git/refs',
    createTree: 'POST /repos/{owner}/{repo}/git/trees',
    getBlob: 'GET /repos/{owner}/{repo}/git/blobs/{file_sha}',
    getCommit: 'GET /repos/{owner}/{repo}/git/commits/{commit_sha}',
    getRef: 'GET /repos/{owner}/{repo}/git/ref/{ref}',
    getTree: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
    updateRef: 'PATCH /repos/{owner}/{repo}/git/refs/{ref}',
  },
  issues: {
    addLabels: 'POST /repos/{owner}/{repo}/issues/{issue_number}/labels',
    create: 'POST /repos/{owner}/{repo}/issues',
    createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
    deleteComment: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
    listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
    listForRepo: 'GET /repos/{owner}/{repo}/issues',
    update: 'PATCH /repos/{owner}/{repo}/issues/{issue_number}',
    updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
  },
  pulls: {
    create: 'POST /repos/{owner}/{repo}/pulls',
    get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
    list: 'GET /repos/{owner}/{repo}/pulls',
    merge: 'PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge',
    requestReviewers: 'POST /repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers',
    update: 'PATCH /repos/{owner}/{repo}/pulls/{pull_number}',
  },
  repos: {
    compareCommitsWithBasehead: 'GET /repos/{owner}/{repo}/compare/{basehead}',
    createCommitStatus: 'POST /repos/{owner}/{repo}/statuses/{sha}',
    createDeployment: 'POST /repos/{owner}/{repo}/deployments',
    createDeploymentStatus: 'POST /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    createDispatchEvent: 'POST /repos/{owner}/{repo}/dispatches',
    get: 'GET /repos/{owner}/{repo}',
    getDeployment: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}',
    getCombinedStatusForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/status',
    getContent: 'GET /repos/{owner}/{repo}/contents/{path}',
    listCommits: 'GET /repos/{owner}/{repo}/commits',
    listDeploymentStatuses: 'GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
    listDeployments: 'GET /repos/{owner}/{repo}/deployments',
    listTags: 'GET /repos/{owner}/{repo}/tags',
  },
} as const;

type Routes = typeof REST_ROUTES;
type Rest = Api['rest'];

/** `client.rest`: the listed methods of each scope, typed as the plugin types them. */
export type RestMethods = { [S in keyof Routes & keyof Rest]: Pick<Rest[S], keyof Routes[S] & keyof Rest[S]> };

/** The Octokit plugin: adds `rest`, whose methods are made on first use and then kept. */
export function restMethods(octokit: Octokit): { rest: RestMethods } {
  const rest: Record<string, object> = {};
  for (const [scope, methods] of Object.entries(REST_ROUTES)) {
    const object = {};
    for (const [name, route] of Object.entries(methods)) {
      Object.defineProperty(object, name, {
        configurable: true,
        enumerable: true,
        get() {
          const [method, url] = route.split(' ');
          const value = octokit.request.defaults({ method, url });
          Object.defineProperty(object, name, { value, configurable: true, enumerable: true, writable: true });
          return value;
        },
      });
    }
    rest[scope] = object;
  }
  return { rest: rest as RestMethods };
}
