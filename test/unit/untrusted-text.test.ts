// The boundary for text that did not come from us (src/core/text): hostile values by family, and the
// legal values whose output must not change. Markdown is checked by rendering it with a CommonMark
// parser (test/unit/markdown-structure.ts), log lines by the runner's own rules.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { promotionTitle, renderPullRequestBody, type PromotionRecord } from '../../src/core/promotion/index.js';
import { linkDestination, parseRunUrl, sourceRunLink, urlPathSegment } from '../../src/core/text/links.js';
import {
  codeBlock,
  codeSpan,
  forLog,
  inertText,
  isWorkflowCommandLine,
  jsonForLog,
  runnerLines,
} from '../../src/core/text/untrusted.js';
import { markdownStructure } from './markdown-structure.js';

/** Hostile text by family: workflow commands, line breaks, Markdown, HTML, mentions, references, URLs. */
export const HOSTILE_TEXT: ReadonlyArray<[family: string, text: string]> = [
  ['LF then a command', 'refs/heads/main\n::warning::x'],
  ['lone CR then a command', '\r::error::x'],
  ['CRLF then add-mask', '\r\n::add-mask::x'],
  ['stop-commands', 'x\n::stop-commands::token\n::error::y'],
  ['##[ anywhere', 'x##[warning]x'],
  ['##[ after a line break', 'ok\n##[error]y'],
  ['leading :: ', '::set-output name=a::b'],
  ['leading :: after spaces', '   ::notice::x'],
  ['leading :: after a tab', '\t::notice::x'],
  ['leading :: after no-break space', '\u00a0::notice::x'],
  ['leading :: after em space', '\u2003::notice::x'],
  ['NEL line break', 'a\u0085::warning::x'],
  ['Unicode line separator', 'a\u2028::warning::x'],
  ['vertical tab and form feed', 'a\u000b::warning::x\u000c'],
  ['escape sequence', '\u001b[2J\u001b[31mred'],
  ['NUL', 'a\u0000b'],
  ['mention', '@octocat please approve'],
  ['team mention', 'cc @acme/platform'],
  ['issue reference', 'fixes #1'],
  ['cross-repository reference', 'acme/web#12'],
  ['GH reference', 'GH-12'],
  ['commit sha', 'see 1a2b3c4d5e6f7a8b'],
  ['URL', 'https://evil.example/login'],
  ['www URL', 'www.evil.example'],
  ['e-mail', 'admin@evil.example'],
  ['link', '[approve](https://evil.example/login)'],
  ['image', '![x](https://evil.example/t.png)'],
  ['link closing early', ')@octocat'],
  ['HTML', '<img src=x onerror=alert(1)><details open>'],
  ['HTML comment', '<!-- gitops-promote-record x {} -->'],
  ['emphasis', '**bold** _it_ ~~gone~~'],
  ['table cell break', 'a | b | c'],
  ['backticks', 'a ` b `` c ``` d'],
  ['heading after a newline', 'x\n# Heading'],
  ['list after a newline', 'x\n- item\n1. item'],
  ['quote after a newline', 'x\n> quoted'],
  ['entity', '&lt;script&gt;'],
  ['backslash escape', '\\[x\\](y)'],
  ['lone surrogate', 'a\ud800b'],
];

const LEGAL_TEXT = [
  'refs/heads/dev',
  'releases/dev/web/deployment.yaml',
  'spec.template.spec.containers[0].image',
  'ghcr.io/acme/web:dev-1a2b3c4d-1763800000',
  '0.4.10',
  'web',
  'updated pull request 12',
];

const WORD_JOINER = /\u2060/g;

describe('forLog: no line the runner reads is a workflow command', () => {
  for (const [family, text] of HOSTILE_TEXT) {
    test(family, () => {
      const line = forLog(text);
      for (const part of runnerLines(line)) assert.equal(isWorkflowCommandLine(part), false, JSON.stringify(part));
      assert.equal(runnerLines(line).length, 1, 'one line');
      // Also when the text is put after a prefix of ours, or before one.
      assert.equal(isWorkflowCommandLine(forLog(`ref ${text}`)), false);
      assert.equal(runnerLines(forLog(`${text} tail`)).length, 1);
    });
  }
  test('legal text is unchanged', () => {
    for (const text of [...LEGAL_TEXT, 'a\tb', 'x::y', '# heading', '##x']) assert.equal(forLog(text), text);
  });
  test('CR and LF are shown escaped', () => {
    assert.equal(forLog('a\nb\r\nc\rd'), 'a\\nb\\r\\nc\\rd');
    assert.equal(forLog('x##[warning]y'), 'x##\\[warning]y');
    assert.equal(forLog('  ::warning::x'), '  \\::warning::x');
  });
  test('jsonForLog keeps the JSON value', () => {
    const value = { extra: { note: 'x##[warning]y\n::error::z' } };
    const text = jsonForLog(value);
    assert.equal(isWorkflowCommandLine(text), false);
    assert.equal(runnerLines(text).length, 1);
    assert.deepEqual(JSON.parse(text), value);
  });
});

