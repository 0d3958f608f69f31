// Only light modules here: the planner (the YAML library and the locators) loads once greps are
// searching a large tree (see run), so that the two overlap.
import type { BumpPlan } from '../../core/manifest/index.js';
import { isKustomizationPath } from '../../core/manifest/files.js';
import { bumpScreen } from '../../core/manifest/target.js';
import { isYamlPath, readTree, startTreeScreen, writeTreeFiles } from '../../fs/tree.js';
import { UserError } from '../../core/errors.js';
import { optionalString, requireDirectory, requireString, type Command } from '../command.js';
import { forLog } from '../../core/text/untrusted.js';

const USAGE = `usage: gitops-promote bump --dir <dir> --image <name> --tag <tag> [--digest sha256:..] [--container <name>] [--dry-run] [--allow-nothing] [--json]

Sets an image's tag (and digest) everywhere a tree of manifests references it, editing only the
bytes of the values it replaces (comments, quoting, indentation, CRLF and a BOM are kept):
  - containers, initContainers and ephemeralContainers of every pod spec, found by its shape in any
    kind (Pod, Deployment, CronJob, an Argo Rollout, a Knative Service, a KEDA ScaledJob, an
    OpenShift DeploymentConfig, a custom resource; not in a ConfigMap's or Secret's data), in
    multi-document files;
  - kustomize images: entries (kustomization.yaml, kustomization.yml, Kustomization) that deploy
    the image (their newName, or their name when there is no newName): newTag is set (added when
    missing), digest as "kustomize edit set image" does;
  - HelmRelease spec.values, Helm values*.yaml and any YAML that is no Kubernetes object, at any
    depth: image: repo:tag strings (also under keys such as sidecarImage) and
    image: {registry, repository, tag, digest} maps; Flux v1 tag-policy annotations
    (fluxcd.io/tag.<container>, flux.weave.works/tag.<container>, filter.fluxcd.io/<container>)
    that refuse the tag leave that image alone with a warning;
  - Flux setter markers (# {"$imagepolicy": "ns:name:tag"}) of a policy whose image is this one.
Images match by normalised repository: nginx is docker.io/library/nginx; acme/app is not acme/app-worker.
Digests are sha256 or sha512. A value that names the image but is no reference (a short digest,
{GENERATED_TAG}, a typo) is left alone with a warning giving its file, line and why.
A reference pinned to a digest and moved to a new tag without --digest loses the stale digest
(a :digest setter marker of the image's policy is cleared to "").

options:
  --dir <dir>          tree to update in place (required); files are reported relative to it
  --image <name>       repository without tag: nginx, acme/app, ghcr.io/acme/app, localhost:5000/app
  --tag <tag>          the new tag
  --digest <digest>    also pin sha256:<64 hex> or sha512:<128 hex>
  --container <name>   only containers (and chart images) of this name; kustomize entries are then left alone
  --dry-run            print the changes, write nothing
  --allow-nothing      exit 0 when no file references the image (for scripts that bump many images)
  --json               print {"changes":[{"file","line","path","old","new","kind","note"}],"references","files","warnings"}

Nothing is written when any file that may reference the image cannot be read as YAML: the error
names the file and line. (A name in a comment, inside a longer name such as acme/app-worker, or of
another repository does not count; such a file is skipped with a warning.) Warnings go to stderr.
The tag latest is refused: it names a different image tomorrow, as every other entry point says.
exit status: 0 done (also when every reference is already at the tag); 1 no file references the
image (the reason names the files reading skipped: too large, binary, not UTF-8, links out of the
tree; --allow-nothing makes this 0), an invalid --image, --tag (latest included) or --digest, an
unparseable referencing file, an unreadable tree; 2 a usage error (a missing or unknown option, a
--dir that is not an existing directory).`;

/** Files bump reads: YAML by extension, and kustomize's extension-less `Kustomization`. */
const isManifestPath = (path: string) => isYamlPath(path) || isKustomizationPath(path);

