import { invalid } from '../errors.js';
import { DIGEST_EXPECTED, isValidDigest, isValidTag, parseImageReference, type ImageReference } from '../image-ref.js';
import { SETTER_SCREEN } from '../setters/screen.js';
import type { BumpTarget } from './types.js';

/** A validated bump target, with what the locators compare against. */
export interface ResolvedTarget {
  /** Normalised repository: `docker.io/library/nginx`. */
  repository: string;
  /** As the user wrote it, for messages. */
  image: string;
  tag: string;
  digest: string | undefined;
  /** The containers named (`--container`, a promotion's containers), or undefined when the bump is for all. */
  containers: ReadonlySet<string> | undefined;
  /** See BumpTarget.readOnly. */
  readOnly: boolean;
  /**
   * Whether a text may reference the image: its repository's last path component standing as a
   * name (`app` in `acme/app:1`, not in `appPort`). A cheap test run on every file before parsing.
   */
  mentions: (text: string) => boolean;
  /** The repository's last path component. */
  screen: string;
  /** `mentions` as a byte screen: the component between the characters that may stand around a name. */
  nameScreen: { name: string; before: string; after: string };
}

export function resolveTarget(target: BumpTarget): ResolvedTarget {
  let reference: ImageReference;
  try {
    reference = parseImageReference(target.image);
  } catch (error) {
    // The parser's reason (`repository name "Acme/App" must be lowercase`) after its quote of the text.
    const reason = (error as Error).message.replace(/^image reference ".*?": /, '');
    throw invalid('image', target.image, `an image repository such as nginx, acme/app or ghcr.io/acme/app (${reason})`);
  }
  if (reference.tag !== undefined || reference.digest !== undefined) {
    throw invalid('image', target.image, 'a repository without tag or digest (give them with --tag and --digest)');
  }
  if (!isValidTag(target.tag)) {
    throw invalid('tag', target.tag, 'an image tag: 1 to 128 of [A-Za-z0-9_.-], not starting with "." or "-"');
  }
  if (target.tag === 'latest') {
    throw invalid(
      'tag',
      target.tag,
      'an immutable tag (latest names a different image tomorrow, and a bump to it deploys nothing new)',
    );
  }
  if (target.digest !== undefined && !isValidDigest(target.digest)) {
    throw invalid('digest', target.digest, DIGEST_EXPECTED);
  }
  const named = [...(target.container === undefined ? [] : [target.container]), ...(target.containers ?? [])];
  for (const container of named) {
    if (container === '') throw invalid('container', container, 'a container name');
  }
  const screen = reference.path.slice(reference.path.lastIndexOf('/') + 1);
  const asName = new RegExp(`(?:^|[\\s"'/:,[{])${screen.replaceAll('.', '\\.')}(?:$|[\\s"'@:,\\]}#])`, 'm');
  return {
    repository: reference.repository,
    image: target.image,
    tag: target.tag,
    digest: target.digest,
    containers: named.length === 0 ? undefined : new Set(named),
    readOnly: target.readOnly === true,
    screen,
    // The ASCII of `asName`'s boundaries; `\s` there is these six and Unicode spaces (non-ASCII bytes).
    nameScreen: { name: screen, before: ' \t\n\v\f\r"\'/:,[{', after: ' \t\n\v\f\r"\'@:,]}#' },
    mentions: (text) => text.includes(screen) && asName.test(text),
  };
}

/** The parsed reference when `text` names the target's repository, else undefined (not an image, or another one). */
export function referenceOfTarget(text: string, target: ResolvedTarget): ImageReference | undefined {
  if (!text.includes(target.screen)) return undefined;
  try {
    const reference = parseImageReference(text);
    return reference.repository === target.repository ? reference : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Why a text that names the target's repository is not a reference the bump can edit (a short
 * digest, `{GENERATED_TAG}`, a typo in the tag), or undefined when it parses or names another
 * repository. The name is what stands before the tag and digest, split as the grammar would split it.
 */
export function unparseableReference(text: string, target: ResolvedTarget): string | undefined {
  if (!text.includes(target.screen)) return undefined;
  const at = text.indexOf('@');
  const beforeDigest = at === -1 ? text : text.slice(0, at);
  const slash = beforeDigest.lastIndexOf('/');
  const colon = beforeDigest.indexOf(':', slash + 1);
  const name = (colon === -1 ? beforeDigest : beforeDigest.slice(0, colon)).trim();
  try {
    if (parseImageReference(name).repository !== target.repository) return undefined;
    parseImageReference(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

export interface ReferenceBump {
  value: string;
  note?: string;
}

/**
 * The new text of an image reference string, keeping the repository exactly as written
 * (`nginx` stays `nginx`, a registry port stays). Undefined when it is already at the target.
 * A tag moved without a new digest drops the old digest, which would otherwise win over the tag.
 */
export function bumpReferenceText(
  text: string,
  reference: ImageReference,
  target: ResolvedTarget,
): ReferenceBump | undefined {
  const atTag = reference.tag === target.tag;
  const atDigest =
    target.digest === undefined ? atTag || reference.digest === undefined : reference.digest === target.digest;
  if (atTag && atDigest) return undefined;
  const beforeDigest = reference.digest === undefined ? text : text.slice(0, text.length - reference.digest.length - 1);
  const name =
    reference.tag === undefined ? beforeDigest : beforeDigest.slice(0, beforeDigest.length - reference.tag.length - 1);
  const digest = target.digest ?? (atTag ? reference.digest : undefined);
  const value = `${name}:${target.tag}${digest === undefined ? '' : `@${digest}`}`;
  const dropped = reference.digest !== undefined && digest === undefined;
  return dropped ? { value, note: `stale digest ${reference.digest} removed` } : { value };
}

/** The named containers as messages list them: `app`, `app, migrate`. */
export function containerList(target: ResolvedTarget): string {
  return [...(target.containers ?? [])].join(', ');
}

/** Splits a tag value that carries a digest (`1.0@sha256:...`, as some tools pin kustomize newTag). */
export function splitTagAndDigest(value: string): { tag: string; digest: string | undefined } {
  const at = value.indexOf('@');
  return at === -1 ? { tag: value, digest: undefined } : { tag: value.slice(0, at), digest: value.slice(at + 1) };
}

/**
 * Texts of which every file `planBump` may read or edit contains at least one (the image's last path
 * component standing as a name, as `mentions` reads it, or a setter marker's key): a screen a reader
 * may apply to the tree's raw bytes first.
 * It is the first test `planBump` makes of each file, so it never drops a file the plan would use.
 */
export function bumpScreen(bumpTarget: BumpTarget): (string | { name: string; before: string; after: string })[] {
  return [resolveTarget(bumpTarget).nameScreen, SETTER_SCREEN];
}
