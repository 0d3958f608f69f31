import { isAlias, isMap, isScalar, isSeq, type Alias, type Node, type YAMLMap } from 'yaml';
import { UserError } from '../errors.js';
import { lineAt } from '../yaml/edit.js';
import type { YamlDocument } from '../yaml/parse.js';
import type { FileEdits, Place } from './file-edits.js';
import { formatPath, pairOf, resolveNode, stringValue, valueOf, type PathSegment } from './nodes.js';
import { referenceOfTarget, type ResolvedTarget } from './target.js';

/** Nodes visited (aliases followed) while looking for the readers of shared values, per document. */
const MAX_VISITS = 200_000;

/** How deep merge keys may nest (`<<` in a map merged with `<<`), as `valueOf` follows them. */
const MAX_MERGE_DEPTH = 8;

/** One place where a node's value is read: its own place in the text, or one reached through an alias. */
interface Use {
  path: PathSegment[];
  /** The last alias (or merge source) on the way; undefined for the node's own place. */
  via: Alias | undefined;
  /** The map that holds the value there (merge keys followed), and its key. */
  holder: YAMLMap | undefined;
  key: PathSegment | undefined;
}

/**
 * A YAML anchor lets one value be read at several places (`*alias`, `<<: *merge`), and an edit of
 * that value changes all of them. So an edit of a value read at more than one place is refused
 * unless each place is one the bump changes: a place another locator left alone (another container
 * than the one named, a tag policy that refuses the tag, a kustomize entry while a container is
 * named) or a place that is not the target image's (another image's tag, any other key) stops the
 * bump, with the file and line of that place.
 *
 * An error rather than a warning and a skip: the place the user asked for cannot be bumped without
 * changing one they did not ask for, and a bump that quietly left both alone would pass in CI as
 * done. Two readings keep working: a value that is itself a reference to the target image (an
 * annotation holding `acme/app:1`) reads the new image wherever it is read, and an anchor defined
 * in a map that names no image (`defaults: {tag: &t 1.0}`) is only a holder of the value.
 */
export function checkSharedValues(edits: FileEdits, target: ResolvedTarget): void {
  if (edits.changed.size === 0 || !edits.source.includes('*')) return;
  for (const [index, document] of edits.documents.entries()) {
    const changed = [...edits.changed].filter((node) => inDocument(document, node));
    if (changed.length === 0) continue;
    const uses = usesOf(edits.file, document, new Set(changed));
    const places = edits.places.filter((place) => place.document === index);
    for (const node of changed) {
      const found = uses.get(node) ?? [];
      if (found.length < 2) continue;
      for (const use of found) {
        const problem = problemOf(document, node, use, places, target);
        if (problem !== undefined) throw sharedValueError(edits, document, node, found, use, problem, target);
      }
    }
  }
}

function inDocument(document: YamlDocument, node: Node): boolean {
  const at = node.range?.[0];
  return at !== undefined && at >= document.range[0] && at < document.range[2];
}

/** Why the edit must not reach this use of the node, or undefined when it may. */
function problemOf(
  document: YamlDocument,
  node: Node,
  use: Use,
  places: readonly Place[],
  target: ResolvedTarget,
): string | undefined {
  const path = formatPath(use.path);
  const covering = places.filter((place) => covers(place, path));
  const refused = covering.find((place) => place.refusal !== undefined);
  if (refused) return refused.refusal;
  if (covering.length > 0) return undefined;
  if (isScalar(node) && typeof node.value === 'string' && referenceOfTarget(node.value, target)) return undefined;
  const owner = ownerOf(document, use);
  if (owner !== undefined) return referenceOfTarget(owner, target) ? undefined : `it belongs to ${owner}`;
  if (use.via === undefined) return undefined;
  return `it is not one of the places the bump of ${target.image} changes`;
}

function covers(place: Place, path: string): boolean {
  if (path === place.path) return true;
  return !place.exact && (path.startsWith(`${place.path}.`) || path.startsWith(`${place.path}[`));
}