function summary(plan: BumpPlan, image: string, tag: string, dryRun: boolean): string {
  if (plan.references === 0) return `no references to ${image} found`;
  if (plan.changes.length === 0)
    return `${image}: all ${plan.references} reference(s) already at ${tag} (or left alone), nothing to change`;
  const verb = dryRun ? 'would change (dry run, nothing written)' : 'changed';
  return `${plan.changes.length} value(s) in ${plan.files.length} file(s) ${verb}`;
}

/**
 * Why a bump found nothing, on one line: with what reading skipped (an oversized or binary file, a
 * file that is not UTF-8, a link out of the tree), which may be where the image was.
 */
function nothingFound(image: string, read: number, warnings: readonly string[]): string {
  const skipped = warnings.filter((warning) => /skipped|not followed/.test(warning));
  const files = `${read} file(s) mention it`;
  const why = skipped.length === 0 ? files : `${files}; skipped: ${skipped.join('; ')}`;
  return `no references to ${image} found (${why}); nothing written (--allow-nothing makes this a success)`;
}

export const bumpCommand: Command = {
  name: 'bump',
  summary: 'set an image tag (and digest) everywhere a tree of manifests references the image',
  usage: USAGE,
  options: {
    dir: { type: 'string' },
    image: { type: 'string' },
    tag: { type: 'string' },
    digest: { type: 'string' },
    container: { type: 'string' },
    'dry-run': { type: 'boolean' },
    'allow-nothing': { type: 'boolean' },
  },
  async run(values, _positionals, context) {
    const dir = requireDirectory(values, 'dir', context.cwd);
    const image = requireString(values, 'image');
    const tag = requireString(values, 'tag');
    const digest = optionalString(values, 'digest');
    const container = optionalString(values, 'container');
    const dryRun = values['dry-run'] === true;
    const warn = (message: string) => context.stderr(`warning: ${message}`);
    // What reading the tree skipped (links out of it, oversized files) is reported as the plan's warnings are.
    const readWarnings: string[] = [];
    const warnOnRead = (message: string) => {
      readWarnings.push(message);
      warn(message);
    };

    const target = {
      image,
      tag,
      ...(digest !== undefined && { digest }),
      ...(container !== undefined && { container }),
    };
    // Checks the image, tag and digest before anything is read.
    const mustContain = bumpScreen(target);
    const started = startTreeScreen(dir, { include: isManifestPath, mustContain });
    const { applyPlan, planBump } = await import('../../core/manifest/index.js');
    const files = await readTree(dir, { include: isManifestPath, mustContain, started, warn: warnOnRead });
    const plan = planBump(files, target);
    plan.warnings.forEach(warn);
    if (plan.references === 0 && values['allow-nothing'] !== true) {
      throw new UserError(nothingFound(image, files.length, [...readWarnings, ...plan.warnings]));
    }
    if (!dryRun) await writeTreeFiles(dir, applyPlan(plan));

    const changes = plan.changes.map(({ file, line, path, old, new: value, kind, note }) => ({
      file,
      line,
      path,
      old,
      new: value,
      kind,
      ...(note !== undefined && { note }),
    }));
    const lines = plan.changes.map((change) => {
      const old = change.old === '' ? (change.note === 'added' ? '(added)' : '""') : change.old;
      const note = change.note && change.note !== 'added' ? ` (${change.note})` : '';
      return forLog(
        `${change.file}:${change.line} ${change.path}: ${old} -> ${change.new === '' ? '""' : change.new}${note}`,
      );
    });
    return {
      json: {
        changes,
        references: plan.references,
        files: plan.files.map((file) => file.path),
        warnings: [...readWarnings, ...plan.warnings],
        dryRun,
      },
      text: [...lines, summary(plan, image, tag, dryRun)].join('\n'),
    };
  },
};
