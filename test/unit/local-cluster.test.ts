// The local cluster's build recipe and test helper, without building or starting anything: the
// generated tool module, the version stamps, the cache key, and the helper's skip when nothing can
// give a cluster.
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { toolGoMod, versionLdflags } from '../../tools/local-cluster/build.js';
import { cacheKey, findCached, readVersions, type Versions } from '../../tools/local-cluster/cache.js';
import { clusterForTests } from '../../tools/local-cluster/for-tests.js';

const k8s = { module: 'k8s.io/kubernetes', version: 'v1.36.3', binaries: { 'kube-apiserver': 'cmd/kube-apiserver' } };

test('the k/k tool module replaces every staging module with its v0.MINOR.PATCH release and keeps godebug', () => {
  const goMod = toolGoMod('kubernetes', k8s, {
    Go: '1.26.0',
    GoDebug: [{ Key: 'default', Value: 'go1.26' }],
    Replace: [
      { Old: { Path: 'k8s.io/api' }, New: { Path: './staging/src/k8s.io/api' } },
      { Old: { Path: 'k8s.io/client-go' }, New: { Path: './staging/src/k8s.io/client-go' } },
      // Not a staging module: not carried over (replace lines of a dependency do not apply anyway).
      { Old: { Path: 'github.com/example/fork' }, New: { Path: 'github.com/example/fork', Version: 'v1.0.0' } },
    ],
  });
  assert.match(goMod, /^go 1\.26\.0$/m);
  assert.match(goMod, /^godebug \(\n\tdefault=go1\.26\n\)$/m);
  assert.match(goMod, /^require k8s\.io\/kubernetes v1\.36\.3$/m);
  assert.match(goMod, /^\tk8s\.io\/api => k8s\.io\/api v0\.36\.3$/m);
  assert.match(goMod, /^\tk8s\.io\/client-go => k8s\.io\/client-go v0\.36\.3$/m);
  assert.doesNotMatch(goMod, /example\/fork/);
  assert.match(goMod, /^tool \(\n\tk8s\.io\/kubernetes\/cmd\/kube-apiserver\n\)$/m);
});

test('a module without staging modules gets no replace block; a root package is named by the module path', () => {
  const etcd = { module: 'go.etcd.io/etcd/server/v3', version: 'v3.6.16', binaries: { etcd: '' } };
  const goMod = toolGoMod('etcd', etcd, { Go: '1.25.0' });
  assert.doesNotMatch(goMod, /replace|godebug/);
  assert.match(goMod, /^tool \(\n\tgo\.etcd\.io\/etcd\/server\/v3\n\)$/m);
});

test('the Kubernetes binaries are stamped with the pinned release for component-base and client-go', () => {
  const flags = versionLdflags('kubernetes', k8s, 'abc123', '2026-07-22T18:07:38Z');
  for (const pkg of ['k8s.io/component-base/version', 'k8s.io/client-go/pkg/version']) {
    assert.ok(flags.includes(`-X ${pkg}.gitVersion=v1.36.3`));
    assert.ok(flags.includes(`-X ${pkg}.gitMajor=1`));
    assert.ok(flags.includes(`-X ${pkg}.gitMinor=36`));
    assert.ok(flags.includes(`-X ${pkg}.gitTreeState=clean`));
    assert.ok(flags.includes(`-X ${pkg}.gitCommit=abc123`));
  }
});

test('the cache key follows the versions and the Go minor version, not its patch release', () => {
  const versions = readVersions();
  const other: Versions = { ...versions, etcd: { ...versions.etcd, version: 'v3.6.15' } };
  assert.equal(cacheKey(versions, 'go1.26.8'), cacheKey(versions, 'go1.26.9'));
  assert.notEqual(cacheKey(versions, 'go1.26.8'), cacheKey(versions, 'go1.27.0'));
  assert.notEqual(cacheKey(versions, 'go1.26.8'), cacheKey(other, 'go1.26.8'));
  assert.match(cacheKey(versions, 'go1.26.8'), /^k8s-v1\.36\.3-[0-9a-f]{12}$/);
});

test('an empty cache has no build to reuse', () => {
  const empty = mkdtempSync(join(tmpdir(), 'gp-cluster-cache-'));
  try {
    assert.equal(findCached({ LOCAL_CLUSTER_CACHE: empty }), undefined);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('without KUBECONFIG, a cached build or Go, the cluster tests are skipped with the reason and the fix', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'gp-cluster-cache-'));
  // A PATH with node but no go.
  const bin = join(empty, 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  try {
    const got = await clusterForTests({ PATH: bin, HOME: empty, LOCAL_CLUSTER_CACHE: join(empty, 'cache') });
    assert.ok('skip' in got, 'no cluster can be had');
    assert.match(got.skip, /KUBECONFIG is not set/);
    assert.match(got.skip, /go is not on PATH/);
    assert.match(got.skip, /npm run local-cluster:build/);
    assert.ok(got.skip.includes(join(empty, 'cache')), 'names the cache folder it looked in');
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

test('KUBECONFIG without any kubectl is skipped, not run', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'gp-cluster-cache-'));
  // A PATH with node alone: the folder node lives in can hold a kubectl too (/usr/bin on some machines).
  const bin = join(empty, 'bin');
  mkdirSync(bin);
  symlinkSync(process.execPath, join(bin, 'node'));
  try {
    const got = await clusterForTests({
      PATH: bin,
      KUBECONFIG: join(empty, 'config'),
      LOCAL_CLUSTER_CACHE: join(empty, 'cache'),
    });
    assert.ok('skip' in got);
    assert.match(got.skip, /kubectl is not on PATH/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
