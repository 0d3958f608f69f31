// GitHub asks integrations to space content-creating requests; the client does so for GitHub, and not
// for an API on this machine (the local GitHub of the tests and of `npm start`), which has no such limit.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, isLoopback } from '../../src/github/client.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';

let github: LocalGitHub;
before(async () => {
  github = await startLocalGitHub();
  await github.createRepository('acme', 'env', { 'README.md': '# env\n' });
});
after(() => github.stop());

async function threeBlobs(options: { writeIntervalMs?: number }): Promise<number> {
  const client = createGitHubClient({ token: 'any', baseUrl: github.url, ...options });
  const started = Date.now();
  for (const content of ['a', 'b', 'c']) await client.rest.git.createBlob({ owner: 'acme', repo: 'env', content });
  return Date.now() - started;
}

describe('write pacing', () => {
  test('loopback addresses are told apart from GitHub and other hosts', () => {
    for (const url of ['http://127.0.0.1:3000', 'http://127.8.9.10', 'http://localhost:80/api', 'http://[::1]:4000'])
      assert.equal(isLoopback(url), true, url);
    for (const url of [
      'https://api.github.com',
      'https://ghe.example.com/api/v3',
      'http://127.0.0.1.example.com',
      'not a url',
    ])
      assert.equal(isLoopback(url), false, url);
  });

  test('writes to the local GitHub are not spaced by default; an explicit spacing is still kept', async () => {
    assert.ok((await threeBlobs({})) < 900, 'three writes took a second or more: they were spaced');
    assert.ok((await threeBlobs({ writeIntervalMs: 400 })) >= 780, 'an explicit spacing was not kept');
  });
});
