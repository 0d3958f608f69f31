import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseImageCommand } from '../../src/cli/commands/parse-image.js';
import { runCli } from '../../src/cli/main.js';
import { UserError } from '../../src/core/errors.js';
import {
  formatImageReference,
  isValidDigest,
  isValidTag,
  parseAnyReference,
  parseImageReference,
  parseRawReference,
  sameRepository,
} from '../../src/core/image-ref.js';

const HEX = 'be178c0543eb17f5f3043021c9e5fcf30285e557a4fc309cce97ff9ca6182912';
const DIGEST = `sha256:${HEX}`;
// The OCI image spec's other registered algorithm.
const SHA512 = `sha512:${HEX}${HEX}`;

type Fields = { domain: string; path: string; tag?: string; digest?: string; familiar: string; canonical: string };

describe('parseImageReference: normalisation', () => {
  const cases: [string, Fields][] = [
    // docker.io and library/ defaults, and their familiar forms
    ['nginx', { domain: 'docker.io', path: 'library/nginx', familiar: 'nginx', canonical: 'docker.io/library/nginx' }],
    [
      'nginx:1.25',
      {
        domain: 'docker.io',
        path: 'library/nginx',
        tag: '1.25',
        familiar: 'nginx:1.25',
        canonical: 'docker.io/library/nginx:1.25',
      },
    ],
    [
      'library/nginx',
      { domain: 'docker.io', path: 'library/nginx', familiar: 'nginx', canonical: 'docker.io/library/nginx' },
    ],
    [
      'docker.io/nginx',
      { domain: 'docker.io', path: 'library/nginx', familiar: 'nginx', canonical: 'docker.io/library/nginx' },
    ],
    [
      'index.docker.io/library/nginx',
      { domain: 'docker.io', path: 'library/nginx', familiar: 'nginx', canonical: 'docker.io/library/nginx' },
    ],
    ['acme/app', { domain: 'docker.io', path: 'acme/app', familiar: 'acme/app', canonical: 'docker.io/acme/app' }],
    [
      'docker.io/library/foo/bar',
      {
        domain: 'docker.io',
        path: 'library/foo/bar',
        familiar: 'library/foo/bar',
        canonical: 'docker.io/library/foo/bar',
      },
    ],
    // registries, ports, localhost, IPv4, IPv6
    [
      'ghcr.io/acme/app',
      { domain: 'ghcr.io', path: 'acme/app', familiar: 'ghcr.io/acme/app', canonical: 'ghcr.io/acme/app' },
    ],
    [
      'registry.example.com:5000/team/app:v1',
      {
        domain: 'registry.example.com:5000',
        path: 'team/app',
        tag: 'v1',
        familiar: 'registry.example.com:5000/team/app:v1',
        canonical: 'registry.example.com:5000/team/app:v1',
      },
    ],
    ['localhost/app', { domain: 'localhost', path: 'app', familiar: 'localhost/app', canonical: 'localhost/app' }],
    [
      'localhost:5000/app:dev',
      {
        domain: 'localhost:5000',
        path: 'app',
        tag: 'dev',
        familiar: 'localhost:5000/app:dev',
        canonical: 'localhost:5000/app:dev',
      },
    ],
    [
      '10.0.0.1:5000/app',
      { domain: '10.0.0.1:5000', path: 'app', familiar: '10.0.0.1:5000/app', canonical: '10.0.0.1:5000/app' },
    ],
    ['[::1]:5000/app', { domain: '[::1]:5000', path: 'app', familiar: '[::1]:5000/app', canonical: '[::1]:5000/app' }],
    [
      '[2001:db8::1]/app',
      { domain: '[2001:db8::1]', path: 'app', familiar: '[2001:db8::1]/app', canonical: '[2001:db8::1]/app' },
    ],
    // an uppercase first component can only be a host (Docker Hub namespaces are lowercase)
    ['LOCALREG/app', { domain: 'LOCALREG', path: 'app', familiar: 'LOCALREG/app', canonical: 'LOCALREG/app' }],
    // without a slash, "host:port" is a name and a tag
    [
      'localhost:5000',
      {
        domain: 'docker.io',
        path: 'library/localhost',
        tag: '5000',
        familiar: 'localhost:5000',
        canonical: 'docker.io/library/localhost:5000',
      },
    ],
    // digests and name:tag@digest
    [
      `nginx@${DIGEST}`,
      {
        domain: 'docker.io',
        path: 'library/nginx',
        digest: DIGEST,
        familiar: `nginx@${DIGEST}`,
        canonical: `docker.io/library/nginx@${DIGEST}`,
      },
    ],
    [
      `ghcr.io/acme/app:1.2.3@${DIGEST}`,
      {
        domain: 'ghcr.io',
        path: 'acme/app',
        tag: '1.2.3',
        digest: DIGEST,
        familiar: `ghcr.io/acme/app:1.2.3@${DIGEST}`,
        canonical: `ghcr.io/acme/app:1.2.3@${DIGEST}`,
      },
    ],
    [
      `nginx:1@${SHA512}`,
      {
        domain: 'docker.io',
        path: 'library/nginx',
        tag: '1',
        digest: SHA512,
        familiar: `nginx:1@${SHA512}`,
        canonical: `docker.io/library/nginx:1@${SHA512}`,
      },
    ],
  ];
  for (const [input, expected] of cases) {
    test(input, () => {
      const { domain, path, tag, digest, familiar, canonical } = parseImageReference(input);
      assert.deepEqual(
        { domain, path, tag, digest, familiar, canonical },
        { tag: undefined, digest: undefined, ...expected },
      );
    });
  }

  test('repository and familiarName leave tag and digest out', () => {
    const reference = parseImageReference(`docker.io/library/nginx:1@${DIGEST}`);
    assert.equal(reference.repository, 'docker.io/library/nginx');
    assert.equal(reference.familiarName, 'nginx');
    assert.equal(reference.original, `docker.io/library/nginx:1@${DIGEST}`);
  });
});

