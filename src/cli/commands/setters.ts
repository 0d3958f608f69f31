import {
  isSetterCandidatePath,
  latestImageFromReference,
  planSetters,
  SETTER_SCREEN,
  type LatestImage,
} from '../../core/setters/index.js';
import { UserError } from '../../core/errors.js';
import { readTree, writeTreeFiles } from '../../fs/tree.js';
import { requireDirectory, UsageError, type Command } from '../command.js';
import { forLog } from '../../core/text/untrusted.js';

const USAGE = `usage: gitops-promote setters --dir <dir> --policy <ns>:<name>=<image ref> [--policy ...] [--dry-run] [--allow-nothing] [--json]

Applies Flux image-policy setter markers: every YAML value marked
  image: app:1.0.0   # {"$imagepolicy": "<ns>:<name>"}          gets name:tag[@digest]
  newTag: 1.0.0      # {"$imagepolicy": "<ns>:<name>:tag"}      gets the tag
  newName: app       # {"$imagepolicy": "<ns>:<name>:name"}     gets the name
  digest: sha256:..  # {"$imagepolicy": "<ns>:<name>:digest"}   gets the digest
(the marker may also be the only comment on the line above the entry) takes the latest image of
the named policy. Only the value bytes change; only changed files are written. Files read:
*.yaml, *.yml and Kustomization containing "$imagepolicy"; markers naming a policy not given are
left alone. All or nothing: a file that names a given policy in a marker but cannot be read as
YAML (a syntax error, a repeated key, a control character YAML forbids), or a marked value that
cannot be edited, fails the run with its file and line, and nothing is written; a file that does
not parse and names no given policy is skipped with a warning.

options:
  --dir <dir>                          tree to update in place (required)
  --policy <ns>:<name>=<image ref>     a policy and its latest image, name:tag or name:tag@digest,
                                       e.g. apps:web=ghcr.io/acme/web:1.2.3 (repeatable, at least one;
                                       the split is at the first "=")
  --dry-run                            print the changes, write nothing
  --allow-nothing                      exit 0 when a policy marks no value in the tree
  --json                               print {"changes":[{"file","line","path","old","new"}]}

exit status: 0 done (also when every marked value is current); 1 a policy that marks no value
(--allow-nothing makes this 0), an invalid image reference, a file that cannot be read as above, or
an unreadable tree; 2 a malformed --policy (no "=", not <ns>:<name>, a policy given twice), a --dir that is not
an existing directory, or a missing option.`;

const POLICY_ID = /^[^:=\s]+:[^:=\s]+$/;

/** `--policy` values into policies by "ns:name"; syntax is a usage error, a bad reference a user error. */
export function parsePolicyOptions(values: readonly string[]): Map<string, LatestImage> {
  if (values.length === 0) throw new UsageError('--policy is required (at least one)');
  const policies = new Map<string, LatestImage>();
  for (const value of values) {
    const split = value.indexOf('=');
    const id = split === -1 ? '' : value.slice(0, split);
    const ref = split === -1 ? '' : value.slice(split + 1);
    if (!POLICY_ID.test(id) || ref === '') {
      throw new UsageError(`--policy: got ${JSON.stringify(value)}, expected <ns>:<name>=<image ref>`);
    }
    if (policies.has(id)) throw new UsageError(`--policy: ${id} is given twice`);
    policies.set(id, latestImageFromReference(ref, `--policy ${id}`));
  }
  return policies;
}

export const settersCommand: Command = {
  name: 'setters',
  summary: 'apply Flux image-policy setter markers (# {"$imagepolicy": "ns:name"}) in a tree',
  usage: USAGE,
  options: {
    dir: { type: 'string' },
    policy: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    'allow-nothing': { type: 'boolean' },
  },
  async run(values, _positionals, context) {
    const dir = requireDirectory(values, 'dir', context.cwd);
    const policies = parsePolicyOptions((values.policy as string[] | undefined) ?? []);
    const warn = (message: string) => context.stderr(`warning: ${message}`);
    const skipped: string[] = [];
    const warnOnRead = (message: string) => {
      skipped.push(message);
      warn(message);
    };
    const files = await readTree(dir, { include: isSetterCandidatePath, mustContain: SETTER_SCREEN, warn: warnOnRead });
    const plan = planSetters(files, policies);
    plan.warnings.forEach(warn);
    const unmarked = [...policies.keys()].filter((id) => !plan.marked.includes(id));
    if (unmarked.length > 0 && values['allow-nothing'] !== true) {
      const also = skipped.length === 0 ? '' : `; skipped: ${skipped.join('; ')}`;
      throw new UserError(
        `no value is marked with policy ${unmarked.join(', ')} (${files.length} file(s) hold markers${also}); nothing written (--allow-nothing makes this a success)`,
      );
    }
    const dryRun = values['dry-run'] === true;
    if (!dryRun) await writeTreeFiles(dir, plan.files);
    const changes = plan.changes.map(({ file, line, path, old, new: value }) => ({
      file,
      line,
      path,
      old,
      new: value,
    }));
    const lines = plan.changes.map((change) =>
      forLog(`${change.file}:${change.line} ${change.path}: ${change.old} -> ${change.new}`),
    );
    const summary = `${plan.changes.length} value(s) in ${plan.files.length} file(s) ${dryRun ? 'would change (dry run, nothing written)' : 'changed'}`;
    return { json: { changes }, text: [...lines, summary].join('\n') };
  },
};