describe('Markdown: untrusted text is inert', () => {
  for (const [family, text] of HOSTILE_TEXT) {
    test(`code span: ${family}`, () => {
      for (const inTable of [false, true]) {
        const markdown = inTable ? `| a |\n| - |\n| ${codeSpan(text, { inTable })} |` : `x ${codeSpan(text)} y`;
        const structure = markdownStructure(markdown);
        assert.deepEqual(structure.links, []);
        assert.deepEqual(structure.images, []);
        assert.deepEqual(structure.html, []);
        assert.deepEqual(structure.autolinks, []);
        assert.deepEqual(
          structure.blocks,
          inTable ? ['table', 'thead', 'tr', 'th', 'tbody', 'tr', 'td'] : ['paragraph'],
        );
      }
    });
    test(`prose: ${family}`, () => {
      const markdown = `- Warning: ${inertText(text)} (end)`;
      const structure = markdownStructure(markdown);
      assert.deepEqual(structure.links, []);
      assert.deepEqual(structure.images, []);
      assert.deepEqual(structure.html, []);
      assert.deepEqual(structure.autolinks, []);
      assert.deepEqual(structure.blocks, ['bullet_list', 'list_item', 'paragraph']);
    });
    test(`code block: ${family}`, () => {
      const structure = markdownStructure(`${codeBlock(text)}\n\nafter`);
      assert.deepEqual(structure.blocks, ['fence', 'paragraph']);
      assert.deepEqual(structure.html, []);
    });
  }
  test('a code span shows its text as it is (line breaks as spaces)', () => {
    for (const text of ['a ` b `` c', '`x`', '<b>&amp;</b>', '@octocat #1']) {
      const rendered = markdownStructureText(`x ${codeSpan(text)} y`);
      assert.equal(rendered, text);
    }
  });
  test('inert prose reads as the text it carries', () => {
    // eslint-disable-next-line no-control-regex
    const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]/;
    for (const [, text] of HOSTILE_TEXT.filter(([, value]) => !controls.test(value))) {
      const rendered = renderInline(`START ${inertText(text)} END`).replace(WORD_JOINER, '');
      assert.equal(rendered, `START ${text.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ')} END`);
    }
  });
  test('legal text is unchanged', () => {
    for (const text of LEGAL_TEXT.filter((value) => !value.includes('['))) assert.equal(inertText(text), text);
    for (const text of LEGAL_TEXT) assert.equal(codeSpan(text), `\`${text}\``);
    assert.equal(codeSpan('a|b', { inTable: true }), '`a\\|b`');
  });
});

describe('links are built from validated parts', () => {
  const source = { repository: 'acme/web', runUrl: 'https://github.com/acme/web/actions/runs/42' };
  test('a run of the source repository on the same server is linked, rebuilt', () => {
    assert.equal(sourceRunLink(source, 'https://github.com'), 'https://github.com/acme/web/actions/runs/42');
    assert.equal(
      sourceRunLink(
        { ...source, runUrl: 'https://github.com/ACME/web/actions/runs/42/attempts/2' },
        'https://github.com/',
      ),
      'https://github.com/acme/web/actions/runs/42',
    );
  });
  const refused: ReadonlyArray<[string, string]> = [
    ['ends the link early and mentions', 'https://github.com/acme/web/actions/runs/1)@octocat'],
    ['plants an image', 'https://github.com/acme/web/actions/runs/1)![x](https://evil.example/t.png'],
    ['a second link', 'https://github.com/acme/web/actions/runs/1)[approve](https://evil.example/login'],
    ['an issue reference', 'https://github.com/acme/web/actions/runs/1)#1'],
    ['another host', 'https://evil.example/acme/web/actions/runs/1'],
    ['another repository', 'https://github.com/evil/web/actions/runs/1'],
    ['not a run', 'https://github.com/acme/web/pull/1'],
    ['query', 'https://github.com/acme/web/actions/runs/1?x=1'],
    ['fragment', 'https://github.com/acme/web/actions/runs/1#x'],
    ['credentials', 'https://u:p@github.com/acme/web/actions/runs/1'],
    ['dot segments', 'https://github.com/acme/web/actions/runs/../../../evil/1'],
    ['javascript', 'javascript:alert(1)//github.com/acme/web/actions/runs/1'],
    ['space', 'https://github.com/acme/web/actions/runs/1 "title"'],
  ];
  for (const [family, runUrl] of refused) {
    test(`not linked: ${family}`, () => {
      assert.equal(sourceRunLink({ ...source, runUrl }, 'https://github.com'), undefined);
    });
  }
  test('parseRunUrl takes only the exact shape', () => {
    assert.deepEqual(parseRunUrl(source.runUrl), { origin: 'https://github.com', repository: 'acme/web', runId: '42' });
    for (const [, runUrl] of refused.slice(0, 4)) assert.equal(parseRunUrl(runUrl), undefined);
  });
  test('path segments and link destinations are percent-encoded', () => {
    assert.equal(urlPathSegment('v1.2.3+build.5'), 'v1.2.3+build.5');
    assert.equal(urlPathSegment('a)(b c'), 'a%29%28b%20c');
    assert.equal(urlPathSegment('x\ud800'), 'x%EF%BF%BD');
    assert.equal(linkDestination('https://github.com/acme/web/pull/1'), 'https://github.com/acme/web/pull/1');
    assert.equal(linkDestination('https://x/1)@octocat'), 'https://x/1%29@octocat');
    assert.equal(linkDestination('javascript:alert(1)'), undefined);
  });
});