describe('tags: numeric-looking and edge lengths', () => {
  const tags = ['1.20', '1e10', '0755', '0x1f', '5000', 'v1.2.3-rc.1', '_under', 'UPPER', 'a'.repeat(128)];
  for (const tag of tags) {
    test(`app:${tag.length > 20 ? `${tag.slice(0, 5)}... (${tag.length})` : tag} keeps the tag as a string`, () => {
      assert.equal(parseImageReference(`app:${tag}`).tag, tag);
      assert.equal(isValidTag(tag), true);
    });
  }
  const badTags = ['', '.hidden', '-dash', 'a'.repeat(129), 'has~tilde', 'a+b'];
  for (const tag of badTags) {
    test(`isValidTag(${JSON.stringify(tag.length > 20 ? `${tag.slice(0, 5)}...` : tag)}) is false`, () => {
      assert.equal(isValidTag(tag), false);
    });
  }
});

describe('digests', () => {
  const cases: [string, boolean][] = [
    [DIGEST, true],
    [`sha256:${HEX.slice(0, 63)}`, false],
    [`sha256:${HEX}0`, false],
    [`sha256:${HEX.toUpperCase()}`, false],
    [`sha512:${HEX}${HEX}`, true],
    [`sha512:${HEX}`, false],
    [`sha512:${HEX}${HEX.toUpperCase()}`, false],
    [`sha384:${HEX}${HEX.slice(0, 32)}`, false],
    [`md5:${HEX}`, false],
    [HEX, false],
    ['sha256:', false],
  ];
  for (const [digest, valid] of cases) {
    test(`isValidDigest(${digest.slice(0, 16)}... ${digest.length}) is ${valid}`, () => {
      assert.equal(isValidDigest(digest), valid);
    });
  }
});

