// kubeconform's schema folder, made offline from a cluster's own OpenAPI (GET /openapi/v2 of the local
// cluster): one JSON Schema per kind, named as kubeconform looks it up (<kind>-<group>-<version>.json,
// the group's first label; <kind>-<version>.json for the core group) under `master/`, its default
// Kubernetes version. Each schema carries the definitions it refers to, keeps OpenAPI's `$ref`s (they
// already point at `#/definitions/...`), closes every object that lists its properties (unknown fields
// are errors, as in kubeconform's "strict" schemas and in our own static stage) and reads the
// int-or-string format as either. So the validate-static bench has its baseline without the network.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Schema = { [key: string]: unknown };

interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

const REF_PREFIX = '#/definitions/';

/** kubeconform's file name for a kind: the lower-case kind, the group's first label, the version. */
export function kubeconformFileName({ group, version, kind }: GroupVersionKind): string {
  const groupPart = group === '' ? '' : `-${group.split('.')[0]!.toLowerCase()}`;
  return `${kind.toLowerCase()}${groupPart}-${version.toLowerCase()}.json`;
}

function refsOf(value: unknown, found: Set<string>): void {
  if (Array.isArray(value)) {
    for (const item of value) refsOf(item, found);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === '$ref' && typeof item === 'string' && item.startsWith(REF_PREFIX))
        found.add(item.slice(REF_PREFIX.length));
      else refsOf(item, found);
    }
  }
}

/** The definitions `name` reaches through `$ref`, itself included. */
function closure(definitions: Record<string, Schema>, name: string): string[] {
  const seen = new Set<string>([name]);
  const queue = [name];
  while (queue.length > 0) {
    const refs = new Set<string>();
    refsOf(definitions[queue.pop()!], refs);
    for (const ref of refs) {
      if (!seen.has(ref) && definitions[ref]) {
        seen.add(ref);
        queue.push(ref);
      }
    }
  }
  return [...seen];
}

function strict(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strict);
  if (!value || typeof value !== 'object') return value;
  const schema: Schema = {};
  for (const [key, item] of Object.entries(value)) {
    // Vendor extensions and descriptions say nothing a validator checks.
    if (key.startsWith('x-kubernetes-') || key === 'description') continue;
    schema[key] =
      key === 'properties'
        ? Object.fromEntries(Object.entries(item as Schema).map(([name, property]) => [name, strict(property)]))
        : strict(item);
  }
  if (schema.format === 'int-or-string') {
    delete schema.format;
    delete schema.type;
    schema.oneOf = [{ type: 'string' }, { type: 'integer' }];
  }
  if (schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  return schema;
}

/** Writes the folder; returns how many kinds it holds. */
export function writeKubeconformSchemas(openapi: { definitions?: Record<string, Schema> }, folder: string): number {
  const definitions = openapi.definitions ?? {};
  const out = join(folder, 'master');
  mkdirSync(out, { recursive: true });
  let kinds = 0;
  for (const [name, definition] of Object.entries(definitions)) {
    const gvks = (definition['x-kubernetes-group-version-kind'] ?? []) as GroupVersionKind[];
    if (gvks.length === 0) continue;
    const schema = {
      ...(strict(definition) as Schema),
      definitions: Object.fromEntries(closure(definitions, name).map((ref) => [ref, strict(definitions[ref])])),
    };
    const text = JSON.stringify(schema);
    for (const gvk of gvks) {
      writeFileSync(join(out, kubeconformFileName(gvk)), text);
      kinds++;
    }
  }
  return kinds;
}
