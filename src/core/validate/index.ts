// The static stage of `validate`: every manifest of an environment checked without a cluster.
// Pure: the caller reads the files (and renders kustomizations and charts) and passes their text.
import type { PromotionConfig, EnvironmentConfig } from '../config/index.js';
import { invalid } from '../errors.js';
import { parseImageReference } from '../image-ref.js';
import {
  checkFluxKind,
  checkImages,
  checkNames,
  checkSecret,
  checkSelector,
  isCheckedFluxKind,
  type ImageGate,
  type Problem,
} from './checks.js';
import type { CheckedObject, Finding, ObjectId, StaticReport } from './findings.js';
import { parseManifestFile } from './parse.js';
import { kubernetesMinor, removedIn } from './removed-apis.js';
import { hasSchema, isBuiltInApiVersion, schemaProblems, SCHEMA_KUBERNETES_VERSION } from './schema.js';

export * from './findings.js';
export { SCHEMA_KUBERNETES_VERSION } from './schema.js';

export interface ManifestSource {
  /** Repository-relative path (POSIX), or a label such as `releases/dev/web (kustomize)` for rendered output. */
  path: string;
  text: string;
  /** false: only parsed (a file a kustomization renders; its objects are checked in the rendered output). */
  objects?: boolean;
  /** For rendered output: the folder it came from, used to find its environment. */
  folder?: string;
}

export interface StaticOptions {
  config?: PromotionConfig;
  /** Only this environment's folder is validated (needs config). */
  environment?: string;
  /** Kubernetes version the objects must be served at: `1.34`, `v1.34.0` (default DEFAULT_KUBERNETES_VERSION). */
  kubernetesVersion?: string;
  /** Findings the caller already has (a render that failed, a chart it could not render). */
  findings?: Finding[];
}

/** kustomize's own files: build instructions, not objects that reach a cluster. */
const KUSTOMIZE_CONFIG = /^kustomize\.config\.k8s\.io\//;

function environmentOf(config: PromotionConfig | undefined, path: string): EnvironmentConfig | undefined {
  if (!config) return undefined;
  let best: EnvironmentConfig | undefined;
  for (const environment of config.environments) {
    const prefix = environment.path === '' ? '' : `${environment.path.replace(/\/+$/, '')}/`;
    if (
      (prefix === '' || path.startsWith(prefix) || path === environment.path) &&
      (!best || environment.path.length > best.path.length)
    )
      best = environment;
  }
  return best;
}

function gateFor(
  config: PromotionConfig | undefined,
  environment: EnvironmentConfig | undefined,
): ImageGate | undefined {
  if (!config || !environment) return undefined;
  const repositories = new Set<string>();
  for (const app of config.apps.values()) repositories.add(parseImageReference(app.image).repository);
  return { environment: environment.name, policy: environment.tags, repositories };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/** The Kubernetes version of the KinD node image the cluster stage pins. */
export const DEFAULT_KUBERNETES_VERSION = '1.34';

export async function validateManifests(
  sources: readonly ManifestSource[],
  options: StaticOptions = {},
): Promise<StaticReport> {
  const version = options.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION;
  const minor = kubernetesMinor(version);
  if (minor === undefined) throw invalid('kubernetes-version', version, 'a Kubernetes version such as 1.34 or v1.34.0');
  const findings: Finding[] = [...(options.findings ?? [])];
  const objects: CheckedObject[] = [];
  const manifests: StaticReport['manifests'] = [];
  const seen = new Map<string, { file: string; line: number }>();
  const only = options.environment
    ? options.config?.environments.find((e) => e.name === options.environment)
    : undefined;

  for (const source of sources) {
    const environment = environmentOf(options.config, source.folder ?? source.path);
    if (only && environment !== only) continue;
    const parsed = parseManifestFile(source.path, source.text);
    findings.push(...parsed.findings);
    if (source.objects === false) continue;
    const gate = gateFor(options.config, environment);
    for (const document of parsed.objects) {
      const value = document.value;
      if (!isObject(value)) {
        findings.push({
          severity: 'error',
          rule: 'schema',
          file: source.path,
          line: document.line,
          message: 'a document that is not a mapping',
        });
        continue;
      }
      const { apiVersion, kind } = value;
      if (apiVersion === undefined && kind === undefined) continue; // not a Kubernetes object (chart values, config)
      if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '') {
        findings.push({
          severity: 'error',
          rule: 'schema',
          file: source.path,
          line: document.line,
          message: 'apiVersion and kind must both be non-empty strings',
        });
        continue;
      }
      if (KUSTOMIZE_CONFIG.test(apiVersion)) continue;
      const metadata = isObject(value.metadata) ? value.metadata : {};
      const id: ObjectId = {
        kind,
        namespace: typeof metadata.namespace === 'string' ? metadata.namespace : '',
        name: typeof metadata.name === 'string' ? metadata.name : '',
      };
      const before = findings.filter((f) => f.severity === 'error').length;
      const report = (problem: Problem) =>
        findings.push({
          severity: 'error',
          rule: problem.rule,
          file: source.path,
          line: document.lineOf(problem.path),
          object: id,
          message: problem.message,
        });

      let checked = true;
      const removed = removedIn(apiVersion, kind);
      if (isBuiltInApiVersion(apiVersion) && removed !== undefined && removed <= minor) {
        report({
          rule: 'schema',
          path: ['apiVersion'],
          message: `${kind} ${apiVersion} is not served by Kubernetes ${version}: it was removed in 1.${removed}`,
        });
      } else if (isBuiltInApiVersion(apiVersion)) {
        const problems = await schemaProblems(value);
        if (problems === undefined) {
          report({
            rule: 'schema',
            path: ['apiVersion'],
            message: `${kind} ${apiVersion} is not a kind of Kubernetes (schemas of ${SCHEMA_KUBERNETES_VERSION}): a misspelled kind or apiVersion?`,
          });
        } else {
          for (const problem of problems)
            report({ rule: problem.message.endsWith('is not a known field') ? 'unknown-field' : 'schema', ...problem });
        }
      } else if (isCheckedFluxKind(apiVersion, kind)) {
        checkFluxKind(value).forEach(report);
      } else {
        checked = false;
        findings.push({
          severity: 'not-checked',
          rule: 'schema',
          file: source.path,
          line: document.line,
          object: id,
          message: `no schema for the custom kind ${kind} ${apiVersion}: its fields are not checked`,
        });
      }
      [...checkNames(value), ...checkSelector(value), ...checkImages(value, gate), ...checkSecret(value)].forEach(
        report,
      );

      const key = `${environment?.name ?? ''}|${apiVersion.split('/')[0]?.includes('.') ? apiVersion.split('/')[0] : ''}|${kind}|${id.namespace}|${id.name}`;
      const first = seen.get(key);
      if (first && id.name !== '') {
        report({
          rule: 'duplicate',
          path: ['metadata', 'name'],
          message: `the same ${kind} is also defined at ${first.file}:${first.line}${environment ? ` in environment ${environment.name}` : ''}`,
        });
      } else seen.set(key, { file: source.path, line: document.line });

      const failed = findings.filter((f) => f.severity === 'error').length > before;
      const object: CheckedObject = {
        ...id,
        apiVersion,
        file: source.path,
        line: document.line,
        ...(environment ? { environment: environment.name } : {}),
        result: failed ? 'failed' : checked ? 'passed' : 'not-checked',
      };
      objects.push(object);
      manifests.push({ object, value });
    }
  }
  return { objects, findings, manifests };
}

export function hasErrors(report: StaticReport): boolean {
  return report.findings.some((finding) => finding.severity === 'error');
}

export { hasSchema };