describe('invalid references say what is wrong', () => {
  const cases: [string, RegExp][] = [
    ['', /is empty/],
    ['Nginx', /repository name "Nginx" must be lowercase/],
    ['acme/App:1', /repository name "acme\/App" must be lowercase/],
    ['ghcr.io/Acme/app', /must be lowercase/],
    [HEX, /64-character hex string is an image ID/],
    [`app@sha256:${HEX.slice(0, 40)}`, /invalid digest length: sha256 needs 64 hex digits, got 40/],
    [`app@sha512:${HEX}`, /invalid digest length: sha512 needs 128 hex digits, got 64/],
    [`app@sha384:${HEX}${HEX.slice(0, 32)}`, /unsupported digest algorithm "sha384" \(supported: sha256, sha512\)/],
    [`app@sha256:${HEX.toUpperCase()}`, /hex digits must be lowercase/],
    ['app@sha256:abcde', /invalid reference format: digest "sha256:abcde"/],
    ['app:bad~tag', /invalid reference format: tag "bad~tag" is not valid/],
    [`app:${'a'.repeat(129)}`, /tag .* is not valid/],
    [':justtag', /invalid reference format: the repository name is missing/],
    ['https://ghcr.io/acme/app', /no URL scheme/],
    ['bad_host.com:5000/app', /registry "bad_host.com:5000" is not a valid host\[:port\]/],
    ['localhost:http/app', /registry "localhost:http"/],
    ['[::1]:5000', /registry host needs a repository path/],
    ['[fe80::1%eth0]:5000/app', /registry "\[fe80::1%eth0\]:5000"/],
    ['acme//app', /empty component/],
    ['acme/-app', /path component "-app" is not valid/],
    ['acme/app name', /whitespace/],
    [`acme/${'a'.repeat(251)}`, /repository name too long: 256 characters, the limit is 255/],
  ];
  for (const [input, message] of cases) {
    test(JSON.stringify(input.length > 40 ? `${input.slice(0, 40)}...` : input), () => {
      assert.throws(
        () => parseImageReference(input),
        (error: unknown) => {
          assert.ok(error instanceof UserError);
          assert.match(error.message, /^image reference ".*": /);
          assert.match(error.message, message);
          return true;
        },
      );
    });
  }

  test('the path length limit is on the path, not on the host', () => {
    const path = 'a'.repeat(255);
    assert.equal(parseImageReference(`registry.example.com:5000/${path}`).path, path);
  });
});

describe('sameRepository', () => {
  const cases: [string, string, boolean][] = [
    ['nginx', 'docker.io/library/nginx', true],
    ['nginx:1.24', `index.docker.io/library/nginx@${DIGEST}`, true],
    ['library/nginx', 'nginx:latest', true],
    ['acme/app', 'docker.io/acme/app:dev-1', true],
    ['acme/app', 'acme/app-worker', false],
    ['acme/app', 'acme/app/worker', false],
    ['acme/app', 'ghcr.io/acme/app', false],
    ['ghcr.io/acme/app', 'ghcr.io:443/acme/app', false],
    ['localhost:5000/app', 'localhost/app', false],
    ['nginx', 'library/nginx/nginx', false],
  ];
  for (const [a, b, same] of cases) {
    test(`${a} ${same ? '==' : '!='} ${b}`, () => {
      assert.equal(sameRepository(a, b), same);
      assert.equal(sameRepository(parseImageReference(b), a), same);
    });
  }
});

describe('parseRawReference (no Docker Hub defaults)', () => {
  const cases: [string, { name: string; domain: string; path: string; tag?: string; digest?: string }][] = [
    ['test_com', { name: 'test_com', domain: '', path: 'test_com' }],
    ['test.com:5000', { name: 'test.com', domain: '', path: 'test.com', tag: '5000' }],
    ['foo/foo_bar.com:8080', { name: 'foo/foo_bar.com', domain: 'foo', path: 'foo_bar.com', tag: '8080' }],
    [
      `[::1]:5000/repo:tag@${DIGEST}`,
      { name: '[::1]:5000/repo', domain: '[::1]:5000', path: 'repo', tag: 'tag', digest: DIGEST },
    ],
  ];
  for (const [input, expected] of cases) {
    test(input, () => assert.deepEqual(parseRawReference(input), expected));
  }
  test('a bare 64-hex string is a valid raw name (only the normalised parse refuses it)', () => {
    assert.equal(parseRawReference(HEX).path, HEX);
  });
});

