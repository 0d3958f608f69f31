import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_CONFIG_PATH,
  findEnvironment,
  parsePromotionConfig,
  type PromotionConfig,
} from '../../core/config/index.js';
import { invalid } from '../../core/errors.js';
import { readRunnerContext } from '../shared/context.js';
import { ActionInputs, type Environment } from '../shared/inputs.js';
import { buildRunUrl } from '../../core/text/links.js';

export const SECRET_INPUTS = ['token'] as const;

export interface ApplyInputs {
  kubeconfig: string;
  context: string | undefined;
  namespace: string | undefined;
  environment: string;
  directory: string;
  /** The promotion config of the checkout, read once here (the static stage uses it too). */
  config: PromotionConfig;
  mode: 'apply' | 'diff';
  prune: boolean;
  timeoutSeconds: number;
  fieldManager: string;
  forceConflicts: boolean;
  rollbackOnFailure: boolean;
  environmentUrl: string | undefined;
  commit: string;
  sourceCommit: string | undefined;
  kubectlVersion: string | undefined;
  token: string | undefined;
  repository: { owner: string; repo: string } | undefined;
  apiUrl: string;
  runUrl: string | undefined;
}

const SHA = /^[0-9a-f]{40}$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

export function readApplyInputs(env: Environment, workspace: string): ApplyInputs {
  const inputs = new ActionInputs(env);
  const context = readRunnerContext(env);
  const kubeconfig = inputs.multiline('kubeconfig');
  if (kubeconfig === undefined)
    throw invalid('kubeconfig', undefined, "the kubeconfig of the environment's cluster (a secret)");
  const mode = inputs.string('mode', 'apply');
  if (mode !== 'apply' && mode !== 'diff') throw invalid('mode', mode, 'apply or diff');
  const namespace = inputs.optional('namespace');
  if (namespace !== undefined && !NAMESPACE.test(namespace)) throw invalid('namespace', namespace, 'a DNS-1123 label');
  const fieldManager = inputs.string('field-manager', 'gitops-promote');
  if (!/^[A-Za-z0-9][A-Za-z0-9._:-]{0,100}$/.test(fieldManager)) {
    throw invalid('field-manager', fieldManager, 'a name of A-Z a-z 0-9 . _ : - (at most 101)');
  }
  const environment = inputs.required('environment');
  const directory = inputs.string('directory', '.');
  const configPath = join(workspace, directory, DEFAULT_CONFIG_PATH);
  let text: string;
  try {
    text = readFileSync(configPath, 'utf8');
  } catch {
    throw invalid('directory', directory, `a checkout of the environment repository with ${DEFAULT_CONFIG_PATH}`);
  }
  const config = parsePromotionConfig(text);
  const declared = findEnvironment(config, environment);
  const branch = context.ref.startsWith('refs/heads/') ? context.ref.slice('refs/heads/'.length) : undefined;
  if (mode === 'apply' && declared.branch && branch && branch !== declared.branch) {
    throw invalid(
      'environment',
      environment,
      `to be applied from its branch ${declared.branch} (this run is on ${branch})`,
    );
  }
  const commit = inputs.string('commit', context.sha);
  if (!SHA.test(commit)) throw invalid('commit', commit, 'a full 40-character commit sha (default GITHUB_SHA)');
  const sourceCommit = inputs.optional('source-commit');
  if (sourceCommit !== undefined && !SHA.test(sourceCommit))
    throw invalid('source-commit', sourceCommit, 'a full 40-character commit sha');
  const environmentUrl = inputs.optional('environment-url');
  if (environmentUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(environmentUrl)) {
    throw invalid('environment-url', environmentUrl, 'an http(s) URL');
  }
  const [owner, repo] = context.repository.split('/');
  return {
    kubeconfig,
    context: inputs.optional('context'),
    namespace,
    environment,
    directory,
    config,
    mode,
    prune: inputs.boolean('prune', false),
    timeoutSeconds: inputs.integer('timeout', 300, { min: 1, max: 3600 }),
    fieldManager,
    forceConflicts: inputs.boolean('force-conflicts', false),
    rollbackOnFailure: inputs.boolean('rollback-on-failure', false),
    environmentUrl,
    commit,
    sourceCommit,
    kubectlVersion: inputs.optional('kubectl-version'),
    token: inputs.optional('token'),
    repository: owner && repo ? { owner, repo } : undefined,
    apiUrl: context.apiUrl,
    runUrl:
      context.runId && context.repository
        ? buildRunUrl(context.serverUrl, context.repository, context.runId)
        : undefined,
  };
}