describe('the pull request body of a hostile record', () => {
  const sha = '1a2b3c4d5e6f708192a3b4c5d6e7f80912a3b4c5';
  const hostile = (family: string) => HOSTILE_TEXT.find(([name]) => name === family)?.[1] ?? '';
  const record: PromotionRecord = {
    v: 1,
    app: 'web',
    environment: 'dev',
    image: 'ghcr.io/acme/web',
    tag: 'dev-1a2b3c4d-1763800000',
    previousTags: [hostile('mention'), hostile('link closing early')],
    changes: HOSTILE_TEXT.map(([, text], index) => ({
      file: `releases/dev/${text}.yaml`,
      line: index + 1,
      path: text,
      old: text,
      new: 'ghcr.io/acme/web:dev-1a2b3c4d-1763800000',
    })),
    base: 'b'.repeat(40),
    dispatchId: '7a3b2287-18a7-41b4-8b9d-5a908f2ffd98',
    source: {
      repository: 'acme/web',
      sha,
      ref: 'refs/heads/@octocat#1',
      runUrl: 'https://github.com/acme/web/actions/runs/1)@octocat',
    },
  };

  test('has exactly the links and the structure we intend', () => {
    const body = renderPullRequestBody(record, 'c'.repeat(40), { serverUrl: 'https://github.com' });
    const structure = markdownStructure(body);
    assert.deepEqual(structure.links, [`https://github.com/acme/web/commit/${sha}`]);
    assert.deepEqual(structure.images, []);
    assert.deepEqual(structure.autolinks, []);
    // The only HTML is our record block, last.
    assert.equal(structure.html.length, 1);
    assert.match(structure.html[0] ?? '', /^<!-- gitops-promote:record /);
    const rows = structure.blocks.filter((block) => block === 'tr').length;
    assert.equal(rows, record.changes.length + 1, 'one table row per change, plus the header');
    assert.deepEqual(
      structure.blocks.filter((block) => block !== 'tr' && block !== 'td' && block !== 'th'),
      [
        'paragraph',
        'table',
        'thead',
        'tbody',
        'bullet_list',
        'list_item',
        'paragraph',
        'list_item',
        'paragraph',
        'list_item',
        'paragraph',
      ],
      'the sentence, the table, and the list: source, dispatch, base',
    );
  });

  test('a legal run is linked, rebuilt from its parts', () => {
    const legal = { ...record, source: { ...record.source!, runUrl: 'https://github.com/acme/web/actions/runs/7' } };
    const structure = markdownStructure(
      renderPullRequestBody(legal, 'c'.repeat(40), { serverUrl: 'https://github.com' }),
    );
    assert.deepEqual(structure.links, [
      `https://github.com/acme/web/commit/${sha}`,
      'https://github.com/acme/web/actions/runs/7',
    ]);
  });
});

function renderInline(markdown: string): string {
  return markdownStructureText(markdown);
}

/** The text a paragraph renders to (code spans included), without markup. */
function markdownStructureText(markdown: string): string {
  const html = markdownHtml(markdown);
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/^x | y$/g, '')
    .trim();
}

import MarkdownIt from 'markdown-it';
const inline = new MarkdownIt('commonmark', { html: true });
function markdownHtml(markdown: string): string {
  return inline.renderInline(markdown);
}

describe('the pull request title (and commit subject): references GitHub would link are broken', () => {
  test('a tag cut from a branch gh-123-fix links no issue; the text reads the same', () => {
    const title = promotionTitle('web', 'gh-123-fix-abcdef12-1700000000', 'dev');
    assert.doesNotMatch(title, /\bgh-\d/i);
    assert.equal(title.replaceAll('\u2060', ''), 'Promote web to gh-123-fix-abcdef12-1700000000 in dev');
  });
  test('a legal tag without reference patterns is left exactly as it is', () => {
    for (const tag of ['dev-abcdef12-1700000000', '0.4.10', '1.2.3_build.7', 'stg-3f2a9c1e']) {
      assert.equal(promotionTitle('podinfo', tag, 'prod'), `Promote podinfo to ${tag} in prod`);
    }
  });
});
