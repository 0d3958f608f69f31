// Every action bundle run as the runner runs it, with hostile values in every field, checked by the
// runner's own rules (actions/runner ActionCommand): no line the step prints is a workflow command we
// did not mean (a line is ended by "\n", "\r\n" or a lone "\r"; "::" after leading white space starts
// a command, "##[" anywhere does), GITHUB_OUTPUT keeps its delimiters (only declared outputs, each
// read back whole), and GITHUB_ENV and GITHUB_PATH stay untouched.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { runnerLines } from '../../src/core/text/untrusted.js';
import { markdownStructure } from '../unit/markdown-structure.js';
import { createGitHubClient } from '../../src/github/client.js';
import { createDeployment, setDeploymentStatus } from '../../src/github/deployments.js';
import { startLocalGitHub, type LocalGitHub } from '../../tools/local-github/index.js';
import { repoRoot, runAction, type ActionRun, type RunActionOptions } from '../../tools/runner/harness.js';

/** One hostile text per family; each carries MARK so that a command it forged can be recognised. */
const MARK = 'PWNED';
const FAMILIES: ReadonlyArray<[family: string, text: string]> = [
  ['LF then a command', `refs/heads/main\n::warning::${MARK}`],
  ['lone CR then a command', `x\r::error::${MARK}`],
  ['CRLF then add-mask', `x\r\n::add-mask::${MARK}`],
  ['LF then stop-commands', `x\n::stop-commands::${MARK}`],
  ['##[ anywhere', `x##[warning]${MARK}`],
  ['leading ::', `::error::${MARK}`],
  ['leading :: after white space', ` \u00a0::notice::${MARK}`],
];

// Dispatch and bump run dozens of bundles per family: the default run takes two families, --slow all
// (tag and the root action take every family in both).
const SLOW = process.env.GITOPS_PROMOTE_SLOW_TESTS === '1';
const QUICK_FAMILIES = ['LF then a command', '##[ anywhere'];
const skipUnlessSlow = (family: string) =>
  SLOW || QUICK_FAMILIES.includes(family) ? {} : { skip: 'every field with this family: npm test -- --slow' };

const APP_TOKEN = 'ghs_hostileTestAppToken0001';
const WORKFLOW_TOKEN = 'ghs_hostileTestWorkflowToken0002';
const SHA = '4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70';
const CORE_COMMANDS = ['debug', 'error', 'warning', 'notice', 'add-mask', 'group', 'endgroup'];
// The log groups the actions open are their phases, named by us: lowercase words, nothing from outside.
const PHASE_NAME = /^[a-z][a-z ]*$/;

/** Runs `run` over `items`, a few at a time: each is a process of its own, mostly waiting. */
async function eachConcurrently<T>(items: readonly T[], run: (item: T) => Promise<void>, limit = 3): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

function declaredOutputs(action: string): string[] {
  const file = action === 'main' ? join(repoRoot, 'action.yml') : join(repoRoot, 'actions', action, 'action.yml');
  const definition = parseYaml(readFileSync(file, 'utf8')) as { outputs?: Record<string, unknown> };
  return Object.keys(definition.outputs ?? {});
}

