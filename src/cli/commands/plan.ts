import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parsePromotionConfig } from '../../core/config/index.js';
import { invalid, UserError } from '../../core/errors.js';
import { parseDispatchPayload, requestFromPayload } from '../../core/payload/index.js';
import { renderChangeTable, resolvePromotion } from '../../core/promotion/index.js';
import { planOnSnapshot } from '../../flows/plan.js';
import { FolderSnapshot } from '../../fs/snapshot.js';
import { optionalString, requireDirectory, requireString, type Command } from '../command.js';

const USAGE = `usage: gitops-promote plan --config <file> --event <payload file> [--dir <environment repository>] [--json]

Says what the bump action would do with a dispatch, without writing anything: which app and
environment it names, whether the environment's tag policy and the tag order let it in, which
files bump would read, and the changes it would commit on branch gitops-promote/<env>/<app>.

options:
  --config <file>   the promotion config (.github/promotion.yml of the environment repository)
  --event <file>    the dispatch: a repository_dispatch event (with client_payload) or the payload itself
  --dir <dir>       a checkout of the environment repository (default: the current directory)
  --json            print {"operation","reason","app","environment","tag","branch","title","previousTags",
                    "candidates","changes":[{"file","line","path","old","new"}],"files"}

operation is "change" (bump would open or update the pull request), "unchanged" (the environment
already runs the image) or "skipped" (policy or order refuses the tag; reason says why). An open pull
request is not visible from a checkout: bump may still find the change already pending there.
exit status: 0 a plan (any operation); 1 an invalid config, payload or manifest; 2 a missing option, or a --dir that is
not an existing directory.`;

export const planCommand: Command = {
  name: 'plan',
  summary: 'what bump would do with a dispatch payload, from a checkout, without writing',
  usage: USAGE,
  options: {
    config: { type: 'string' },
    event: { type: 'string' },
    dir: { type: 'string' },
  },
  async run(values, _positionals, context) {
    const configPath = requireString(values, 'config');
    const eventPath = requireString(values, 'event');
    const dir = requireDirectory({ dir: optionalString(values, 'dir') ?? '.' }, 'dir', context.cwd);
    const config = parsePromotionConfig(readText(resolve(context.cwd, configPath), '--config'), configPath);
    const promotion = resolvePromotion(
      config,
      requestFromPayload(parseDispatchPayload(payloadOf(readJson(resolve(context.cwd, eventPath))))),
    );
    const { selection, decision, warnings } = await planOnSnapshot(promotion, new FolderSnapshot(dir));
    for (const message of warnings) context.stderr(`warning: ${message}`);
    const changes =
      decision.kind === 'change'
        ? decision.changes.map(({ file, line, path, old, new: value }) => ({ file, line, path, old, new: value }))
        : [];
    const json = {
      operation: decision.kind,
      reason:
        decision.kind === 'change' ? `would open or update the pull request on ${promotion.branch}` : decision.reason,
      app: promotion.app.name,
      environment: promotion.environment.name,
      tag: promotion.tag,
      branch: promotion.branch,
      title: promotion.title,
      previousTags: decision.previousTags,
      candidates: selection.paths,
      changes,
      files: decision.kind === 'change' ? decision.files.map((file) => file.path) : [],
    };
    const text =
      decision.kind === 'change'
        ? `${promotion.title}\n${renderChangeTable(changes)}`
        : `${decision.kind}: ${json.reason}`;
    return { json, text };
  },
};

function readText(path: string, option: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(readFileSync(path));
  } catch (error) {
    if (error instanceof TypeError) throw invalid(option, path, 'a UTF-8 text file');
    throw invalid(
      option,
      path,
      `a readable file (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
}

function readJson(path: string): unknown {
  const text = readText(path, '--event');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UserError(`--event: ${path} is not valid JSON (${(error as Error).message})`);
  }
}

/** A repository_dispatch event carries the payload in client_payload; a bare payload is taken as is. */
function payloadOf(event: unknown): unknown {
  if (typeof event === 'object' && event !== null && !Array.isArray(event) && 'client_payload' in event) {
    return (event as { client_payload: unknown }).client_payload;
  }
  return event;
}
