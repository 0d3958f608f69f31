import {
  DEFAULT_KUBERNETES_VERSION,
  formatFinding,
  hasErrors,
  SCHEMA_KUBERNETES_VERSION,
} from '../../core/validate/index.js';
import { runStaticStage } from '../../flows/validate-static.js';
import { optionalString, requireDirectory, type Command } from '../command.js';

const USAGE = `usage: gitops-promote validate --dir <dir> [--environment <name>] [--kubernetes-version <1.N>] [--json]

Validates an environment repository's manifests without a cluster: every YAML file parses (no
duplicate keys); built-in kinds match the Kubernetes ${SCHEMA_KUBERNETES_VERSION} schemas (unknown fields are findings);
the Flux kinds' fields gitops-promote reads; DNS-1123 names; selectors match template labels; every
image has a tag or digest and none is latest; the tags of the config's apps pass the environment's
policy (.github/promotion.yml); no object twice in one environment; no Secret with plain data.
Kustomizations are rendered with \`kubectl kustomize\`, in-repository charts with \`helm template\`;
when those programs are missing, what they would render is reported as not checked.
Custom kinds without a schema are reported as not checked, never as passed.

options:
  --dir <dir>           the environment repository (or any folder of manifests)
  --environment <name>  only this environment's folder (needs .github/promotion.yml)
  --kubernetes-version  the version objects must be served at (default ${DEFAULT_KUBERNETES_VERSION}: removed
                        apiVersions are findings; fields are checked against the ${SCHEMA_KUBERNETES_VERSION} schemas)
  --json                print {"valid","kubernetesVersion","objects":[...],"findings":[...]}

exit status: 0 no findings (notes about what was not checked allowed); 1 findings, or a bad config;
2 a missing option or a --dir that is not an existing directory.`;

export const validateCommand: Command = {
  name: 'validate',
  summary: 'static validation of an environment repository (no cluster)',
  usage: USAGE,
  options: { dir: { type: 'string' }, environment: { type: 'string' }, 'kubernetes-version': { type: 'string' } },
  async run(values, _positionals, context) {
    const dir = requireDirectory(values, 'dir', context.cwd);
    const environment = optionalString(values, 'environment');
    const kubernetesVersion = optionalString(values, 'kubernetes-version');
    const report = await runStaticStage({
      dir,
      ...(environment !== undefined ? { environment } : {}),
      ...(kubernetesVersion !== undefined ? { kubernetesVersion } : {}),
    });
    const errors = report.findings.filter((finding) => finding.severity === 'error');
    const notChecked = report.findings.length - errors.length;
    const summary = `${report.objects.length} objects: ${report.objects.filter((o) => o.result === 'passed').length} passed, ${
      report.objects.filter((o) => o.result === 'failed').length
    } failed, ${report.objects.filter((o) => o.result === 'not-checked').length} not checked; ${errors.length} findings, ${notChecked} notes`;
    const text = [...report.findings.map(formatFinding), summary].join('\n');
    const json = {
      valid: !hasErrors(report),
      kubernetesVersion: kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION,
      schemas: SCHEMA_KUBERNETES_VERSION,
      objects: report.objects,
      findings: report.findings,
    };
    return { json, text, ...(hasErrors(report) ? { failure: `${errors.length} findings in ${dir}` } : {}) };
  },
};
