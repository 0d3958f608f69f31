import { isScalar, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { lineAt } from '../yaml/edit.js';
import { isUserError, UserError } from '../errors.js';
import type { YamlDocument } from '../yaml/parse.js';
import type { FileEdits } from './file-edits.js';
import {
  emptyScalarEdit,
  formatPath,
  isEmptyScalar,
  insertAfterPair,
  pairOf,
  removePairLine,
  resolveNode,
  scalarText,
  type PathSegment,
} from './nodes.js';
import {
  bumpReferenceText,
  containerList,
  referenceOfTarget,
  splitTagAndDigest,
  unparseableReference,
  type ResolvedTarget,
} from './target.js';
import type { LocationKind } from './types.js';
import { policyRefusal } from './policy-gate.js';

/** What every locator needs for one document. */
export interface LocateContext {
  file: string;
  source: string;
  document: YamlDocument;
  /** The document's index in the file's stream. */
  documentIndex: number;
  target: ResolvedTarget;
  edits: FileEdits;
  warn: (message: string) => void;
}

/** The container a place belongs to, for `--container` and for Flux tag-policy annotations. */
export interface ContainerScope {
  name: string | undefined;
  annotations: Record<string, string>;
}

/**
 * Whether a place that references the target may be edited: it must belong to a requested
 * container, and the new tag must pass the container's tag policy when the resource declares one.
 */
export function mayEdit(context: LocateContext, scope: ContainerScope, path: readonly PathSegment[]): boolean {
  return placeDecision(context, scope, path) === undefined;
}

/** Why a place that references the target is left alone, or undefined when it may be edited; recorded as a place. */
export function placeDecision(
  context: LocateContext,
  scope: ContainerScope,
  path: readonly PathSegment[],
): string | undefined {
  context.edits.references++;
  const refusal = refusalOf(context, scope, path);
  recordPlace(context, path, refusal, scope.name ?? UNNAMED);
  return refusal;
}

/** How messages name a container without a name. */
const UNNAMED = '(unnamed)';

/** `exact`: the place is the value at `path` itself, not what lies below it (a map shared with other keys). */
export function recordPlace(
  context: LocateContext,
  path: readonly PathSegment[],
  refusal: string | undefined,
  container: string | undefined,
  exact = false,
): void {
  context.edits.place({ document: context.documentIndex, path: formatPath(path), refusal, container, exact });
}

function refusalOf(context: LocateContext, scope: ContainerScope, path: readonly PathSegment[]): string | undefined {
  const { target } = context;
  if (target.containers !== undefined && (scope.name === undefined || !target.containers.has(scope.name))) {
    return `container ${scope.name ?? UNNAMED} is not one the bump is for (${containerList(target)})`;
  }
  if (scope.name === undefined || target.readOnly) return undefined;
  const refusal = policyOf(context, scope.annotations, scope.name);
  if (refusal === undefined) return undefined;
  context.warn(
    `${context.file}: ${formatPath(path)}: tag ${target.tag} not allowed for container ${scope.name} (${refusal}), left alone`,
  );
  return `tag ${target.tag} is not allowed for container ${scope.name} (${refusal})`;
}

/** The container's policy refusal; a malformed annotation (on any container of the resource) names the file. */
function policyOf(context: LocateContext, annotations: Record<string, string>, container: string): string | undefined {
  try {
    return policyRefusal(annotations, container, context.target.tag);
  } catch (error) {
    if (isUserError(error)) throw new UserError(`${context.file}: ${error.message}`, error);
    throw error;
  }
}

/** An `image: repo[:tag][@digest]` string. Returns true when it references the target (edited or already there). */
export function bumpImageString(
  context: LocateContext,
  node: Node | undefined,
  path: readonly PathSegment[],
  kind: LocationKind,
  scope: ContainerScope,
): boolean {
  if (!isScalar(node) || typeof node.value !== 'string') return false;
  const reference = referenceOfTarget(node.value, context.target);
  if (reference) context.edits.claim(node);
  else warnUnparseable(context, node, path);
  if (!reference || !mayEdit(context, scope, path)) return reference !== undefined;
  const bump = bumpReferenceText(node.value, reference, context.target);
  if (bump) {
    context.edits.replace(node, bump.value, {
      path: formatPath(path),
      old: node.value,
      new: bump.value,
      kind,
      ...(bump.note !== undefined && { note: bump.note }),
    });
  }
  return true;
}

/**
 * A value that names the target's repository but does not parse as a reference is never silently
 * passed over: the warning says where it is and why the bump leaves it alone.
 */
export function warnUnparseable(context: LocateContext, node: Scalar, path: readonly PathSegment[]): void {
  if (typeof node.value !== 'string' || context.edits.isClaimed(node)) return;
  const problem = unparseableReference(node.value, context.target);
  if (problem === undefined) return;
  context.edits.claim(node);
  const line = lineAt(context.source, node.range?.[0] ?? 0);
  context.warn(
    `${context.file}:${line}: ${formatPath(path)} names ${context.target.image} but is not an image reference (${problem}), left alone`,
  );
}

export interface TagFields {
  /** `newTag` (kustomize) or `tag` (Helm values). */
  tagKey: string;
  /** The pair a missing tag key is added after: `newName`/`name`, or `repository`. */
  addAfter: Pair<Node, Node | null> | undefined;
  /** A stale `digest:` key: kustomize drops the line (as `kustomize edit set image` does), charts keep `digest: ""`. */
  staleDigest: 'remove' | 'empty';
}

/**
 * A map that holds the tag (and maybe the digest) in keys of its own: kustomize `images:` entries
 * and Helm `image: {repository, tag, digest}`. Missing keys are added after their sibling.
 */
export function bumpTagFields(
  context: LocateContext,
  map: YAMLMap,
  path: readonly PathSegment[],
  kind: LocationKind,
  fields: TagFields,
): void {
  const { document, source, target, edits } = context;
  if (!edits.firstVisit(map)) return;
  const tagPair = pairOf(map, fields.tagKey);
  const tagNode = resolveNode(document, tagPair?.value);
  const digestPair = pairOf(map, 'digest');
  const digestNode = resolveNode(document, digestPair?.value);
  edits.claim(tagNode);
  edits.claim(digestNode);
  if ((tagPair && !isScalar(tagNode)) || (digestPair && !isScalar(digestNode))) {
    context.warn(`${context.file}: ${formatPath(path)}: tag or digest is not a plain value, left alone`);
    return;
  }
  const tagText = isScalar(tagNode) && tagNode.value !== null ? scalarText(source, tagNode) : undefined;
  const inTag = tagText === undefined ? undefined : splitTagAndDigest(tagText);
  const keyDigest =
    isScalar(digestNode) && typeof digestNode.value === 'string' && digestNode.value !== ''
      ? digestNode.value
      : undefined;
  const tagIsString = isScalar(tagNode) && typeof tagNode.value === 'string';
  const atTag = tagIsString && inTag?.tag === target.tag;
  const digestInTag = inTag?.digest !== undefined;
  const currentDigest = inTag?.digest ?? keyDigest;
  const newDigest = target.digest ?? (atTag ? currentDigest : undefined);
  const staleNote =
    currentDigest !== undefined && newDigest === undefined ? `stale digest ${currentDigest} removed` : undefined;

  const tagPath = formatPath([...path, fields.tagKey]);
  const digestPath = formatPath([...path, 'digest']);
  const newTagText = digestInTag && newDigest !== undefined ? `${target.tag}@${newDigest}` : target.tag;
  const added: [string, string][] = [];
  if (!isScalar(tagNode) || tagPair === undefined) {
    added.push([fields.tagKey, newTagText]);
  } else if (isEmptyScalar(tagNode)) {
    edits.add(
      emptyScalarEdit(source, tagNode, newTagText, map.flow === true),
      { path: tagPath, old: '', new: newTagText, kind },
      tagNode,
    );
  } else if (!(tagIsString && tagNode.value === newTagText)) {
    const note = digestInTag ? staleNote : undefined;
    edits.replace(tagNode, newTagText, {
      path: tagPath,
      old: tagText ?? '',
      new: newTagText,
      kind,
      ...(note && { note }),
    });
  }

  if (!digestInTag && newDigest !== keyDigest) {
    if (newDigest !== undefined && !isScalar(digestNode)) {
      added.push(['digest', newDigest]);
    } else if (newDigest !== undefined && isScalar(digestNode)) {
      edits.replace(digestNode, newDigest, { path: digestPath, old: keyDigest ?? '', new: newDigest, kind });
    } else if (isScalar(digestNode) && digestPair) {
      const removal = fields.staleDigest === 'remove' ? removePairLine(source, map, digestPair) : undefined;
      const details = {
        path: digestPath,
        old: keyDigest ?? '',
        new: '',
        kind,
        note: staleNote ?? 'stale digest removed',
      };
      if (removal) edits.add(removal, details, map, digestPair.key.range?.[0]);
      else edits.replace(digestNode, '', details);
    }
  }

  if (added.length > 0)
    addKeys(context, map, added, tagPair && added[0]?.[0] === 'digest' ? tagPair : fields.addAfter, path, kind);
}

function addKeys(
  context: LocateContext,
  map: YAMLMap,
  entries: [string, string][],
  after: Pair<Node, Node | null> | undefined,
  path: readonly PathSegment[],
  kind: LocationKind,
): void {
  const insertion = after && insertAfterPair(context.source, map, after, entries);
  if (!insertion) {
    const keys = entries.map(([key]) => key).join(' and ');
    context.warn(`${context.file}: ${formatPath(path)}: cannot add ${keys} here (unusual layout), left alone`);
    return;
  }
  const [first, ...rest] = entries;
  if (!first) return;
  context.edits.add(
    insertion,
    { path: formatPath([...path, first[0]]), old: '', new: first[1], kind, note: 'added' },
    map,
  );
  // The same insertion carries the other keys; report them without a second edit.
  for (const [key, value] of rest) {
    context.edits.changes.push({
      file: context.file,
      line: (context.edits.changes.at(-1)?.line ?? 0) + 1,
      path: formatPath([...path, key]),
      old: '',
      new: value,
      kind,
      note: 'added',
    });
  }
}
