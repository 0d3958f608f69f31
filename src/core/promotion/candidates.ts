// Which files of the environment a promotion reads, from the tree's paths alone.
import { invalid } from '../errors.js';
import type { Promotion } from './resolve.js';

const YAML_FILE = /\.ya?ml$/i;
const KUSTOMIZATION_FILE = /^(kustomization\.ya?ml|Kustomization)$/;
/** Reading more blobs than this for one bump means the app's `paths` should be set. */
export const MAX_CANDIDATE_FILES = 500;

export interface CandidateSelection {
  paths: string[];
  /** true when nothing named after the app was found and every YAML file of the environment is read. */
  broad: boolean;
}

/**
 * Which files of the environment to read, from the tree's paths alone, so a bump reads a few
 * blobs however large the repository is. With `paths` in the config: YAML files under them.
 * Otherwise: YAML files with the app's name as a folder or file stem (`releases/dev/podinfo.yaml`,
 * `dev/podinfo/deployment.yaml`), plus the kustomizations on the way down to them, whose
 * `images:` may override the tag. When no file is named after the app, every YAML file of the
 * environment is read (bounded), and the caller warns that `paths` would make it cheaper.
 */
export function selectCandidatePaths(
  treePaths: readonly string[],
  promotion: Pick<Promotion, 'app' | 'environment'>,
): CandidateSelection {
  const root = promotion.environment.path;
  const inEnvironment = treePaths
    .filter((path) => YAML_FILE.test(path) || KUSTOMIZATION_FILE.test(basename(path)))
    .filter((path) => root === '' || path.startsWith(`${root}/`))
    .map((path) => ({ path, relative: root === '' ? path : path.slice(root.length + 1) }));
  const { app } = promotion;
  let selected: string[];
  let broad = false;
  if (app.paths.length > 0) {
    selected = inEnvironment
      .filter(({ relative }) => app.paths.some((prefix) => relative === prefix || relative.startsWith(`${prefix}/`)))
      .map(({ path }) => path);
  } else {
    const named = inEnvironment.filter(({ relative }) => namesApp(relative, app.name));
    if (named.length === 0) {
      selected = inEnvironment.map(({ path }) => path);
      broad = true;
    } else {
      const folders = new Set(named.flatMap(({ relative }) => ancestorFolders(relative)));
      const kustomizations = inEnvironment.filter(
        ({ relative }) => KUSTOMIZATION_FILE.test(basename(relative)) && folders.has(dirname(relative)),
      );
      selected = [...new Set([...named, ...kustomizations].map(({ path }) => path))];
    }
  }
  if (selected.length > MAX_CANDIDATE_FILES) {
    throw invalid(
      `apps.${app.name}.paths`,
      `${selected.length} candidate files under ${root || 'the repository root'}`,
      `at most ${MAX_CANDIDATE_FILES}: list the folders of ${app.name}'s manifests in paths`,
    );
  }
  return { paths: selected.sort(), broad };
}

function namesApp(relative: string, app: string): boolean {
  const segments = relative.split('/');
  const file = segments.pop() ?? '';
  const stem = file.replace(YAML_FILE, '');
  return stem === app || segments.includes(app);
}

function ancestorFolders(relative: string): string[] {
  const segments = relative.split('/').slice(0, -1);
  return segments.map((_, index) => segments.slice(0, index + 1).join('/')).concat('');
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function dirname(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}
