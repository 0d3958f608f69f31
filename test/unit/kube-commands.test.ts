import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import {
  annotateCommand,
  applyCommand,
  describeCommand,
  diffCommand,
  eventsCommand,
  formatCommandLine,
  helmTemplateCommand,
  kindCreateCommand,
  kindDeleteCommand,
  kindExportLogsCommand,
  kindPullCommand,
  kustomizeCommand,
  logsCommand,
  rolloutStatusCommand,
  waitEstablishedCommand,
  type CommandLine,
} from '../../src/kube/commands.js';
import { ProgramMissingError, runCommand } from '../../src/kube/run.js';

const target = { kubectl: '/opt/kubectl', kubeconfig: '/tmp/kc', context: 'ctx', namespace: 'apps' };
const web = { kind: 'Deployment', name: 'web', namespace: 'shop' };

describe('kube adapter command lines', () => {
  const cases: { name: string; line: CommandLine; program: string; args: string[]; stdin?: string }[] = [
    {
      name: 'apply from files, server side, field manager',
      line: applyCommand(target, {
        files: ['a.yaml', 'dir with space'],
        fieldManager: 'gitops-promote',
        output: 'json',
      }),
      program: '/opt/kubectl',
      args: [
        '--kubeconfig=/tmp/kc',
        '--context=ctx',
        '--namespace=apps',
        'apply',
        '--server-side',
        '--field-manager=gitops-promote',
        '-f',
        'a.yaml',
        '-f',
        'dir with space',
        '--output=json',
      ],
    },
    {
      name: 'apply dry run from stdin with force and prune',
      line: applyCommand(
        {},
        {
          stdin: 'kind: X',
          dryRun: 'server',
          fieldManager: 'm',
          forceConflicts: true,
          pruneApplySet: 'configmaps/env-dev',
        },
      ),
      program: 'kubectl',
      args: [
        'apply',
        '--server-side',
        '--field-manager=m',
        '--force-conflicts',
        '--dry-run=server',
        '--prune',
        '--applyset=configmaps/env-dev',
        '-f',
        '-',
        '--output=name',
      ],
      stdin: 'kind: X',
    },
    {
      name: 'diff server side',
      line: diffCommand({}, { files: ['x'], fieldManager: 'gitops-promote' }),
      program: 'kubectl',
      args: ['diff', '--server-side', '--field-manager=gitops-promote', '-f', 'x'],
    },
    {
      name: 'rollout status in the object namespace, timeout in seconds',
      line: rolloutStatusCommand(target, web, 90.4),
      program: '/opt/kubectl',
      args: [
        '--kubeconfig=/tmp/kc',
        '--context=ctx',
        '--namespace=shop',
        'rollout',
        'status',
        'deployment/web',
        '--watch=true',
        '--timeout=90s',
      ],
    },
    {
      name: 'wait for CustomResourceDefinitions to be Established: cluster-scoped, never the target namespace',
      line: waitEstablishedCommand(target, ['widgets.example.com', 'gadgets.example.com'], 59.6),
      program: '/opt/kubectl',
      args: [
        '--kubeconfig=/tmp/kc',
        '--context=ctx',
        'wait',
        '--for=condition=Established',
        '--timeout=60s',
        'customresourcedefinitions.apiextensions.k8s.io/widgets.example.com',
        'customresourcedefinitions.apiextensions.k8s.io/gadgets.example.com',
      ],
    },
    {
      name: 'describe',
      line: describeCommand({}, web),
      program: 'kubectl',
      args: ['--namespace=shop', 'describe', 'deployment/web'],
    },
    {
      name: 'events of one object',
      line: eventsCommand({}, web),
      program: 'kubectl',
      args: [
        '--namespace=shop',
        'get',
        'events',
        '--field-selector=involvedObject.kind=Deployment,involvedObject.name=web',
        '--sort-by=.lastTimestamp',
      ],
    },
    {
      name: 'previous logs',
      line: logsCommand({}, web, true),
      program: 'kubectl',
      args: ['--namespace=shop', 'logs', 'deployment/web', '--all-containers=true', '--tail=200', '--previous'],
    },
    {
      name: 'annotate',
      line: annotateCommand({}, web, { 'gitops-promote.dev/commit': 'abc' }, 'gitops-promote'),
      program: 'kubectl',
      args: [
        '--namespace=shop',
        'annotate',
        'deployment/web',
        '--overwrite',
        '--field-manager=gitops-promote',
        'gitops-promote.dev/commit=abc',
      ],
    },
    {
      name: 'kustomize ignores cluster flags',
      line: kustomizeCommand(target, 'releases/dev/web'),
      program: '/opt/kubectl',
      args: ['kustomize', 'releases/dev/web'],
    },
    {
      name: 'helm template',
      line: helmTemplateCommand({ release: 'worker', chart: 'charts/worker', namespace: 'dev', valuesFile: 'v.yaml' }),
      program: 'helm',
      args: ['template', 'worker', 'charts/worker', '--namespace=dev', '--values=v.yaml'],
    },
    {
      name: 'kind create',
      line: kindCreateCommand({ name: 'gp', image: 'kindest/node@sha256:abc', waitSeconds: 60, kubeconfig: 'k' }),
      program: 'kind',
      args: ['create', 'cluster', '--name=gp', '--image=kindest/node@sha256:abc', '--wait=60s', '--kubeconfig=k'],
    },
    {
      name: 'kind delete',
      line: kindDeleteCommand({ kind: '/t/kind', name: 'gp' }),
      program: '/t/kind',
      args: ['delete', 'cluster', '--name=gp'],
    },
    {
      name: 'kind export logs',
      line: kindExportLogsCommand({ name: 'gp', dir: '/r/kind' }),
      program: 'kind',
      args: ['export', 'logs', '/r/kind', '--name=gp'],
    },
    {
      name: 'pre-pull on the kind node',
      line: kindPullCommand({ name: 'gp', image: 'ghcr.io/a/b:1' }),
      program: 'docker',
      args: ['exec', 'gp-control-plane', 'crictl', 'pull', 'ghcr.io/a/b:1'],
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      assert.equal(c.line.program, c.program);
      assert.deepEqual(c.line.args, c.args);
      assert.equal(c.line.stdin, c.stdin);
    });
  }

  test('a command with nothing to act on is refused', () => {
    assert.throws(() => applyCommand({}, { fieldManager: 'm' }), /no files and no stdin/);
    assert.throws(() => waitEstablishedCommand({}, [], 10), /no CustomResourceDefinition named/);
  });

  test('a hostile name stays one argument', () => {
    const line = describeCommand({}, { kind: 'Pod', name: 'x; rm -rf / $(id)' });
    assert.deepEqual(line.args, ['describe', 'pod/x; rm -rf / $(id)']);
    assert.equal(formatCommandLine(line), `kubectl describe 'pod/x; rm -rf / $(id)'`);
  });
});

describe('runCommand', () => {
  test('passes arguments and stdin without a shell, captures output and exit code', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kube-run-'));
    try {
      const program = join(dir, 'echoer');
      writeFileSync(program, '#!/bin/sh\nfor a in "$@"; do echo "arg:$a"; done\ncat\necho err >&2\nexit 3\n');
      chmodSync(program, 0o755);
      const result = await runCommand({ program, args: ['$(id)', 'a b'], stdin: 'in' });
      assert.equal(result.code, 3);
      assert.equal(result.stdout, 'arg:$(id)\narg:a b\nin');
      assert.equal(result.stderr, 'err\n');
      assert.equal(result.timedOut, false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a missing program is a ProgramMissingError naming it', async () => {
    await assert.rejects(runCommand({ program: '/nonexistent/kubectl', args: [] }), (error: unknown) => {
      assert.ok(error instanceof ProgramMissingError);
      assert.match(error.message, /\/nonexistent\/kubectl/);
      return true;
    });
  });
});