/** The image whose field a use sits in, as its holder names it: `repository` (+ `registry`), `image`, kustomize `newName`/`name`. */
function ownerOf(document: YamlDocument, use: Use): string | undefined {
  const { holder, key } = use;
  if (!holder) return undefined;
  const text = (name: string) => stringValue(valueOf(document, holder, name));
  const repository = text('repository');
  if (repository !== undefined) {
    const registry = text('registry');
    return registry ? `${registry.replace(/\/+$/, '')}/${repository}` : repository;
  }
  const image = key === 'image' ? undefined : text('image');
  if (image !== undefined) return image;
  const kustomizeEntry = key === 'newTag' || key === 'newName' || valueOf(document, holder, 'newTag') !== undefined;
  return kustomizeEntry ? text('newName') || text('name') : undefined;
}

/** Every place each wanted node is read at, following aliases and merge keys (each route once, no cycles). */
function usesOf(file: string, document: YamlDocument, wanted: ReadonlySet<Node>): Map<Node, Use[]> {
  const uses = new Map<Node, Use[]>();
  const route = new Set<Node>();
  let visits = 0;
  const visit = (
    node: unknown,
    path: PathSegment[],
    via: Alias | undefined,
    holder: YAMLMap | undefined,
    key: PathSegment | undefined,
  ): void => {
    if (++visits > MAX_VISITS) {
      throw new UserError(
        `${file}: too many aliases to tell which places share the values the bump edits; nothing written`,
      );
    }
    if (isAlias(node)) {
      const resolved = node.resolve(document);
      if (resolved && !route.has(resolved)) visit(resolved, path, node, holder, key);
      return;
    }
    if (!isMap(node) && !isSeq(node) && !isScalar(node)) return;
    if (wanted.has(node)) uses.set(node, [...(uses.get(node) ?? []), { path, via, holder, key }]);
    if (isScalar(node)) return;
    route.add(node);
    if (isMap(node)) {
      for (const [entryKey, entry] of entriesOf(document, node, 0)) {
        visit(entry.value, [...path, entryKey], entry.via ?? via, node, entryKey);
      }
    } else {
      node.items.forEach((item, index) => visit(item, [...path, index], via, undefined, index));
    }
    route.delete(node);
  };
  visit(document.contents, [], undefined, undefined, undefined);
  return uses;
}

interface Entry {
  value: unknown;
  /** The alias of the merge source the entry comes from, if it comes from one. */
  via: Alias | undefined;
}

/** A map's entries as a reader sees them: the last of repeated keys, then merged keys it does not have. */
function entriesOf(document: YamlDocument, map: YAMLMap, depth: number): Map<string, Entry> {
  const entries = new Map<string, Entry>();
  for (const pair of map.items) {
    if (!isScalar(pair.key) || pair.key.value === '<<') continue;
    entries.set(String(pair.key.value), { value: pair.value, via: undefined });
  }
  const merge = pairOf(map, '<<');
  if (!merge || depth >= MAX_MERGE_DEPTH) return entries;
  const sources = resolveNode(document, merge.value);
  for (const item of isSeq(sources) ? sources.items : [merge.value]) {
    const source = resolveNode(document, item);
    if (!isMap(source)) continue;
    const alias = isAlias(item) ? item : undefined;
    for (const [key, entry] of entriesOf(document, source, depth + 1)) {
      if (!entries.has(key)) entries.set(key, { value: entry.value, via: entry.via ?? alias });
    }
  }
  return entries;
}

function sharedValueError(
  edits: FileEdits,
  document: YamlDocument,
  node: Node,
  uses: readonly Use[],
  use: Use,
  problem: string,
  target: ResolvedTarget,
): UserError {
  const path = formatPath(use.path);
  const anchored = node.anchor ? node : uses.find((other) => other.via)?.via?.resolve(document);
  const anchor = anchored?.anchor ?? '?';
  // A node's range starts at its content; its `&anchor` comes before (on the line above for a block map).
  const contentStart = anchored?.range?.[0] ?? 0;
  const anchorAt = edits.source.lastIndexOf(`&${anchor}`, contentStart);
  const anchorLine = lineAt(edits.source, anchorAt === -1 ? contentStart : anchorAt);
  const line = lineAt(edits.source, (use.via ?? node).range?.[0] ?? 0);
  const others = uses
    .filter((other) => other !== use)
    .map((other) => formatPath(other.path))
    .join(', ');
  return new UserError(
    `${edits.file}:${line}: ${path} shares the anchored value &${anchor} (line ${anchorLine}) with ${others}, which the bump of ${target.image} edits; ${problem}, and editing the anchor would change it too. Nothing was written: give ${path} a value of its own, or bump it with the others`,
  );
}
