import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mdBlock, mdCode } from '../../src/core/report/untrusted.js';
import { forLog } from '../../src/core/text/untrusted.js';

describe('untrusted text in logs and Markdown', () => {
  test('a log line cannot start a workflow command on a new line', () => {
    const line = forLog('name\n::set-output name=x::y\r\n##[error]boom\u001b[31m');
    assert.doesNotMatch(line, /\n|\r|##\[/);
    assert.ok(!line.includes(String.fromCharCode(27)));
    assert.match(line, /^name\\n::set-output/);
  });

  const spans: [string, string][] = [
    ['@alice see https://evil.example', '`@alice see https://evil.example`'],
    ['a|b', '`a\\|b`'],
    ['x`y', '`` x`y ``'],
    ['a``b', '``` a``b ```'],
    ['two\nlines', '`two lines`'],
  ];
  for (const [input, expected] of spans) {
    test(`code span of ${JSON.stringify(input)}`, () => assert.equal(mdCode(input), expected));
  }

  test('a block cannot be closed by its own text', () => {
    const block = mdBlock('line\n```\n@alice <img src=x>\n');
    assert.ok(block.startsWith('````text\n'));
    assert.ok(block.endsWith('\n````'));
  });
});