/** The checks the issue names, by the runner's rules. */
function assertRunnerSafe(run: ActionRun, action: string, secrets: readonly string[]): void {
  const log = `${run.stdout}\n${run.stderr}`;
  for (const line of runnerLines(run.stdout)) {
    const trimmed = line.replace(/^[\s\u0085\u180e]+/, '');
    // The runner tries "::" first and reads "##[" only in a line that is not already a "::" command.
    if (!trimmed.startsWith('::')) {
      assert.ok(!line.includes('##['), `"##[" in a printed line: ${JSON.stringify(line)}`);
      continue;
    }
    // A command: only @actions/core's, written at the start of the line, with nothing of ours forged in
    // its name or properties; a mask only ever for the secrets we passed.
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    assert.ok(match && CORE_COMMANDS.includes(match[1] ?? ''), `a command we did not mean: ${JSON.stringify(line)}`);
    assert.ok(!(match[2] ?? '').includes(MARK), `forged properties: ${JSON.stringify(line)}`);
    if (match[1] === 'add-mask') assert.ok(secrets.includes(match[3] ?? ''), `masked something else: ${line}`);
    if (match[1] === 'group') assert.match(match[3] ?? '', PHASE_NAME, `a group we did not name: ${line}`);
    if (match[1] === 'endgroup') assert.equal(match[3], '', `endgroup with text: ${line}`);
  }
  // stderr is read by the runner as well.
  for (const line of runnerLines(run.stderr)) {
    const trimmed = line.replace(/^[\s\u0085\u180e]+/, '');
    assert.ok(!trimmed.startsWith('::') && !line.includes('##['), `stderr command: ${JSON.stringify(line)}`);
  }
  const outputs = Object.keys(run.outputs);
  const declared = declaredOutputs(action);
  for (const name of outputs)
    assert.ok(declared.includes(name), `undeclared output ${name}: delimiters broken\n${log}`);
  assert.deepEqual(run.exportedEnv, {}, 'GITHUB_ENV untouched');
  assert.deepEqual(run.addedPath, [], 'GITHUB_PATH untouched');
  // The states a main step saves only mark the post step as such (action.yml runs.post: `post` for an
  // action's own, `root-post` for the root action's); nothing a hostile value could reach.
  assert.ok(
    Object.entries(run.state).every(([name, value]) => ['post', 'root-post'].includes(name) && value === 'true'),
    `GITHUB_STATE holds only the post markers: ${JSON.stringify(run.state)}`,
  );
}

let github: LocalGitHub;

before(async () => {
  github = await startLocalGitHub({
    tokens: {
      [APP_TOKEN]: {
        repos: [
          'acme/env',
          ...FAMILIES.map((_, index) => `acme/environments-${index}`),
          ...FAMILIES.map((_, index) => `acme/environments-promote-${index}`),
        ],
      },
      [WORKFLOW_TOKEN]: { repos: ['acme/web'] },
    },
  });
  await github.createRepository('acme', 'env', { 'README.md': '# environments\n' });
  await github.createRepository('acme', 'web', { 'README.md': '# web\n' });
});
after(() => github.stop());

describe('tag: hostile values in every field', () => {
  const legalInputs = { image: 'ghcr.io/acme/app' };
  const fields: ReadonlyArray<[string, (text: string) => RunActionOptions]> = [
    ['ref input', (text) => ({ inputs: { ...legalInputs, ref: text } })],
    ['ref input after a legal prefix', (text) => ({ inputs: { ...legalInputs, ref: `refs/heads/${text}` } })],
    ['GITHUB_REF', (text) => ({ ref: `refs/heads/${text}`, inputs: legalInputs })],
    ['sha', (text) => ({ inputs: { ...legalInputs, sha: text } })],
    ['timestamp', (text) => ({ inputs: { ...legalInputs, timestamp: text } })],
    ['format', (text) => ({ inputs: { ...legalInputs, format: `{sha}${text}` } })],
    ['sha-length', (text) => ({ inputs: { ...legalInputs, 'sha-length': text } })],
    ['image', (text) => ({ inputs: { image: text } })],
    ['environment-map pattern', (text) => ({ inputs: { ...legalInputs, 'environment-map': `${text}=dev\ndev=dev` } })],
    ['environment-map environment', (text) => ({ inputs: { ...legalInputs, 'environment-map': `dev=${text}` } })],
    [
      'environment-map with require-mapping',
      (text) => ({
        ref: 'refs/heads/other',
        inputs: { ...legalInputs, 'environment-map': `${text}=x`, 'require-mapping': 'true' },
      }),
    ],
    ['require-mapping', (text) => ({ inputs: { ...legalInputs, 'require-mapping': text } })],
    ['head commit timestamp', (text) => ({ event: { head_commit: { timestamp: text } }, inputs: legalInputs })],
  ];
  for (const [family, text] of FAMILIES) {
    test(family, async () => {
      for (const [field, options] of fields) {
        const run = await runAction('tag', { ref: 'refs/heads/dev', sha: SHA, ...options(text) });
        assertRunnerSafe(run, 'tag', []);
        // A ref with a line break or "[" is refused naming git's rule; the step fails, nothing is output.
        if (field.startsWith('ref')) {
          assert.equal(run.exitCode, 1, `${field}: ${run.stdout}`);
          assert.deepEqual(run.outputs, {});
        }
      }
    });
  }
});

