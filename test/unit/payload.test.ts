import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import {
  buildDispatchPayload,
  checkEventType,
  checkRepositoryName,
  MAX_PAYLOAD_SIZE,
  parseDispatchEvent,
  parseDispatchPayload,
  payloadSize,
  type DispatchRequest,
} from '../../src/core/payload/index.js';

const SHA = 'a'.repeat(40);
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;

function request(overrides: Partial<DispatchRequest> = {}): DispatchRequest {
  return {
    app: 'web',
    image: 'ghcr.io/acme/web',
    tag: 'dev-1a2b3c4d-1700000000',
    source: {
      repository: 'acme/web',
      sha: SHA,
      ref: 'refs/heads/dev',
      runUrl: 'https://github.com/acme/web/actions/runs/42',
    },
    buildTimestamp: 1700000000,
    dispatchId: '123e4567-e89b-42d3-a456-426614174000',
    ...overrides,
  };
}

/** A valid received payload, as `dispatch` sends it. */
function valid(): Record<string, unknown> {
  return JSON.parse(JSON.stringify(buildDispatchPayload(request({ digest: DIGEST, environment: 'dev' })))) as Record<
    string,
    unknown
  >;
}

function rejects(run: () => unknown, field: string, pattern?: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof UserError, `expected a UserError, got ${String(error)}`);
    assert.ok(error.message.startsWith(`${field}`), `"${error.message}" should start with the field ${field}`);
    if (pattern) assert.match(error.message, pattern);
    return true;
  });
}

