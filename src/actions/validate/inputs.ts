import { invalid } from '../../core/errors.js';
import { DEFAULT_KUBERNETES_VERSION } from '../../core/validate/index.js';
import { kubernetesMinor } from '../../core/validate/removed-apis.js';
import { DEFAULT_KIND_VERSION } from '../../kube/kind.js';
import { pick, readRunnerContext } from '../shared/context.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';
import { buildRunUrl } from '../../core/text/links.js';

export const SECRET_INPUTS = ['token'] as const;
export const CLUSTER_MODES = ['kind', 'existing', 'none'] as const;
export type ClusterMode = (typeof CLUSTER_MODES)[number];

export interface ValidateInputs {
  directory: string;
  environment: string | undefined;
  kubernetesVersion: string;
  cluster: ClusterMode;
  kubeconfig: string | undefined;
  context: string | undefined;
  timeoutSeconds: number;
  fieldManager: string;
  token: string | undefined;
  comment: boolean;
  statusContext: string;
  /** undefined: the default for the cluster mode (see action.yml). */
  kubectlVersion: string | undefined;
  kind: {
    name: string;
    nodeImage: string | undefined;
    config: string | undefined;
    waitSeconds: number;
    version: string;
    pullRetries: number;
  };
  clusterScope: 'changed' | 'all';
  pull: number | undefined;
  headSha: string | undefined;
  baseSha: string | undefined;
  repository: { owner: string; repo: string } | undefined;
  apiUrl: string;
  runUrl: string | undefined;
}

const FIELD_MANAGER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function readValidateInputs(env: Environment): ValidateInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);
  const cluster = inputs.string('cluster', 'kind');
  if (!(CLUSTER_MODES as readonly string[]).includes(cluster))
    throw invalid('cluster', cluster, 'kind, existing or none');
  const kubeconfig = inputs.multiline('kubeconfig');
  if (cluster === 'existing' && kubeconfig === undefined) {
    throw invalid('kubeconfig', undefined, 'the kubeconfig of the cluster to validate in (cluster: existing needs it)');
  }
  const kubernetesVersion = inputs.string('kubernetes-version', DEFAULT_KUBERNETES_VERSION);
  if (kubernetesMinor(kubernetesVersion) === undefined) {
    throw invalid('kubernetes-version', kubernetesVersion, 'a Kubernetes version such as 1.34 or v1.34.0');
  }
  const fieldManager = inputs.string('field-manager', 'gitops-promote');
  if (!FIELD_MANAGER.test(fieldManager))
    throw invalid('field-manager', fieldManager, 'a name of A-Z a-z 0-9 . _ : - (at most 128)');
  const kindName = inputs.string('kind-cluster-name', 'gitops-promote');
  if (!/^[a-z0-9][a-z0-9-]{0,49}$/.test(kindName))
    throw invalid('kind-cluster-name', kindName, 'a name of a-z 0-9 - (at most 50)');
  const pullNumber = pick(context.payload, 'pull_request', 'number');
  const headSha = pick(context.payload, 'pull_request', 'head', 'sha');
  const baseSha = pick(context.payload, 'pull_request', 'base', 'sha');
  const clusterScope = inputs.string('cluster-scope', 'changed');
  if (clusterScope !== 'changed' && clusterScope !== 'all')
    throw invalid('cluster-scope', clusterScope, 'changed or all');
  const [owner, repo] = context.repository.split('/');
  return {
    directory: inputs.string('directory', '.'),
    environment: inputs.optional('environment'),
    kubernetesVersion,
    cluster: cluster as ClusterMode,
    kubeconfig,
    context: inputs.optional('context'),
    timeoutSeconds: inputs.integer('timeout', 300, { min: 1, max: 3600 }),
    fieldManager,
    token: inputs.optional('token'),
    comment: inputs.boolean('comment', true),
    statusContext: inputs.string('status-context', 'gitops-promote/validate'),
    kubectlVersion: inputs.optional('kubectl-version'),
    kind: {
      name: kindName,
      nodeImage: inputs.optional('kind-node-image'),
      config: inputs.optional('kind-config'),
      waitSeconds: inputs.integer('kind-wait', 120, { min: 0, max: 1800 }),
      version: inputs.string('kind-version', DEFAULT_KIND_VERSION),
      pullRetries: inputs.integer('pull-retries', 3, { min: 0, max: 10 }),
    },
    clusterScope,
    pull: typeof pullNumber === 'number' ? pullNumber : undefined,
    headSha: typeof headSha === 'string' ? headSha : undefined,
    baseSha: typeof baseSha === 'string' ? baseSha : undefined,
    repository: owner && repo ? { owner, repo } : undefined,
    apiUrl: context.apiUrl,
    runUrl:
      context.runId && context.repository
        ? buildRunUrl(context.serverUrl, context.repository, context.runId)
        : undefined,
  };
}
