// What a flow reads a repository through: a snapshot of one commit (GitHubSnapshot over the API,
// FolderSnapshot over a checkout), so the action and the command line plan with the same code.

/** Files a promotion reads are manifests: a larger one is skipped with a warning, by every reader alike. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

export interface SnapshotFile {
  path: string;
  text: string;
  /** The bytes are not UTF-8 (a folder read keeps such files, marked, for the engine to report). */
  invalidUtf8?: true;
}

export interface RepositorySnapshot {
  /** Every file's path, relative to the repository root, with forward slashes. */
  paths(): Promise<string[]>;
  /** The named files as text; one that cannot be read is reported through `warn` and left out. */
  read(paths: readonly string[], warn: (message: string) => void): Promise<SnapshotFile[]>;
}
