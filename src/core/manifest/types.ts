/** A file of the tree, as read: path relative to the tree root (forward slashes) and its text. */
export interface ManifestFile {
  path: string;
  text: string;
  /**
   * The file's bytes are not valid UTF-8, so `text` is a lossy decoding: the file is read to tell
   * whether the bump would edit it, and skipped with a warning (an edit could not keep its bytes).
   */
  invalidUtf8?: boolean;
}

/** What to bump: an image repository (any form users write) to a tag, optionally pinned to a digest. */
export interface BumpTarget {
  image: string;
  tag: string;
  digest?: string;
  /** Only containers (and chart images) of this name; kustomize `images:` entries are then left alone. */
  container?: string;
  /** Only containers of these names (a promotion's configured containers); joined with `container`. */
  containers?: readonly string[];
  /**
   * A plan made only to read what the places hold (promote reads what an environment runs with a
   * tag no place has): tag-policy annotations are not consulted, so no place is left out of it.
   */
  readOnly?: boolean;
}

export type LocationKind = 'workload' | 'kustomize' | 'helm-release' | 'helm-values' | 'setter';

/** One replaced (or added, or removed) value. `old` is '' for an added key, `new` is '' for a removed one. */
export interface ManifestChange {
  file: string;
  /** 1-based line of the value in the original text (of the new line for an added key). */
  line: number;
  /** YAML path of the value: `spec.template.spec.containers[0].image`, `images[2].newTag`. */
  path: string;
  old: string;
  new: string;
  kind: LocationKind;
  note?: string;
}

export interface BumpPlan {
  changes: ManifestChange[];
  /** Every file that changes, with its whole new text. */
  files: { path: string; newText: string }[];
  /** Places that reference the image, changed or not (0: the tree does not use it). */
  references: number;
  /** Things the user should know that are not errors: skipped places, policy refusals. */
  warnings: string[];
}
