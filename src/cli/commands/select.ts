import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { parseTagPolicy, rankTags, selectLatest } from '../../core/policy/index.js';
import { optionalString, requireString, UsageError, type Command } from '../command.js';

const USAGE = `usage: gitops-promote select --policy <spec> (--tags a,b,c | --tags-file <file>) [options] [--json]

Prints the latest tag under a Flux-style tag policy.

policies:
  semver:<range>             highest version in the range; tags are strict semver, "v" prefix allowed.
                             Ranges as Flux (Masterminds) reads them: "1.0.x", "^1.2", "~0.4",
                             ">=1.0 <2.0", ">0, <2.0" (comma = AND), "1.2 - 1.4", "^1 || ^2",
                             "^1.x-0" (a prerelease in a range admits prereleases)
  alphabetical[:asc|desc]    greatest (asc, default) or smallest (desc) string, byte-wise
  numerical[:asc|desc]       greatest (asc, default) or smallest number; every tag must be a number
  glob:<pattern>             tags matching the glob ("*" only); the last listed one wins
  regexp:<expression>        tags the Go regular expression matches; the last listed one wins

options:
  --policy <spec>            the policy (required)
  --filter-pattern <regexp>  Go regular expression tags must match first (as ImagePolicy filterTags)
  --extract <template>       what the policy ranks instead of the tag: $1, \${1}, $name from the
                             pattern's groups, e.g. --filter-pattern '^main-[a-f0-9]+-(?P<ts>[0-9]+)'
                             --extract '$ts'; the winning tag is printed, not the extracted value
  --tags <a,b,c>             the candidate tags, comma-separated
  --tags-file <file>         the candidate tags, one per line (blank lines ignored)
  --all                      print every eligible tag, latest first, instead of one
  --json                     print {"tag": "..."} (with --all: {"tags": [{"tag", "value"}]})

Fails (exit 1) when no tag is eligible, or the policy or a regular expression is invalid.`;

export const selectCommand: Command = {
  name: 'select',
  summary: 'print the latest tag under a Flux-style policy (semver, alphabetical, numerical, glob, regexp)',
  usage: USAGE,
  options: {
    policy: { type: 'string' },
    'filter-pattern': { type: 'string' },
    extract: { type: 'string' },
    tags: { type: 'string' },
    'tags-file': { type: 'string' },
    all: { type: 'boolean' },
  },
  async run(values, _positionals, context) {
    const spec = requireString(values, 'policy');
    const pattern = optionalString(values, 'filter-pattern');
    const extract = optionalString(values, 'extract');
    if (extract && !pattern) throw new UsageError('--extract needs --filter-pattern to take groups from');
    const tags = await readTags(optionalString(values, 'tags'), optionalString(values, 'tags-file'), context.cwd);
    const policy = parseTagPolicy(spec, { pattern, extract }, 'policy');
    if (values.all === true) {
      const ranked = rankTags(policy, tags);
      return { json: { tags: ranked }, text: ranked.map((entry) => entry.tag).join('\n') };
    }
    const tag = selectLatest(policy, tags);
    return { json: { tag }, text: tag };
  },
};

async function readTags(list: string | undefined, file: string | undefined, cwd: string): Promise<string[]> {
  if (list !== undefined && file !== undefined) throw new UsageError('give --tags or --tags-file, not both');
  if (list !== undefined) return splitTags(list.split(','));
  if (file === undefined) throw new UsageError('--tags or --tags-file is required');
  let content: string;
  try {
    content = await readFile(resolve(cwd, file), 'utf8');
  } catch (error) {
    throw new UserError(
      `tags-file: cannot read ${JSON.stringify(file)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  return splitTags(content.split(/\r?\n/));
}

function splitTags(entries: string[]): string[] {
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}
