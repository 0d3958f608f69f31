// The static stage over a folder: reads the manifests and the promotion config, renders every
// kustomization (`kubectl kustomize`) and every HelmRelease whose chart is in the repository
// (`helm template`), and hands the text to the pure checks in core/validate.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix } from 'node:path';
import {
  DEFAULT_CONFIG_PATH,
  findEnvironment,
  parsePromotionConfig,
  type PromotionConfig,
} from '../core/config/index.js';
import { invalid } from '../core/errors.js';
import { validateManifests, type Finding, type ManifestSource, type StaticReport } from '../core/validate/index.js';
import { parseAllDocuments } from 'yaml';
import { readTree } from '../fs/tree.js';
import { helmTemplateCommand, kustomizeCommand } from '../kube/commands.js';
import { ProgramMissingError, runCommand } from '../kube/run.js';

export interface StaticStageOptions {
  dir: string;
  environment?: string;
  /** kubectl for `kustomize` (default: kubectl on PATH). */
  kubectl?: string;
  /** helm for in-repository charts (default: helm on PATH; missing: those releases are not checked). */
  helm?: string;
  configPath?: string;
  /** The config at configPath, when the caller has read it already. */
  config?: PromotionConfig;
  kubernetesVersion?: string;
}

const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

function isUnder(path: string, folder: string): boolean {
  return folder === '' || path === folder || path.startsWith(`${folder}/`);
}

export async function runStaticStage(
  options: StaticStageOptions,
): Promise<StaticReport & { config?: PromotionConfig }> {
  const configFile = join(options.dir, options.configPath ?? DEFAULT_CONFIG_PATH);
  const config =
    options.config ??
    (existsSync(configFile)
      ? parsePromotionConfig(readFileSync(configFile, 'utf8'), options.configPath ?? DEFAULT_CONFIG_PATH)
      : undefined);
  if (options.environment !== undefined) {
    if (!config) {
      throw invalid(
        'environment',
        options.environment,
        `an environment of ${options.configPath ?? DEFAULT_CONFIG_PATH}, which does not exist in this folder`,
      );
    }
    findEnvironment(config, options.environment);
  }
  const all = await readTree(options.dir, {
    include: (path) =>
      /\.ya?ml$/i.test(path) || posix.basename(path) === 'Kustomization' || posix.basename(path) === 'Chart.yaml',
  });
  const charts = all.filter((f) => posix.basename(f.path) === 'Chart.yaml').map((f) => posix.dirname(f.path));
  const kustomizeRoots = all
    .filter((f) => KUSTOMIZATION_FILES.includes(posix.basename(f.path)))
    .map((f) => posix.dirname(f.path))
    .filter((folder, _i, folders) => !folders.some((other) => other !== folder && isUnder(folder, other)));
  const files = all.filter((f) => !f.path.startsWith('.github/') && !charts.some((chart) => isUnder(f.path, chart)));

  const findings: Finding[] = [];
  const sources: ManifestSource[] = [];
  const rendered = new Set<string>();
  const only = options.environment ? config?.environments.find((e) => e.name === options.environment) : undefined;
  for (const root of kustomizeRoots) {
    if (only && !isUnder(root, only.path) && !isUnder(only.path, root)) continue;
    const line = kustomizeCommand({ kubectl: options.kubectl }, join(options.dir, root));
    try {
      const result = await runCommand(line);
      if (result.code === 0) {
        rendered.add(root);
        sources.push({ path: `${root} (kustomize)`, folder: root, text: result.stdout });
      } else {
        rendered.add(root);
        findings.push({
          severity: 'error',
          rule: 'render',
          file: root,
          message: `kubectl kustomize failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
        });
      }
    } catch (error) {
      if (!(error instanceof ProgramMissingError)) throw error;
      findings.push({
        severity: 'not-checked',
        rule: 'render',
        file: root,
        message: 'kubectl is not available to render this kustomization: its files are checked one by one instead',
      });
    }
  }
  for (const file of files) {
    const insideRendered = [...rendered].some((root) => isUnder(file.path, root));
    sources.push({ path: file.path, text: file.text, ...(insideRendered ? { objects: false } : {}) });
  }
  sources.push(...(await renderCharts(options, files, charts, findings)));
  const report = await validateManifests(sources, {
    ...(config ? { config } : {}),
    ...(options.environment ? { environment: options.environment } : {}),
    ...(options.kubernetesVersion ? { kubernetesVersion: options.kubernetesVersion } : {}),
    findings,
  });
  return { ...report, ...(config ? { config } : {}) };
}

function field(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined),
    value,
  );
}

/** HelmReleases with `chart.git` + `chart.path` naming a chart folder of this repository. */
async function renderCharts(
  options: StaticStageOptions,
  files: readonly { path: string; text: string }[],
  charts: readonly string[],
  findings: Finding[],
): Promise<ManifestSource[]> {
  const sources: ManifestSource[] = [];
  for (const file of files) {
    if (!file.text.includes('HelmRelease')) continue;
    for (const document of parseAllDocuments(file.text)) {
      if (!('toJS' in document) || document.errors.length > 0) continue;
      const value = document.toJS() as unknown;
      if (field(value, 'kind') !== 'HelmRelease') continue;
      const chartPath = field(value, 'spec', 'chart', 'path');
      if (typeof chartPath !== 'string' || typeof field(value, 'spec', 'chart', 'git') !== 'string') continue;
      const chart = posix.normalize(chartPath).replace(/\/+$/, '');
      if (!charts.includes(chart)) continue;
      const name = String(field(value, 'spec', 'releaseName') ?? field(value, 'metadata', 'name') ?? 'release');
      const namespace = field(value, 'metadata', 'namespace');
      const scratch = mkdtempSync(join(tmpdir(), 'gitops-promote-values-'));
      try {
        const valuesFile = join(scratch, 'values.yaml');
        writeFileSync(valuesFile, JSON.stringify(field(value, 'spec', 'values') ?? {}), { mode: 0o600 });
        const line = helmTemplateCommand({
          helm: options.helm,
          release: name,
          chart: join(options.dir, chart),
          namespace: typeof namespace === 'string' ? namespace : undefined,
          valuesFile,
        });
        const result = await runCommand(line);
        if (result.code === 0)
          sources.push({
            path: `${file.path} (helm template ${chart})`,
            folder: posix.dirname(file.path),
            text: result.stdout,
          });
        else
          findings.push({
            severity: 'error',
            rule: 'render',
            file: file.path,
            message: `helm template ${chart} failed: ${result.stderr.trim().split('\n').slice(-1)[0] ?? ''}`,
          });
      } catch (error) {
        if (!(error instanceof ProgramMissingError)) throw error;
        findings.push({
          severity: 'not-checked',
          rule: 'render',
          file: file.path,
          message: `helm is not available: the chart ${chart} is not rendered, its output is not checked`,
        });
      } finally {
        rmSync(scratch, { recursive: true, force: true });
      }
    }
  }
  return sources;
}
