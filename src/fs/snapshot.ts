// The snapshot interface over a folder (a checkout of the environment repository), for the
// command line: the same planning code as the action's, which reads through the API.
import { MAX_MANIFEST_BYTES, type RepositorySnapshot, type SnapshotFile } from '../flows/snapshot.js';
import { readTree } from './tree.js';

export class FolderSnapshot implements RepositorySnapshot {
  constructor(private readonly root: string) {}

  async paths(): Promise<string[]> {
    const paths: string[] = [];
    // The include hook sees every file's path; nothing is opened.
    await readTree(this.root, {
      include: (path) => {
        paths.push(path);
        return false;
      },
    });
    return paths;
  }

  async read(paths: readonly string[], warn: (message: string) => void): Promise<SnapshotFile[]> {
    const wanted = new Set(paths);
    return readTree(this.root, { include: (path) => wanted.has(path), warn, maxFileBytes: MAX_MANIFEST_BYTES });
  }
}
