// Offline schema validation of the built-in kinds with kubernetes-models (its ajv validators, generated
// from Kubernetes' OpenAPI). Those validators let unknown fields through, so each object is validated
// through a recording proxy: a key the validator never looked at, in an object whose keys it did not
// enumerate (a map such as labels), is a field the schema does not know.
import { SCHEMA_KINDS } from './kinds.js';

/** The Kubernetes API the schemas describe (kubernetes-models 5.1's generation). */
export const SCHEMA_KUBERNETES_VERSION = '1.34';

type Validator = (this: unknown) => void;
interface ModelClass {
  apiVersion: string;
  kind: string;
  prototype: { validate: Validator };
}

// Each kind's module (its class and its validators) is evaluated the first time an object of that
// kind is checked: a start that checks one Deployment does not evaluate the other 127 kinds.
const loaded = new Map<string, ModelClass | Promise<ModelClass>>();

function isModelClass(value: unknown): value is ModelClass {
  return (
    typeof value === 'function' &&
    typeof (value as unknown as ModelClass).apiVersion === 'string' &&
    typeof (value as unknown as ModelClass).kind === 'string'
  );
}

async function loadModel(key: string, kind: string): Promise<ModelClass> {
  const model = (await SCHEMA_KINDS[key]!())[kind];
  if (!isModelClass(model)) throw new Error(`kubernetes-models has no class ${kind} for ${key}`);
  loaded.set(key, model);
  return model;
}

/** The model of a kind (undefined when kubernetes-models has none), loaded once. */
function modelOf(apiVersion: string, kind: string): ModelClass | Promise<ModelClass> | undefined {
  const key = `${apiVersion}|${kind}`;
  if (!Object.hasOwn(SCHEMA_KINDS, key)) return undefined;
  let model = loaded.get(key);
  if (model === undefined) loaded.set(key, (model = loadModel(key, kind)));
  return model;
}

/** apiVersions of Kubernetes itself (core, apps, batch, *.k8s.io ...), as opposed to custom resources. */
export function isBuiltInApiVersion(apiVersion: string): boolean {
  const slash = apiVersion.indexOf('/');
  if (slash === -1) return true;
  const group = apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}

export function hasSchema(apiVersion: string, kind: string): boolean {
  return Object.hasOwn(SCHEMA_KINDS, `${apiVersion}|${kind}`);
}

export interface SchemaProblem {
  /** JSON path of the field, as keys and indexes. */
  path: (string | number)[];
  message: string;
}

interface Record_ {
  path: (string | number)[];
  keys: string[];
  seen: Set<string>;
  enumerated: boolean;
}

function recording(value: unknown, path: (string | number)[], records: Record_[]): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, index) => recording(item, [...path, index], records));
  const record: Record_ = { path, keys: Object.keys(value), seen: new Set(), enumerated: false };
  records.push(record);
  const copy = Object.fromEntries(
    Object.entries(value).map(([key, item]) => [key, recording(item, [...path, key], records)]),
  );
  return new Proxy(copy, {
    get(target, key, receiver) {
      if (typeof key === 'string') record.seen.add(key);
      return Reflect.get(target, key, receiver) as unknown;
    },
    has(target, key) {
      if (typeof key === 'string') record.seen.add(key);
      return Reflect.has(target, key);
    },
    ownKeys(target) {
      record.enumerated = true;
      return Reflect.ownKeys(target);
    },
  });
}

function pathOf(instancePath: string): (string | number)[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function render(path: readonly (string | number)[]): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** Schema problems of one built-in object, or undefined when there is no schema for its apiVersion/kind. */
export async function schemaProblems(object: Record<string, unknown>): Promise<SchemaProblem[] | undefined> {
  const found = modelOf(String(object.apiVersion), String(object.kind));
  if (!found) return undefined;
  const model = found instanceof Promise ? await found : found;
  const records: Record_[] = [];
  const problems: SchemaProblem[] = [];
  try {
    model.prototype.validate.call(recording(object, [], records));
  } catch (error) {
    const errors = (
      error as { errors?: { instancePath: string; message?: string; params?: Record<string, unknown> }[] }
    ).errors;
    if (!errors) throw error;
    for (const item of errors) {
      const path = pathOf(item.instancePath);
      const missing = typeof item.params?.missingProperty === 'string' ? item.params.missingProperty : undefined;
      const allowed = Array.isArray(item.params?.allowedValues) ? item.params.allowedValues.map(String) : undefined;
      const message = missing
        ? `${render([...path, missing])} is required`
        : `${render(path) || 'the object'} ${item.message ?? 'is not valid'}${allowed ? ` (${allowed.join(', ')})` : ''}`;
      problems.push({ path: missing ? [...path, missing] : path, message });
    }
  }
  // A failed validation stops early, leaving fields unvisited: unknown fields are only known after a pass.
  if (problems.length > 0) return problems;
  for (const record of records) {
    if (record.enumerated) continue;
    for (const key of record.keys) {
      if (!record.seen.has(key)) {
        problems.push({
          path: [...record.path, key],
          message: `${render([...record.path, key])} is not a known field`,
        });
      }
    }
  }
  return problems;
}
