import { isMap } from 'yaml';
import { isUserError } from '../errors.js';
import { SETTER_SCREEN } from '../setters/marker.js';
import { applyTextEdits } from '../yaml/edit.js';
import { documentValue, parseYamlStream } from '../yaml/parse.js';
import { brokenFileMayReference } from './broken-files.js';
import { FileEdits } from './file-edits.js';
import { isHelmValuesPath, locateHelmReleaseImages, locateValuesFileImages } from './helm.js';
import { isKustomizationPath, locateKustomizeImages } from './kustomize.js';
import type { LocateContext } from './locate.js';
import { bumpMarkedValues, collectMarkedValues, type MarkedValue } from './setter-markers.js';
import { checkSharedValues } from './shared-values.js';
import { resolveTarget, type ResolvedTarget } from './target.js';
import type { BumpPlan, BumpTarget, ManifestFile } from './types.js';
import { locateWorkloadImages } from './workloads.js';

/**
 * Plans a bump over a tree: every place that references the target's repository gets the new tag
 * (and digest), edited in the original text. Nothing is written here; the plan carries the new
 * texts. A file that may reference the image but does not parse is an error for the whole plan
 * (brokenFileMayReference); other files that do not parse are skipped with a warning.
 */
export function planBump(files: readonly ManifestFile[], bumpTarget: BumpTarget): BumpPlan {
  const target = resolveTarget(bumpTarget);
  const warnings: string[] = [];
  const warn = (message: string) => warnings.push(message);
  const planned: FileEdits[] = [];
  const marked: MarkedValue[] = [];

  for (const file of files) {
    const mentionsImage = target.mentions(file.text);
    const hasMarkers = file.text.includes(SETTER_SCREEN);
    if (file.invalidUtf8) {
      const edits = planUndecodable(file, target, mentionsImage || hasMarkers, marked, warn);
      if (edits) planned.push(edits);
      continue;
    }
    if (!mentionsImage && !hasMarkers) continue;
    const edits = planFile(file, target, mentionsImage, marked, warn);
    if (edits) planned.push(edits);
  }
  bumpMarkedValues(marked, target, warn);
  for (const edits of planned) if (edits.writable) checkSharedValues(edits, target);
  const unmatched = unmatchedContainers(planned, target);
  if (unmatched) warn(unmatched);

  const plan: BumpPlan = { changes: [], files: [], references: 0, warnings };
  for (const edits of planned) {
    plan.references += edits.references;
    if (!edits.writable) {
      warn(undecodableWarning(edits));
      continue;
    }
    if (edits.edits.length === 0) continue;
    const newText = applyTextEdits(edits.source, edits.edits);
    if (newText !== edits.source) plan.files.push({ path: edits.file, newText });
    plan.changes.push(...edits.changes.sort((a, b) => a.line - b.line));
  }
  return plan;
}

/**
 * Containers were named but none of the places that use the image belongs to one of them: a typo
 * in a name would otherwise leave everything as it was without a word.
 */
function unmatchedContainers(planned: readonly FileEdits[], target: ResolvedTarget): string | undefined {
  const named = target.containers;
  if (named === undefined) return undefined;
  const places = planned.flatMap((edits) => edits.places);
  if (places.length === 0 || places.some((place) => place.container !== undefined && named.has(place.container)))
    return undefined;
  const found = [...new Set(places.flatMap((place) => place.container ?? []))].sort();
  const which = [...named].join(' or ');
  return found.length === 0
    ? `no container named ${which} uses ${target.image}; nothing that uses it belongs to a container`
    : `no container named ${which} uses ${target.image}; the containers that use it: ${found.join(', ')}`;
}

/**
 * A file that is not valid UTF-8 cannot be edited byte for byte (its text is a lossy decoding), so it
 * is never written; it is still planned, so that its warning can say whether the bump would have
 * edited it. Nothing it holds fails the bump: it is skipped whatever is wrong with it.
 */
function planUndecodable(
  file: ManifestFile,
  target: ResolvedTarget,
  readable: boolean,
  marked: MarkedValue[],
  warn: (message: string) => void,
): FileEdits | undefined {
  const found: MarkedValue[] = [];
  let edits: FileEdits | undefined;
  try {
    if (readable) edits = planFile(file, target, target.mentions(file.text), found, () => {}, false);
  } catch (error) {
    if (!isUserError(error)) throw error;
    warn(`${file.path}: not valid UTF-8, skipped (nor can it be read: ${error.message})`);
    return undefined;
  }
  if (!edits) warn(`${file.path}: not valid UTF-8, skipped`);
  marked.push(...found);
  return edits;
}

function undecodableWarning(edits: FileEdits): string {
  const reason = `${edits.file}: not valid UTF-8, so it cannot be edited byte for byte`;
  if (edits.changes.length === 0) return `${reason}; skipped`;
  const where = [...new Set(edits.changes.map((change) => `${change.path} (line ${change.line})`))].join(', ');
  return `${reason}; the bump would edit ${where}, left alone: fix its encoding and bump again`;
}

function planFile(
  file: ManifestFile,
  target: ResolvedTarget,
  mentionsImage: boolean,
  marked: MarkedValue[],
  warn: (message: string) => void,
  writable = true,
): FileEdits | undefined {
  let documents;
  try {
    documents = parseYamlStream(file.path, file.text);
  } catch (error) {
    // Only a file that may reference the image blocks the bump; others are someone else's problem.
    if (!isUserError(error) || (mentionsImage && brokenFileMayReference(file.text, target))) throw error;
    warn(`${error.message}; skipped`);
    return undefined;
  }
  const edits = new FileEdits(file.path, file.text, writable);
  const mayHaveAliases = file.text.includes('*');
  for (const [documentIndex, document] of documents.entries()) {
    edits.documents.push(document);
    // Expanding once with a bound turns a billion-laughs document into an error instead of a hang.
    if (mayHaveAliases) documentValue(file.path, document);
    const root = document.contents;
    if (!isMap(root)) continue;
    if (mentionsImage) {
      const context: LocateContext = {
        file: file.path,
        source: file.text,
        document,
        documentIndex,
        target,
        edits,
        warn,
      };
      if (isKustomizationPath(file.path)) locateKustomizeImages(context, root);
      else if (isHelmValuesPath(file.path)) {
        // Only files named as Helm values files are read as values: any other YAML that is no Kubernetes
        // object (the promotion config, a workflow's `container: image:`, a compose file) is not ours to edit.
        locateValuesFileImages(context, root);
      } else {
        locateWorkloadImages(context, root);
        locateHelmReleaseImages(context, root);
      }
    }
    if (file.text.includes(SETTER_SCREEN)) collectMarkedValues(edits, document, documentIndex, marked);
  }
  edits.planned();
  return edits;
}

export { bumpScreen } from './target.js';

/** The files a plan rewrites, with their new texts, ready to write. */
export function applyPlan(plan: BumpPlan): { path: string; text: string }[] {
  return plan.files.map((file) => ({ path: file.path, text: file.newText }));
}
