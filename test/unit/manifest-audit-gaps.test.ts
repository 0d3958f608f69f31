import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { UserError } from '../../src/core/errors.js';
import { planBump, type BumpTarget } from '../../src/core/manifest/index.js';

/** The file's text after the bump (the input itself when nothing changes). */
function bumped(path: string, text: string, target: BumpTarget): string {
  const plan = planBump([{ path, text }], target);
  return plan.files.find((file) => file.path === path)?.newText ?? text;
}

function refused(run: () => unknown, message: RegExp): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(error instanceof UserError, `not a UserError: ${String(error)}`);
    assert.match(error.message, message);
    return true;
  });
}

const workload = (annotations: string, containers: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app
  annotations:
${annotations}
spec:
  template:
    spec:
      containers:
${containers}`;

describe('a malformed Flux tag annotation names its file and annotation', () => {
  const cases: { name: string; annotations: string; message: RegExp }[] = [
    {
      name: 'a bad semver range on another container',
      annotations: '    fluxcd.io/tag.sidecar: "semver:not a range"',
      message:
        /^apps\/web\/deploy\.yaml: metadata\.annotations\["fluxcd\.io\/tag\.sidecar"\]: got "semver:not a range"/,
    },
    {
      name: 'a bad regexp on another container',
      annotations: '    filter.fluxcd.io/sidecar: "regexp:^(unclosed"',
      message: /^apps\/web\/deploy\.yaml: metadata\.annotations\["filter\.fluxcd\.io\/sidecar"\]: /,
    },
    {
      name: 'a bad policy on the bumped container itself',
      annotations: '    flux.weave.works/tag.app: "semver:~~1"',
      message: /^apps\/web\/deploy\.yaml: metadata\.annotations\["flux\.weave\.works\/tag\.app"\]: /,
    },
  ];
  for (const { name, annotations, message } of cases) {
    test(name, () => {
      const text = workload(annotations, '      - name: app\n        image: acme/app:1\n');
      refused(() => planBump([{ path: 'apps/web/deploy.yaml', text }], { image: 'acme/app', tag: '2' }), message);
    });
  }

  test('on a HelmRelease', () => {
    const text = `apiVersion: helm.fluxcd.io/v1
kind: HelmRelease
metadata:
  annotations:
    fluxcd.io/tag.worker: "semver:>>1"
spec:
  values:
    image: acme/app:1
    worker:
      image: acme/worker:1
`;
    refused(
      () => planBump([{ path: 'releases/app.yaml', text }], { image: 'acme/app', tag: '2' }),
      /^releases\/app\.yaml: metadata\.annotations\["fluxcd\.io\/tag\.worker"\]: got "semver:>>1"/,
    );
  });
});