describe('buildDispatchPayload', () => {
  test('builds the versioned payload with every field', () => {
    const payload = buildDispatchPayload(
      request({ digest: DIGEST, environment: 'stg', extra: { ticket: 'OPS-1', nested: { list: [1, true, null] } } }),
    );
    assert.deepEqual(payload, {
      v: 1,
      app: 'web',
      image: 'ghcr.io/acme/web',
      tag: 'dev-1a2b3c4d-1700000000',
      digest: DIGEST,
      environment: 'stg',
      source: request().source,
      buildTimestamp: 1700000000,
      dispatchId: '123e4567-e89b-42d3-a456-426614174000',
      extra: { ticket: 'OPS-1', nested: { list: [1, true, null] } },
    });
    assert.ok(Object.keys(payload).length <= 10);
    assert.deepEqual(parseDispatchPayload(JSON.parse(JSON.stringify(payload))), payload);
  });

  test('leaves out optional fields that were not given', () => {
    const payload = buildDispatchPayload(request({ environment: '', digest: '' }));
    assert.deepEqual(Object.keys(payload).sort(), [
      'app',
      'buildTimestamp',
      'dispatchId',
      'image',
      'source',
      'tag',
      'v',
    ]);
  });

  const splits: Array<{
    image: string;
    tag?: string;
    digest?: string;
    name: string;
    wantTag: string;
    wantDigest?: string;
  }> = [
    { image: 'ghcr.io/acme/web:1.2.3', name: 'ghcr.io/acme/web', wantTag: '1.2.3' },
    { image: 'ghcr.io/acme/web:1.2.3', tag: '1.2.3', name: 'ghcr.io/acme/web', wantTag: '1.2.3' },
    { image: `acme/web:0.4.10@${DIGEST}`, name: 'acme/web', wantTag: '0.4.10', wantDigest: DIGEST },
    { image: `nginx@${DIGEST}`, tag: '1.25', name: 'nginx', wantTag: '1.25', wantDigest: DIGEST },
    { image: 'localhost:5000/web', tag: '1', name: 'localhost:5000/web', wantTag: '1' },
  ];
  for (const { image, tag, digest, name, wantTag, wantDigest } of splits) {
    test(`splits ${image} (tag input ${tag ?? 'none'})`, () => {
      const payload = buildDispatchPayload(request({ image, tag, digest }));
      assert.equal(payload.image, name);
      assert.equal(payload.tag, wantTag);
      assert.equal(payload.digest, wantDigest);
    });
  }

  const oneHundredChars = 'x'.repeat(100);
  const badRequests: Array<{ name: string; overrides: Partial<DispatchRequest>; field: string; pattern?: RegExp }> = [
    { name: 'no tag anywhere', overrides: { tag: undefined }, field: 'tag', pattern: /expected a tag/ },
    {
      name: 'tag disagreeing with image',
      overrides: { image: 'acme/web:1.0', tag: '2.0' },
      field: 'tag',
      pattern: /1\.0/,
    },
    {
      name: 'digest disagreeing with image',
      overrides: { image: `acme/web@${DIGEST}`, digest: `sha256:${'f'.repeat(64)}` },
      field: 'digest',
    },
    { name: 'latest', overrides: { tag: 'latest' }, field: 'tag', pattern: /immutable/ },
    {
      name: 'shell substitution in tag',
      overrides: { tag: '1.0$(reboot)' },
      field: 'tag',
      pattern: /\[A-Za-z0-9_\.-\]/,
    },
    { name: 'newline in tag', overrides: { tag: '1.0\nrm -rf /' }, field: 'tag' },
    { name: 'semicolon in tag', overrides: { tag: '1.0;id' }, field: 'tag' },
    { name: 'tag of 129 characters', overrides: { tag: 'a'.repeat(129) }, field: 'tag' },
    { name: 'tag starting with a dot', overrides: { tag: '.hidden' }, field: 'tag' },
    { name: 'lone surrogate in tag', overrides: { tag: '1.0\uD800' }, field: 'tag' },
    { name: 'uppercase app', overrides: { app: 'Web' }, field: 'app', pattern: /\[a-z0-9\]\[a-z0-9-\]\*/ },
    { name: 'path traversal in app', overrides: { app: '../../etc' }, field: 'app' },
    { name: 'slash in app', overrides: { app: 'web/api' }, field: 'app' },
    { name: 'backtick in app', overrides: { app: 'web`id`' }, field: 'app' },
    { name: 'newline in app', overrides: { app: 'web\nother' }, field: 'app' },
    { name: 'app starting with a hyphen', overrides: { app: '-web' }, field: 'app' },
    { name: 'app of 64 characters', overrides: { app: 'a'.repeat(64) }, field: 'app', pattern: /at most 63/ },
    { name: 'empty app', overrides: { app: '' }, field: 'app' },
    { name: 'environment with a space', overrides: { environment: 'dev prod' }, field: 'environment' },
    { name: 'path traversal in environment', overrides: { environment: '..' }, field: 'environment' },
    { name: 'lone low surrogate in environment', overrides: { environment: 'dev\uDC00' }, field: 'environment' },
    {
      name: 'image with a URL scheme',
      overrides: { image: 'https://ghcr.io/acme/web' },
      field: 'image',
      pattern: /URL scheme/,
    },
    {
      name: 'image with uppercase path',
      overrides: { image: 'ghcr.io/Acme/web' },
      field: 'image',
      pattern: /lowercase/,
    },
    { name: 'image with shell metacharacters', overrides: { image: 'acme/web;rm' }, field: 'image' },
    { name: 'image with path traversal', overrides: { image: 'ghcr.io/../web' }, field: 'image' },
    { name: 'image with a newline', overrides: { image: 'acme/web\n' }, field: 'image', pattern: /whitespace/ },
    {
      name: 'digest of wrong length',
      overrides: { digest: 'sha256:abc' },
      field: 'digest',
      pattern: /sha256:<64 lowercase hex digits> or sha512:<128/,
    },
    { name: 'sha512 digest of wrong length', overrides: { digest: `sha512:${'a'.repeat(64)}` }, field: 'digest' },
    { name: 'digest in uppercase', overrides: { digest: DIGEST.toUpperCase() }, field: 'digest' },
    { name: 'digest with another algorithm', overrides: { digest: `md5:${'a'.repeat(32)}` }, field: 'digest' },
    { name: 'short source sha', overrides: { source: { ...request().source, sha: 'abc1234' } }, field: 'source sha' },
    {
      name: 'source sha with a newline',
      overrides: { source: { ...request().source, sha: `${SHA}\n` } },
      field: 'source sha',
    },
    {
      name: 'source repository without owner',
      overrides: { source: { ...request().source, repository: 'web' } },
      field: 'source repository',
    },
    {
      name: 'source repository ..',
      overrides: { source: { ...request().source, repository: 'acme/..' } },
      field: 'source repository',
    },
    {
      name: 'source ref with ..',
      overrides: { source: { ...request().source, ref: 'refs/heads/../../x' } },
      field: 'source ref',
    },
    {
      name: 'source ref with a space',
      overrides: { source: { ...request().source, ref: 'refs/heads/a b' } },
      field: 'source ref',
    },
    {
      name: 'source ref with $()',
      overrides: { source: { ...request().source, ref: 'refs/heads/$(id)' } },
      field: 'source ref',
    },
    {
      name: 'source ref not under refs/',
      overrides: { source: { ...request().source, ref: 'dev' } },
      field: 'source ref',
    },
    {
      name: 'source ref ending in .lock',
      overrides: { source: { ...request().source, ref: 'refs/heads/x.lock' } },
      field: 'source ref',
    },
    {
      name: 'run URL with javascript:',
      overrides: { source: { ...request().source, runUrl: 'javascript:alert(1)' } },
      field: 'source run URL',
    },
    {
      name: 'run URL with credentials',
      overrides: { source: { ...request().source, runUrl: 'https://u:p@github.com/x' } },
      field: 'source run URL',
    },
    {
      name: 'run URL with a newline',
      overrides: { source: { ...request().source, runUrl: 'https://github.com/\nx' } },
      field: 'source run URL',
    },
    { name: 'negative timestamp', overrides: { buildTimestamp: -1 }, field: 'build-timestamp' },
    { name: 'milliseconds timestamp', overrides: { buildTimestamp: 1700000000000 }, field: 'build-timestamp' },
    { name: 'fractional timestamp', overrides: { buildTimestamp: 1.5 }, field: 'build-timestamp' },
    { name: 'dispatch id not a UUID', overrides: { dispatchId: 'abc' }, field: 'dispatch-id' },
    { name: 'extra an array', overrides: { extra: [1, 2] }, field: 'extra-payload', pattern: /JSON object/ },
    { name: 'extra a string', overrides: { extra: 'x' }, field: 'extra-payload' },
    { name: 'extra null', overrides: { extra: null }, field: 'extra-payload' },
    {
      name: 'extra with a lone surrogate',
      overrides: { extra: { note: 'a\uD83D' } },
      field: 'extra-payload.note',
      pattern: /surrogate/,
    },
    { name: 'extra with NUL', overrides: { extra: { note: 'a\u0000b' } }, field: 'extra-payload.note' },
    { name: 'extra with a key of spaces', overrides: { extra: { 'a b': 1 } }, field: 'extra-payload key' },
    {
      name: 'extra with a path traversal key',
      overrides: { extra: { '../x': 1 } },
      field: 'extra-payload key',
    },
    {
      name: 'extra with a __proto__ key',
      overrides: { extra: JSON.parse('{"a":{"__proto__":{"polluted":true}}}') as unknown },
      field: 'extra-payload.a key',
      pattern: /not __proto__/,
    },
    { name: 'extra with a constructor key', overrides: { extra: { constructor: 1 } }, field: 'extra-payload key' },
    {
      name: 'extra too deep',
      overrides: { extra: { a: { b: { c: { d: { e: { f: { g: { h: { i: 1 } } } } } } } } } },
      field: 'extra-payload',
      pattern: /nesting/,
    },
    {
      name: 'extra over the size limit',
      overrides: { extra: { blob: 'x'.repeat(MAX_PAYLOAD_SIZE) } },
      field: 'client_payload',
      pattern: /at most 65535/,
    },
    {
      name: 'extra over the size limit in UTF-8 bytes',
      overrides: { extra: { blob: '\u00e9'.repeat(33_000) } },
      field: 'client_payload',
    },
    { name: 'event-type-sized app', overrides: { app: oneHundredChars }, field: 'app' },
  ];
  for (const { name, overrides, field, pattern } of badRequests) {
    test(`rejects ${name}`, () => rejects(() => buildDispatchPayload(request(overrides)), field, pattern));
  }

  test('accepts a payload just within the size limit and measures it as GitHub does', () => {
    const base = payloadSize(buildDispatchPayload(request({ extra: { blob: '' } })));
    const payload = buildDispatchPayload(request({ extra: { blob: 'x'.repeat(MAX_PAYLOAD_SIZE - base) } }));
    assert.equal(payloadSize(payload), MAX_PAYLOAD_SIZE);
    rejects(
      () => buildDispatchPayload(request({ extra: { blob: 'x'.repeat(MAX_PAYLOAD_SIZE - base + 1) } })),
      'client_payload',
    );
  });

  test('accepts extra nested exactly to the depth limit', () => {
    const extra = { a: { b: { c: { d: { e: { f: { g: { h: 1 } } } } } } } };
    assert.deepEqual(buildDispatchPayload(request({ extra })).extra, extra);
  });

  test('error messages quote the bad value and the rule', () => {
    assert.throws(() => buildDispatchPayload(request({ app: 'My App' })), {
      message:
        'app: got "My App", expected [a-z0-9][a-z0-9-]* (lowercase letters, digits and "-", at most 63 characters)',
    });
  });
});

