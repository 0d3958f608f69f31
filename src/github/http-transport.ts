// Octokit's transport on node:http and node:https instead of Node's global fetch. The global fetch is
// undici, which Node compiles and evaluates on the first call: 25 to 35 ms of a step's cold start
// before its first request, more than bare node takes to start at all. This speaks the part of the
// fetch contract that @octokit/request uses (status, url, headers, text, arrayBuffer, a streamed body,
// redirects, AbortSignal) and fails the way fetch fails (a TypeError "fetch failed" with the cause;
// the abort reason on abort), so octokit's retry and error handling see what they saw before.
// With a proxy configured the client keeps Node's fetch (see client.ts), which honours it.
import {
  request as httpRequest,
  type IncomingHttpHeaders,
  type IncomingMessage,
  type OutgoingHttpHeaders,
} from 'node:http';
import type { Readable } from 'node:stream';

export type RedirectMode = 'follow' | 'manual' | 'error';
export type TransportBody = string | ArrayBuffer | ArrayBufferView | AsyncIterable<Uint8Array> | null | undefined;

export interface TransportInit {
  method?: string;
  headers?: Record<string, string> | Iterable<readonly [string, string]>;
  body?: TransportBody;
  redirect?: RedirectMode;
  signal?: AbortSignal | null;
}

/** The response headers, read as a fetch Headers is: names in lower case, repeated values joined. */
export class TransportHeaders implements Iterable<[string, string]> {
  readonly #values = new Map<string, string>();

  constructor(raw: readonly string[] = []) {
    for (let index = 0; index + 1 < raw.length; index += 2) {
      const name = raw[index]!.toLowerCase();
      const value = raw[index + 1]!;
      const previous = this.#values.get(name);
      this.#values.set(name, previous === undefined ? value : `${previous}, ${value}`);
    }
  }

  get(name: string): string | null {
    return this.#values.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.#values.has(name.toLowerCase());
  }

  forEach(callback: (value: string, name: string) => void): void {
    for (const [name, value] of this) callback(value, name);
  }

  *entries(): IterableIterator<[string, string]> {
    // Sorted by name, as a fetch Headers iterates.
    for (const name of [...this.#values.keys()].sort()) yield [name, this.#values.get(name)!];
  }

  keys(): IterableIterator<string> {
    return [...this.entries()].map(([name]) => name)[Symbol.iterator]();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.entries();
  }
}

interface ResponseParts {
  status: number;
  statusText: string;
  rawHeaders: readonly string[];
  url: string;
  redirected: boolean;
  /** The body; none for HEAD, 204, 205 and 304. */
  stream: Readable | undefined;
  signal: AbortSignal | undefined;
}

export class TransportResponse {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly headers: TransportHeaders;
  readonly url: string;
  readonly redirected: boolean;
  readonly type = 'basic';
  readonly #stream: Readable | undefined;
  readonly #signal: AbortSignal | undefined;
  #used = false;

  constructor(parts: ResponseParts) {
    this.status = parts.status;
    this.statusText = parts.statusText;
    this.ok = parts.status >= 200 && parts.status <= 299;
    this.headers = new TransportHeaders(parts.rawHeaders);
    this.url = parts.url;
    this.redirected = parts.redirected;
    this.#stream = parts.stream;
    this.#signal = parts.signal;
  }

  get bodyUsed(): boolean {
    return this.#used;
  }

  /** The body as a web ReadableStream (null for a response without one), as fetch gives it. */
  get body(): ReadableStream<Uint8Array> | null {
    if (this.#stream === undefined) return null;
    this.#used = true;
    return toWebStream(this.#stream);
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = await this.#bytes();
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }

  async text(): Promise<string> {
    return new TextDecoder().decode(await this.#bytes());
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text()) as unknown;
  }

  async #bytes(): Promise<Buffer> {
    if (this.#used) throw new TypeError('Body is unusable: Body has already been read');
    this.#used = true;
    if (this.#stream === undefined) return Buffer.alloc(0);
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of this.#stream) chunks.push(chunk as Buffer);
    } catch (error) {
      // As fetch: the abort reason when aborted, else "terminated" with what broke the body.
      throw this.#signal?.aborted ? abortReason(this.#signal) : new TypeError('terminated', { cause: error });
    }
    return Buffer.concat(chunks);
  }
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 20;
// Dropped when a redirect leaves the origin, as fetch drops them: the token is GitHub's alone.
const ORIGIN_BOUND_HEADERS = ['authorization', 'proxy-authorization', 'cookie', 'host'];
// Dropped with the body when a redirect turns the request into a GET.
const BODY_HEADERS = ['content-type', 'content-length', 'content-encoding', 'content-language', 'content-location'];

/** A fetch for octokit (`new Octokit({ request: { fetch: httpFetch } })`) over node:http and node:https. */
export async function httpFetch(input: string | URL, init: TransportInit = {}): Promise<TransportResponse> {
  const signal = init.signal ?? undefined;
  let url = parseUrl(String(input));
  let method = (init.method ?? 'GET').toUpperCase();
  const headers = requestHeaders(init.headers);
  let body = await requestBody(init.body, headers);
  for (let redirects = 0; ; redirects++) {
    const response = await send(url, method, headers, body, signal);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (!REDIRECTS.has(status) || location === undefined || init.redirect === 'manual') {
      return respond(response, url, method, redirects > 0, signal);
    }
    response.resume();
    if (init.redirect === 'error') throw fetchFailed(new Error(`unexpected redirect (${status}) to ${location}`));
    if (redirects >= MAX_REDIRECTS) throw fetchFailed(new Error('redirect count exceeded'));
    const next = parseUrl(location, url);
    if ((status === 303 && method !== 'HEAD') || ((status === 301 || status === 302) && method === 'POST')) {
      method = 'GET';
      body = undefined;
      for (const name of BODY_HEADERS) delete headers[name];
    } else if (body !== undefined && typeof body !== 'string' && !Buffer.isBuffer(body)) {
      // A streamed body was sent once and cannot be sent again, which fetch refuses the same way.
      throw fetchFailed(new Error(`a streamed request body cannot follow a ${status} redirect`));
    }
    if (next.origin !== url.origin) for (const name of ORIGIN_BOUND_HEADERS) delete headers[name];
    url = next;
  }
}

function parseUrl(text: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(text, base);
  } catch (error) {
    throw new TypeError(`Failed to parse URL from ${text}`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw fetchFailed(new Error('unknown scheme'));
  return url;
}

function requestHeaders(given: TransportInit['headers']): Record<string, string> {
  const headers: Record<string, string> = {};
  const entries = given === undefined ? [] : Symbol.iterator in given ? given : Object.entries(given);
  for (const [name, value] of entries as Iterable<readonly [string, string]>)
    headers[name.toLowerCase()] = String(value);
  headers.accept ??= '*/*';
  headers['accept-encoding'] ??= 'gzip, deflate, br';
  return headers;
}

type SendBody = string | Buffer | AsyncIterable<Uint8Array> | undefined;

async function requestBody(body: TransportBody, headers: Record<string, string>): Promise<SendBody> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') {
    headers['content-type'] ??= 'text/plain;charset=UTF-8';
    headers['content-length'] = String(Buffer.byteLength(body));
    return body;
  }
  if (body instanceof ArrayBuffer || ArrayBuffer.isView(body)) {
    const bytes =
      body instanceof ArrayBuffer ? Buffer.from(body) : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
    headers['content-length'] = String(bytes.byteLength);
    return bytes;
  }
  if (Symbol.asyncIterator in body) return body;
  throw new TypeError('httpFetch: a request body is a string, bytes or an async iterable of bytes');
}

function send(
  url: URL,
  method: string,
  headers: Record<string, string>,
  body: SendBody,
  signal: AbortSignal | undefined,
): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortReason(signal));
      return;
    }
    // node:https (with tls and crypto) only for an https URL: loading it costs more than node:http.
    const send = url.protocol === 'https:' ? process.getBuiltinModule('node:https').request : httpRequest;
    const request = send(url, {
      method,
      headers: headers as OutgoingHttpHeaders,
    });
    const onAbort = () => {
      request.destroy();
      reject(abortReason(signal!));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    request.on('response', (response) => {
      signal?.removeEventListener('abort', onAbort);
      resolve(response);
    });
    request.on('error', (error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(signal?.aborted ? abortReason(signal) : fetchFailed(error));
    });
    if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) {
      request.end(body);
      return;
    }
    void (async () => {
      try {
        for await (const chunk of body) {
          if (!request.write(chunk)) await new Promise((resume) => request.once('drain', resume));
        }
        request.end();
      } catch (error) {
        request.destroy(error as Error);
      }
    })();
  });
}