describe('dispatch: hostile values in every field', () => {
  const legalInputs = {
    token: APP_TOKEN,
    repository: 'acme/env',
    app: 'web',
    image: 'ghcr.io/acme/web',
    tag: '0.4.10',
  };
  const fields: ReadonlyArray<[string, (text: string) => RunActionOptions]> = [
    ...['repository', 'app', 'image', 'tag', 'digest', 'environment', 'build-timestamp', 'event-type'].map(
      (name): [string, (text: string) => RunActionOptions] => [
        name,
        (text) => ({ inputs: { ...legalInputs, [name]: text } }),
      ],
    ),
    ['extra-payload (not JSON)', (text) => ({ inputs: { ...legalInputs, 'extra-payload': text } })],
    [
      'extra-payload value',
      (text) => ({ inputs: { ...legalInputs, 'extra-payload': JSON.stringify({ note: text }) } }),
    ],
    ['extra-payload key', (text) => ({ inputs: { ...legalInputs, 'extra-payload': JSON.stringify({ [text]: 1 }) } })],
    ['token', (text) => ({ inputs: { ...legalInputs, token: `ghs_${text}` } })],
    ['workflow-token', (text) => ({ inputs: { ...legalInputs, 'workflow-token': `ghs_${text}` } })],
    ['GITHUB_REF', (text) => ({ ref: `refs/heads/${text}`, inputs: legalInputs })],
    ['GITHUB_RUN_ID', (text) => ({ env: { GITHUB_RUN_ID: text }, inputs: legalInputs })],
    ['GITHUB_SERVER_URL', (text) => ({ serverUrl: `https://github.com/${text}`, inputs: legalInputs })],
  ];
  for (const [family, text] of FAMILIES) {
    test(family, skipUnlessSlow(family), async () => {
      await eachConcurrently(fields, async ([field, options]) => {
        const given = options(text);
        const run = await runAction('dispatch', {
          apiUrl: github.url,
          repository: 'acme/web',
          ref: 'refs/tags/v0.4.10',
          sha: SHA,
          token: WORKFLOW_TOKEN,
          ...given,
        });
        const secrets = [APP_TOKEN, WORKFLOW_TOKEN, given.inputs?.token ?? '', given.inputs?.['workflow-token'] ?? ''];
        assertRunnerSafe(run, 'dispatch', [...secrets, ...secrets.flatMap((secret) => secret.split(/[\r\n]+/))]);
        if (field === 'extra-payload value') {
          assert.equal(run.exitCode, 0, run.stdout);
          // The output carries the value exactly; only the log shows it escaped.
          assert.equal((JSON.parse(run.outputs.payload ?? '{}') as { extra: { note: string } }).extra.note, text);
        }
        if (field === 'token' && /[\r\n]/.test(text)) {
          assert.equal(run.exitCode, 1);
          assert.match(run.stdout, /token: the token holds a line break or another control character \(not shown\)/);
          for (const line of runnerLines(run.stdout).filter((line) => !line.startsWith('::add-mask::'))) {
            assert.ok(!line.includes(MARK), `the token leaked: ${line}`);
          }
        }
      });
    });
  }
});