describe('parseDispatchPayload', () => {
  test('accepts what dispatch sends', () => {
    assert.deepEqual(parseDispatchPayload(valid()), valid());
  });

  test('accepts a sha512 digest (the OCI image spec allows sha256 and sha512)', () => {
    const sha512 = `sha512:${'ab'.repeat(64)}`;
    const sent = JSON.parse(JSON.stringify(buildDispatchPayload(request({ digest: sha512 })))) as Record<
      string,
      unknown
    >;
    assert.equal(parseDispatchPayload(sent).digest, sha512);
  });

  const mutations: Array<{
    name: string;
    mutate: (p: Record<string, unknown>) => unknown;
    field: string;
    pattern?: RegExp;
  }> = [
    { name: 'not an object', mutate: () => 'web:1.0', field: 'client_payload', pattern: /JSON object/ },
    { name: 'an array', mutate: () => [], field: 'client_payload' },
    { name: 'null', mutate: () => null, field: 'client_payload' },
    {
      name: 'no version',
      mutate: (p) => ({ ...p, v: undefined }),
      field: 'client_payload.v',
      pattern: /payload version 1/,
    },
    { name: 'a newer version', mutate: (p) => ({ ...p, v: 2 }), field: 'client_payload.v' },
    { name: 'version as a string', mutate: (p) => ({ ...p, v: '1' }), field: 'client_payload.v' },
    { name: 'an unknown key', mutate: (p) => ({ ...p, aap: 'web' }), field: 'client_payload', pattern: /unknown key/ },
    { name: 'app missing', mutate: (p) => ({ ...p, app: undefined }), field: 'client_payload.app' },
    { name: 'app a number', mutate: (p) => ({ ...p, app: 7 }), field: 'client_payload.app' },
    { name: 'app with path traversal', mutate: (p) => ({ ...p, app: '../prod' }), field: 'client_payload.app' },
    {
      name: 'image with a tag',
      mutate: (p) => ({ ...p, image: 'ghcr.io/acme/web:1.0' }),
      field: 'client_payload.image',
      pattern: /without tag/,
    },
    { name: 'image missing', mutate: (p) => ({ ...p, image: undefined }), field: 'client_payload.image' },
    { name: 'image invalid', mutate: (p) => ({ ...p, image: 'ghcr.io//web' }), field: 'client_payload.image' },
    { name: 'tag with a pipe', mutate: (p) => ({ ...p, tag: '1|sh' }), field: 'client_payload.tag' },
    { name: 'tag with a carriage return', mutate: (p) => ({ ...p, tag: '1\r' }), field: 'client_payload.tag' },
    { name: 'tag an object', mutate: (p) => ({ ...p, tag: { a: 1 } }), field: 'client_payload.tag' },
    { name: 'digest null', mutate: (p) => ({ ...p, digest: null }), field: 'client_payload.digest' },
    {
      name: 'environment with uppercase',
      mutate: (p) => ({ ...p, environment: 'Prod' }),
      field: 'client_payload.environment',
    },
    {
      name: 'environment with a slash',
      mutate: (p) => ({ ...p, environment: 'releases/prod' }),
      field: 'client_payload.environment',
    },
    { name: 'source missing', mutate: (p) => ({ ...p, source: undefined }), field: 'client_payload.source' },
    {
      name: 'source with an unknown key',
      mutate: (p) => ({ ...p, source: { ...(p.source as object), x: 1 } }),
      field: 'client_payload.source',
    },
    {
      name: 'source sha in uppercase',
      mutate: (p) => ({ ...p, source: { ...(p.source as object), sha: SHA.toUpperCase() } }),
      field: 'client_payload.source.sha',
    },
    {
      name: 'source repository with a space',
      mutate: (p) => ({ ...p, source: { ...(p.source as object), repository: 'acme/we b' } }),
      field: 'client_payload.source.repository',
    },
    {
      name: 'source ref with a backslash',
      mutate: (p) => ({ ...p, source: { ...(p.source as object), ref: 'refs\\heads\\dev' } }),
      field: 'client_payload.source.ref',
    },
    {
      name: 'runUrl a file URL',
      mutate: (p) => ({ ...p, source: { ...(p.source as object), runUrl: 'file:///etc/passwd' } }),
      field: 'client_payload.source.runUrl',
    },
    {
      name: 'buildTimestamp as a string',
      mutate: (p) => ({ ...p, buildTimestamp: '1700000000' }),
      field: 'client_payload.buildTimestamp',
    },
    {
      name: 'buildTimestamp NaN-like',
      mutate: (p) => ({ ...p, buildTimestamp: Number.NaN }),
      field: 'client_payload.buildTimestamp',
    },
    {
      name: 'dispatchId in uppercase',
      mutate: (p) => ({ ...p, dispatchId: (p.dispatchId as string).toUpperCase() }),
      field: 'client_payload.dispatchId',
    },
    {
      name: 'extra with an infinite number',
      mutate: (p) => ({ ...p, extra: { n: Infinity } }),
      field: 'client_payload.extra.n',
    },
    {
      name: 'extra with a lone surrogate in a list',
      mutate: (p) => ({ ...p, extra: { l: ['ok', '\uDFFF'] } }),
      field: 'client_payload.extra.l[1]',
    },
    {
      name: 'oversized',
      mutate: (p) => ({ ...p, extra: { blob: 'x'.repeat(70_000) } }),
      field: 'client_payload',
      pattern: /bytes of JSON/,
    },
  ];
  for (const { name, mutate, field, pattern } of mutations) {
    test(`rejects ${name}`, () => rejects(() => parseDispatchPayload(mutate(valid())), field, pattern));
  }

  test('reads a repository_dispatch event', () => {
    const event = { action: 'gitops-promote', client_payload: valid(), repository: { full_name: 'acme/env' } };
    assert.deepEqual(parseDispatchEvent(event), { eventType: 'gitops-promote', payload: valid() });
    rejects(() => parseDispatchEvent({ client_payload: valid() }), 'repository_dispatch event action');
    rejects(() => parseDispatchEvent({ action: 'x', client_payload: {} }), 'client_payload.v');
  });
});

