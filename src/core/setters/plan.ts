import type { Scalar } from 'yaml';
import { applyTextEdits, lineAt, scalarEdit, type TextEdit } from '../yaml/edit.js';
import { parseYamlStream } from '../yaml/parse.js';
import { invalid, isUserError, UserError } from '../errors.js';
import { parseImageReference } from '../image-ref.js';
import { markedScalars, markerId, SETTER_SCREEN, type SetterMarker } from './marker.js';

/** The latest image of an image policy, as Flux reports it (`status.latestRef`). */
export interface LatestImage {
  /** Repository as the policy names it, registry included, no tag: `ghcr.io/acme/app`. */
  name: string;
  tag: string;
  digest?: string;
}

/** Policies by `"<namespace>:<name>"`. */
export type SetterPolicies = ReadonlyMap<string, LatestImage>;

export interface SetterChange {
  file: string;
  /** 1-based line of the value. */
  line: number;
  /** Where the value sits in its document: `spec.template.spec.containers[0].image`. */
  path: string;
  old: string;
  new: string;
  /** The marker's policy id as written: `ns:name`, `ns:name:tag`, ... */
  policy: string;
}

export interface SetterPlan {
  changes: SetterChange[];
  /** New texts of the files that change, and only those. */
  files: { path: string; text: string }[];
  warnings: string[];
  /** The given policies (`ns:name`) that mark at least one value, changed or not. */
  marked: string[];
}

/** Files Flux considers for setters: YAML by extension, and kustomize's extension-less `Kustomization`. */
export function isSetterCandidatePath(path: string): boolean {
  return /\.ya?ml$/.test(path) || /(^|\/)Kustomization$/.test(path);
}

/** The full reference Flux writes for a full setter: `name:tag`, or `name:tag@digest` when pinned. */
export function latestImageReference(image: LatestImage): string {
  return `${image.name}:${image.tag}${image.digest ? `@${image.digest}` : ''}`;
}

function setterValue(marker: SetterMarker, image: LatestImage): string | undefined {
  switch (marker.field) {
    case 'full':
      return latestImageReference(image);
    case 'tag':
      return image.tag;
    case 'name':
      return image.name;
    case 'digest':
      return image.digest || undefined;
  }
}

/** `spec.template.spec.containers[0].image`, keys as written (the setters command's path format). */
function dottedPath(segments: readonly (string | number)[]): string {
  let path = '';
  for (const segment of segments) {
    if (typeof segment === 'number') path += `[${segment}]`;
    else path = path === '' ? segment : `${path}.${segment}`;
  }
  return path;
}

function oldValueOf(node: Scalar): string {
  return typeof node.value === 'string' ? node.value : (node.source ?? String(node.value));
}

/**
 * Plans the values Flux image-policy setters would write, without touching anything: each scalar
 * marked `# {"$imagepolicy": "ns:name[:tag|:name|:digest]"}` whose policy is given gets that part of
 * the policy's latest image. Markers naming other policies are left alone, as Flux does. All or
 * nothing, as a bump: a file that does not parse (or repeats a key) and names a given policy in a
 * marker, or a marked value that cannot be edited, is an error and nothing is planned; a file that
 * does not parse and names none of them is skipped with a warning.
 */
export function planSetters(
  files: readonly { path: string; text: string; invalidUtf8?: boolean }[],
  policies: SetterPolicies,
): SetterPlan {
  const plan: SetterPlan = { changes: [], files: [], warnings: [], marked: [] };
  const marking = new Set<string>();
  for (const file of files) {
    if (!file.text.includes(SETTER_SCREEN)) continue;
    if (file.invalidUtf8) {
      const { warning, marked } = undecodable(file, policies);
      plan.warnings.push(warning);
      marked.forEach((id) => marking.add(id));
      continue;
    }
    let documents;
    try {
      documents = parseYamlStream(file.path, file.text);
    } catch (error) {
      if (!isUserError(error)) throw error;
      const named = namedPolicies(file.text, policies);
      if (named.length > 0) {
        throw new UserError(
          `${error.message}; it may hold markers of ${named.join(', ')}, so nothing was written: fix it and run again`,
        );
      }
      plan.warnings.push(`${error.message}; skipped (no marker of a given policy in it)`);
      continue;
    }
    const marked = documents.flatMap((document) => [...markedScalars(file.text, document.contents)]);
    const edits: TextEdit[] = [];
    for (const { node, path: segments, marker } of marked) {
      const policy = markerId(marker);
      const image = policies.get(`${marker.namespace}:${marker.name}`);
      if (!image) continue;
      marking.add(`${marker.namespace}:${marker.name}`);
      const path = dottedPath(segments);
      const value = setterValue(marker, image);
      const line = lineAt(file.text, node.range?.[0] ?? 0);
      if (value === undefined) {
        plan.warnings.push(`${file.path}:${line}: policy ${policy} has no digest; value left as it is`);
        continue;
      }
      const old = oldValueOf(node);
      if (old === value) continue;
      edits.push(scalarEdit(file.text, node, value, `${file.path}:${line}`));
      plan.changes.push({ file: file.path, line, path, old, new: value, policy });
    }
    if (edits.length === 0) continue;
    const text = applyTextEdits(file.text, edits);
    if (text !== file.text) plan.files.push({ path: file.path, text });
  }
  plan.marked = [...marking].sort();
  return plan;
}

/** The given policies whose id appears in a file's text as a marker would hold it (`"ns:name` then `"` or `:`). */
function namedPolicies(text: string, policies: SetterPolicies): string[] {
  return [...policies.keys()].filter((id) => text.includes(`"${id}"`) || text.includes(`"${id}:`));
}

/**
 * A file that is not valid UTF-8 is never written (its text is a lossy decoding, and writing it would
 * change bytes no marker names); its warning says whether the setters would have changed it.
 */
function undecodable(
  file: { path: string; text: string },
  policies: SetterPolicies,
): { warning: string; marked: string[] } {
  const reason = `${file.path}: not valid UTF-8, so it cannot be edited byte for byte`;
  const { changes: would, marked } = planSetters([{ path: file.path, text: file.text }], policies);
  if (would.length === 0) return { warning: `${reason}; skipped`, marked };
  const where = would.map((change) => `${change.path} (line ${change.line})`).join(', ');
  return {
    warning: `${reason}; the setters would change ${where}, left alone: fix its encoding and run again`,
    marked,
  };
}

/**
 * The latest image of a policy from a reference as users write it (`ghcr.io/acme/app:1.2.3`, with
 * `@sha256:...` for a digest). The name stays as written (no `docker.io/library/` added), as Flux
 * writes the policy's repository; a tag is required because a full setter always writes one.
 */
export function latestImageFromReference(ref: string, field = 'image reference'): LatestImage {
  const parsed = parseImageReference(ref);
  if (parsed.tag === undefined) throw invalid(field, ref, 'an image reference with a tag, as name:tag[@digest]');
  const suffix = `:${parsed.tag}${parsed.digest === undefined ? '' : `@${parsed.digest}`}`;
  const name = ref.endsWith(suffix) ? ref.slice(0, ref.length - suffix.length) : parsed.familiarName;
  return { name, tag: parsed.tag, ...(parsed.digest !== undefined && { digest: parsed.digest }) };
}
