// The bundles' stand-in for ajv-formats-draft2019's formats (src/bundle/ajv-formats-draft2019.cjs,
// there because the package's require('punycode') loads Node's deprecated built-in when bundled)
// against the package itself: the same formats, the same answer for every value; and each format loads
// its module only when it is first asked.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import standIn from '../../src/bundle/ajv-formats-draft2019.cjs';

type Format = RegExp | ((value: string) => boolean);
const check = (format: Format, value: string) => (format instanceof RegExp ? format.test(value) : format(value));

// As @kubernetes-models/validate imports it: the default export of the CommonJS module.
const real = (
  (await import('ajv-formats-draft2019/formats/index.js' as string)) as {
    default: Record<string, (value: string) => boolean>;
  }
).default;

const values = [
  '',
  'example.com',
  'EXAMPLE.com.',
  'münchen.de',
  'xn--mnchen-3ya.de',
  '例え.テスト',
  'a'.repeat(63) + '.com',
  'a'.repeat(64) + '.com',
  `${'a.'.repeat(126)}a`,
  `${'a.'.repeat(127)}a`,
  '-leading.example',
  'under_score.example',
  'user@example.com',
  '用户@例子.广告',
  'not an email',
  'P1Y2M3DT4H5M6S',
  'PT0.5S',
  'P',
  'https://例子.测试/路径?q=值#片段',
  '//example.com/path',
  'relative/path',
  'http://[::1]:80/',
  'ht tp://bad',
];

test('the stand-in has the package formats, each answering as the package does', () => {
  assert.deepEqual(Object.keys(standIn).sort(), Object.keys(real).sort());
  for (const [name, format] of Object.entries(real)) {
    for (const value of values) {
      assert.equal(
        check(standIn[name as keyof typeof standIn], value),
        check(format, value),
        `${name}(${JSON.stringify(value)})`,
      );
    }
  }
});

test('nothing is loaded until a format is asked; then only what that format needs', () => {
  const standInPath = fileURLToPath(new URL('../../src/bundle/ajv-formats-draft2019.cjs', import.meta.url));
  const loaded = execFileSync(
    process.execPath,
    [
      '-e',
      `const formats = require(${JSON.stringify(standInPath)});
       const seen = () => Object.keys(require.cache).filter((f) => f.includes('node_modules')).map((f) => f.replace(/.*node_modules\\//, '')).sort();
       const before = seen();
       formats['idn-hostname']('example.com');
       const hostname = seen();
       formats.iri('https://example.com/');
       console.log(JSON.stringify({ before, hostname, iri: seen().filter((f) => !hostname.includes(f)).length > 0 }));`,
    ],
    { encoding: 'utf8' },
  );
  assert.deepEqual(JSON.parse(loaded), { before: [], hostname: ['punycode/punycode.js'], iri: true });
});