describe('event type and repository', () => {
  const eventTypes: Array<[string, boolean]> = [
    ['gitops-promote', true],
    ['deploy:web.v1_2', true],
    ['x'.repeat(100), true],
    ['x'.repeat(101), false],
    ['', false],
    ['-leading', false],
    ['two words', false],
    ['a\nb', false],
    ['$(id)', false],
  ];
  for (const [eventType, ok] of eventTypes) {
    test(`event type ${JSON.stringify(eventType.slice(0, 20))}${eventType.length > 20 ? '...' : ''} is ${ok ? 'accepted' : 'rejected'}`, () => {
      if (ok) assert.equal(checkEventType(eventType), eventType);
      else rejects(() => checkEventType(eventType), 'event-type', /1 to 100/);
    });
  }

  const repositories: Array<[string, boolean]> = [
    ['acme/environments', true],
    ['Acme-Org/env.repo_1', true],
    ['acme', false],
    ['acme/env/extra', false],
    ['acme/..', false],
    ['acme/.', false],
    ['-acme/env', false],
    ['acme/env.git', false],
    ['acme/env;rm', false],
    ['acme /env', false],
    [`${'a'.repeat(40)}/env`, false],
  ];
  for (const [repository, ok] of repositories) {
    test(`repository ${JSON.stringify(repository)} is ${ok ? 'accepted' : 'rejected'}`, () => {
      if (ok)
        assert.deepEqual(checkRepositoryName(repository), {
          owner: repository.split('/')[0],
          name: repository.split('/')[1],
        });
      else rejects(() => checkRepositoryName(repository), 'repository', /owner\/name/);
    });
  }
});