describe('parseAnyReference', () => {
  test('a bare 64-hex ID is a sha256 digest', () => {
    assert.deepEqual(parseAnyReference(HEX), { kind: 'digest', digest: DIGEST });
  });
  test('algorithm:hex is a digest', () => {
    assert.deepEqual(parseAnyReference(DIGEST), { kind: 'digest', digest: DIGEST });
  });
  test('anything else is an image', () => {
    const reference = parseAnyReference(HEX.slice(0, 63));
    assert.equal(reference.kind === 'image' && reference.image.canonical, `docker.io/library/${HEX.slice(0, 63)}`);
  });
});

describe('formatImageReference', () => {
  const cases: [{ name: string; tag?: string; digest?: string }, string][] = [
    [{ name: 'nginx', tag: '1.25' }, 'nginx:1.25'],
    [{ name: 'ghcr.io/acme/app', tag: '1.0', digest: DIGEST }, `ghcr.io/acme/app:1.0@${DIGEST}`],
    [{ name: 'localhost:5000/app', digest: DIGEST }, `localhost:5000/app@${DIGEST}`],
    [{ name: 'acme/app' }, 'acme/app'],
  ];
  for (const [parts, expected] of cases) {
    test(expected, () => assert.equal(formatImageReference(parts), expected));
  }
  const bad: [{ name: string; tag?: string; digest?: string }, RegExp][] = [
    [{ name: 'nginx', tag: 'a/b' }, /tag "a\/b" is not valid/],
    [{ name: 'nginx', digest: 'sha256:abc' }, /invalid reference format/],
    [{ name: 'Nginx', tag: '1' }, /must be lowercase/],
  ];
  for (const [parts, message] of bad) {
    test(`refuses ${JSON.stringify(parts)}`, () => assert.throws(() => formatImageReference(parts), message));
  }
});

describe('parse-image command', () => {
  async function cli(...args: string[]) {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['parse-image', ...args], [parseImageCommand], {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: process.cwd(),
    });
    return { code, stdout, stderr };
  }

  test('--json prints the six fields, "" for an absent tag or digest', async () => {
    const { code, stdout } = await cli('nginx:1.25', '--json');
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), {
      domain: 'docker.io',
      path: 'library/nginx',
      tag: '1.25',
      digest: '',
      familiar: 'nginx:1.25',
      canonical: 'docker.io/library/nginx:1.25',
    });
  });

  test('without --json prints a key: value listing', async () => {
    const { code, stdout } = await cli(`ghcr.io/acme/app@${DIGEST}`);
    assert.equal(code, 0);
    assert.match(stdout, /^domain: +ghcr\.io$/m);
    assert.match(stdout, /^tag: +\(none\)$/m);
    assert.match(stdout, new RegExp(`^digest: +${DIGEST}$`, 'm'));
  });

  test('an invalid reference exits 1 with a one-line reason', async () => {
    const { code, stdout, stderr } = await cli('Acme/App:1', '--json');
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.equal(stderr.trim().split('\n').length, 1);
    assert.match(stderr, /must be lowercase/);
  });

  test('a reference starting with "-" is parsed after "--"', async () => {
    const { code, stderr } = await cli('--json', '--', '-app');
    assert.equal(code, 1);
    assert.match(stderr, /path component "-app"/);
  });

  const usageErrors: [string, string[]][] = [
    ['no reference', []],
    ['two references', ['nginx', 'redis']],
    ['an unknown option', ['nginx', '--tag', '1']],
  ];
  for (const [name, args] of usageErrors) {
    test(`${name} is a usage error (exit 2)`, async () => {
      assert.equal((await cli(...args)).code, 2);
    });
  }
});