/** The response with its body decoded as fetch decodes it, abortable until it has been read. */
function respond(
  response: IncomingMessage,
  url: URL,
  method: string,
  redirected: boolean,
  signal: AbortSignal | undefined,
): TransportResponse {
  const status = response.statusCode ?? 0;
  const bodiless = method === 'HEAD' || status === 204 || status === 205 || status === 304;
  let stream: Readable | undefined;
  if (bodiless) {
    response.resume();
  } else {
    const body = decoded(response, response.headers);
    stream = body;
    if (signal) {
      const onAbort = () => {
        response.destroy();
        body.destroy(new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      body.once('close', () => signal.removeEventListener('abort', onAbort));
    }
  }
  return new TransportResponse({
    status,
    statusText: response.statusMessage ?? '',
    rawHeaders: response.rawHeaders,
    url: url.href,
    redirected,
    stream,
    signal,
  });
}

function decoded(response: IncomingMessage, headers: IncomingHttpHeaders): Readable {
  const encoding = headers['content-encoding']?.trim().toLowerCase();
  if (encoding === undefined || encoding === '' || encoding === 'identity') return response;
  // zlib only when GitHub compressed the answer; most steps never load it.
  const zlib = process.getBuiltinModule('node:zlib');
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH, finishFlush: zlib.constants.Z_SYNC_FLUSH })
      : encoding === 'deflate'
        ? zlib.createInflate()
        : encoding === 'br'
          ? zlib.createBrotliDecompress()
          : undefined;
  if (decoder === undefined) return response;
  response.on('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

function toWebStream(stream: Readable): ReadableStream<Uint8Array> {
  const { Readable: NodeReadable } = process.getBuiltinModule('node:stream');
  return NodeReadable.toWeb(stream) as ReadableStream<Uint8Array>;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('This operation was aborted', 'AbortError');
}

/** fetch's failure: a TypeError whose cause is what went wrong (ECONNREFUSED, a reset, ...). */
function fetchFailed(cause: unknown): TypeError {
  return new TypeError('fetch failed', { cause });
}
