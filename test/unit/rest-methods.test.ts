// The REST methods of the suite's GitHub client (src/github/rest-methods.ts) stand in for
// @octokit/plugin-rest-endpoint-methods, which @octokit/rest builds in. These hold each one to the
// plugin's own table and to what @octokit/rest makes of the same call, and the list to what is called.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { Octokit } from '@octokit/rest';
import { createGitHubClient } from '../../src/github/client.js';
import { REST_ROUTES } from '../../src/github/rest-methods.js';

type Methods = Record<string, Record<string, { endpoint: (parameters: object) => object }>>;

const root = new URL('../..', import.meta.url).pathname;
const listed = Object.entries(REST_ROUTES).flatMap(([scope, methods]) =>
  Object.entries(methods).map(([method, route]) => ({ scope, method, route: route as string })),
);

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

/** What goes on the wire: method, URL, headers (but the user agent, which names the client) and body. */
function wire(options: object) {
  const { method, url, body, headers } = options as {
    method: string;
    url: string;
    body?: unknown;
    headers: Record<string, string>;
  };
  const { 'user-agent': _agent, ...rest } = headers;
  return { method, url, body, headers: rest };
}

describe('the REST methods of the GitHub client', () => {
  test("each route is the plugin's, which gives it no defaults nor decorations", async () => {
    // The plugin's generated table, by its path (it is not among the package's exports).
    const path = join(root, 'node_modules/@octokit/plugin-rest-endpoint-methods/dist-src/generated/endpoints.js');
    const { default: table } = (await import(path)) as { default: Record<string, Record<string, unknown[]>> };
    for (const { scope, method, route } of listed) {
      assert.deepEqual(table[scope]?.[method], [route], `${scope}.${method}`);
    }
  });

  test('each method builds the request @octokit/rest builds for the same call', () => {
    const ours = createGitHubClient({ token: 'ghs_x', baseUrl: 'https://github.example/api/v3' });
    const theirs = new Octokit({ auth: 'ghs_x', baseUrl: 'https://github.example/api/v3' });
    const parameters = {
      owner: 'acme',
      repo: 'env',
      ref: 'heads/main',
      sha: 'abc',
      path: 'releases/dev/app.yaml',
      issue_number: 7,
      pull_number: 7,
      comment_id: 9,
      deployment_id: 11,
      commit_sha: 'c1',
      tree_sha: 't1',
      file_sha: 'f1',
      basehead: 'a...b',
      per_page: 100,
      title: 'a title',
    };
    for (const { scope, method } of listed) {
      const mine = (ours.rest as unknown as Methods)[scope]![method]!;
      const real = (theirs.rest as unknown as Methods)[scope]![method]!;
      assert.deepEqual(wire(mine.endpoint(parameters)), wire(real.endpoint(parameters)), `${scope}.${method}`);
    }
  });

  test('a method is made once, at its first use, and each scope lists its methods', () => {
    const client = createGitHubClient({ token: 'ghs_x' });
    const first = client.rest.repos.get;
    assert.equal(client.rest.repos.get, first);
    assert.deepEqual(Object.keys(client.rest.git).sort(), Object.keys(REST_ROUTES.git).sort());
  });

  test('every listed method is called somewhere, and every method src/ and tools/ call is listed', () => {
    const calls = (dirs: string[]) =>
      new Set(
        [
          ...dirs
            .flatMap(sources)
            .join('\n')
            .matchAll(/\.rest\.([a-zA-Z]+)\.([a-zA-Z]+)/g),
        ].map((match) => `${match[1]}.${match[2]}`),
      );
    const names = new Set(listed.map(({ scope, method }) => `${scope}.${method}`));
    // Tests also call @octokit/rest's own client, with any method; on ours the compiler checks them.
    const anywhere = calls(['src', 'tools', 'test']);
    for (const name of names) assert.ok(anywhere.has(name), `${name} is listed but nothing calls it`);
    for (const name of calls(['src', 'tools'])) assert.ok(names.has(name), `${name} is called but not listed`);
  });
});