describe('bump: hostile payload fields, inputs and environment repository content', () => {
  const CONFIG = [
    'environments:',
    '  - name: dev',
    '    path: releases/dev',
    '    tags: glob:*',
    'apps:',
    '  web:',
    '    image: ghcr.io/acme/web',
    '',
  ].join('\n');
  let dispatchCount = 0;

  function legalPayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
    dispatchCount += 1;
    return {
      v: 1,
      app: 'web',
      image: 'ghcr.io/acme/web',
      tag: `dev-abcdef12-${1763800000 + dispatchCount}`,
      environment: 'dev',
      source: {
        repository: 'acme/web',
        sha: SHA,
        ref: 'refs/heads/dev',
        runUrl: `https://github.com/acme/web/actions/runs/${dispatchCount}`,
      },
      buildTimestamp: 1763800000 + dispatchCount,
      dispatchId: `00000000-0000-4000-8000-${String(dispatchCount).padStart(12, '0')}`,
      ...overrides,
    };
  }

  function runBump(repository: string, payload: Record<string, unknown>, options: RunActionOptions = {}) {
    return runAction('bump', {
      eventName: 'repository_dispatch',
      event: {
        action: 'gitops-promote',
        client_payload: payload,
        repository: { full_name: `acme/${repository}`, default_branch: 'main' },
      },
      repository: `acme/${repository}`,
      apiUrl: github.url,
      token: WORKFLOW_TOKEN,
      ...options,
      inputs: { token: APP_TOKEN, ...options.inputs },
    });
  }

  for (const [index, [family, text]] of FAMILIES.entries()) {
    test(family, skipUnlessSlow(family), async () => {
      // The environment repository holds a folder named with the hostile text, and a kustomization whose
      // running tag is the hostile text: bump echoes both (previous-tag, changed-files, log, summary).
      const repository = `environments-${index}`;
      const folder = `web-${text.replace(/\//g, '_')}`;
      await github.createRepository('acme', repository, {
        '.github/promotion.yml': CONFIG,
        [`releases/dev/${folder}/kustomization.yaml`]: `images:\n- name: ghcr.io/acme/web\n  newTag: ${JSON.stringify(`1.0${text}`)}\n`,
      });
      const secrets = [APP_TOKEN, WORKFLOW_TOKEN];

      const run = await runBump(repository, legalPayload());
      assertRunnerSafe(run, 'bump', secrets);
      assert.equal(run.exitCode, 0, run.stdout);
      assert.equal(run.outputs.operation, 'created', run.stdout);
      // The runner reads a multi-line output's lines back joined with "\n", as the harness does.
      assert.equal(run.outputs['previous-tag'], `1.0${text}`.replace(/\r\n/g, '\n'));
      assert.deepEqual(JSON.parse(run.outputs['changed-files'] ?? '[]'), [`releases/dev/${folder}/kustomization.yaml`]);
      const summary = markdownStructure(run.summary);
      assert.deepEqual(summary.images, []);
      assert.deepEqual(summary.html, []);
      assert.deepEqual(summary.autolinks, []);
      const pull = github.pullRequests('acme', repository)[0];
      const body = markdownStructure(pull?.body ?? '');
      assert.deepEqual(body.autolinks, []);
      assert.deepEqual(body.images, []);
      assert.equal(body.html.length, 1, 'only the record block');

      // Every payload field and every input, hostile in turn: refused, never echoed as a command.
      const payloads: Record<string, unknown>[] = [
        ...['app', 'image', 'tag', 'digest', 'environment', 'dispatchId', 'buildTimestamp'].map((field) =>
          legalPayload({ [field]: text }),
        ),
        ...['repository', 'sha', 'ref', 'runUrl'].map((field) =>
          legalPayload({ source: { ...(legalPayload().source as Record<string, unknown>), [field]: text } }),
        ),
        legalPayload({ extra: { note: text } }),
        legalPayload({ [text]: 1 }),
      ];
      await eachConcurrently(payloads, async (payload) => {
        assertRunnerSafe(await runBump(repository, payload), 'bump', secrets);
      });
      const inputs = [
        'repository',
        'config',
        'payload',
        'app',
        'image',
        'tag',
        'digest',
        'environment',
        'build-timestamp',
      ];
      await eachConcurrently(inputs, async (name) => {
        assertRunnerSafe(await runBump(repository, legalPayload(), { inputs: { [name]: text } }), 'bump', secrets);
      });
      const tokenRun = await runBump(repository, legalPayload(), { inputs: { token: `ghs_${text}` } });
      assertRunnerSafe(tokenRun, 'bump', [...secrets, `ghs_${text}`, ...`ghs_${text}`.split(/[\r\n]+/)]);
    });
  }
});

