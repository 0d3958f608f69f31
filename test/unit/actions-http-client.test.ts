// The bundles' stand-in for @actions/http-client (src/bundle/actions-http-client.ts) loads the real
// client at the first request and forwards to it: what core.getIDToken and @actions/tool-cache do
// with it (construct with handlers and options, then getJson / get) works as with the real one.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import { BearerCredentialHandler } from '@actions/http-client/lib/auth';
import { HttpClient } from '../../src/bundle/actions-http-client.js';

const seen: IncomingHttpHeaders[] = [];
const server = createServer((request, response) => {
  seen.push(request.headers);
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify({ value: 'id-token', path: request.url }));
});
let url = '';

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => server.close());

test('getJson as the OIDC client calls it: the handler authorizes, the body is parsed', async () => {
  const client = new HttpClient('actions/oidc-client', [new BearerCredentialHandler('request-token')], {
    allowRetries: true,
    maxRetries: 10,
  });
  const response = await client.getJson<{ value: string }>(`${url}/token?audience=x`);
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.result, { value: 'id-token', path: '/token?audience=x' });
  assert.equal(seen.at(-1)?.authorization, 'Bearer request-token');
  assert.equal(seen.at(-1)?.['user-agent'], 'actions/oidc-client');
  client.dispose();
});

test('get as the tool cache calls it: the raw response streams its body', async () => {
  const client = new HttpClient('tool-cache', [], { allowRetries: false });
  const response = await client.get(`${url}/kubectl`);
  assert.equal(response.message.statusCode, 200);
  assert.match(await response.readBody(), /"path":"\/kubectl"/);
});