describe('promote: hostile running tags, deployment payloads and inputs', () => {
  const CONFIG = [
    'environments:',
    '  - {name: dev, path: releases/dev, tags: "glob:*"}',
    '  - {name: stg, path: releases/stg, tags: "glob:*", from: dev}',
    'apps:',
    '  web:',
    '    image: ghcr.io/acme/web',
    '',
  ].join('\n');

  function runPromote(repository: string, options: RunActionOptions = {}) {
    return runAction('promote', {
      eventName: 'deployment_status',
      event: {
        deployment_status: { state: 'success', environment: 'dev' },
        repository: { full_name: `acme/${repository}`, default_branch: 'main' },
      },
      repository: `acme/${repository}`,
      apiUrl: github.url,
      token: WORKFLOW_TOKEN,
      ...options,
      inputs: { token: APP_TOKEN, ...options.inputs },
    });
  }

  for (const [index, [family, text]] of FAMILIES.entries()) {
    test(family, skipUnlessSlow(family), async () => {
      // dev runs a tag that is the hostile text, and its latest deployment names hostile images:
      // promote echoes both (reason, image, promotions, log, summary).
      const repository = `environments-promote-${index}`;
      await github.createRepository('acme', repository, {
        '.github/promotion.yml': CONFIG,
        'releases/dev/web/kustomization.yaml': `images:\n- name: ghcr.io/acme/web\n  newTag: ${JSON.stringify(`1.0${text}`)}\n`,
        'releases/stg/web/kustomization.yaml': 'images:\n- name: ghcr.io/acme/web\n  newTag: "0.9"\n',
      });
      const client = createGitHubClient({ token: APP_TOKEN, baseUrl: github.url });
      const commit = (await github.git('acme', repository, ['rev-parse', 'refs/heads/main'])).trim();
      const id = await createDeployment(
        client,
        { owner: 'acme', repo: repository },
        {
          ref: commit,
          environment: 'dev',
          description: text,
          payload: { images: [`ghcr.io/acme/web:1.0${text}`, text], commit },
        },
      );
      await setDeploymentStatus(client, { owner: 'acme', repo: repository }, id, {
        state: 'success',
        description: text,
      });
      const secrets = [APP_TOKEN, WORKFLOW_TOKEN];

      const run = await runPromote(repository);
      assertRunnerSafe(run, 'promote', secrets);
      assert.equal(run.exitCode, 0, run.stdout);
      // The hostile tag reached the outputs (read back whole) and the reason: it was echoed, safely.
      const [row] = JSON.parse(run.outputs.promotions ?? '[]') as { image: string; reason: string }[];
      // (inside the JSON the text is escaped, so even a CRLF comes back as it was)
      assert.equal(row?.image, `ghcr.io/acme/web:1.0${text}`);
      assert.ok(run.outputs.reason?.includes(MARK), run.outputs.reason);
      const summary = markdownStructure(run.summary);
      assert.deepEqual(summary.images, []);
      assert.deepEqual(summary.html, []);
      assert.deepEqual(summary.autolinks, []);

      const inputs = ['config', 'environment', 'app', 'dry-run'];
      await eachConcurrently(inputs, async (name) => {
        assertRunnerSafe(await runPromote(repository, { inputs: { [name]: text } }), 'promote', secrets);
      });
      const eventRun = await runPromote(repository, {
        event: { deployment_status: { state: 'success', environment: text } },
      });
      assertRunnerSafe(eventRun, 'promote', secrets);
      const tokenRun = await runPromote(repository, { inputs: { 'app-token': `ghs_${text}` } });
      assertRunnerSafe(tokenRun, 'promote', [...secrets, `ghs_${text}`, ...`ghs_${text}`.split(/[\r\n]+/)]);
    });
  }
});

describe('the root action: a hostile command name', () => {
  for (const [family, text] of FAMILIES) {
    test(family, async () => {
      const run = await runAction('main', { inputs: { command: text } });
      assertRunnerSafe(run, 'main', []);
      assert.equal(run.exitCode, 1);
    });
  }
});
