// Flux image-reflector-controller's ImagePolicy tables (flux-policy-cases.json) through `select`.
// How each case kind reaches the command line:
//   semver / alphabetical / numerical  -> select --policy <kind>[:range|:order] [--filter-pattern --extract]
//                                         --json; the printed tag, or exit 1 for an expected error
//   *-range-parse / *-order-parse      -> the policy alone: select --policy ... --tags '' --all
//                                         (a valid policy lists nothing and exits 0; an invalid one exits 1)
//   filterTags                         -> select --policy alphabetical --filter-pattern P --extract E --all
//                                         --json; the set of ranked values is what the filter passed on
// Tag lists holding a comma go through --tags-file, since --tags splits on commas.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mapLimit, runCliForConformance, type CaseResult } from './cli.js';

interface PolicyCase {
  id: string;
  policy: string;
  params: { range?: string; order?: string; pattern?: string; extract?: string; filterTags?: FilterTags };
  tags: string[] | null;
  expected: string | string[] | null;
  expectError: boolean;
}
interface FilterTags {
  pattern?: string;
  extract?: string;
}

const TABLE = 'flux-policy-cases.json';

export async function run(path: string): Promise<CaseResult[]> {
  const table = JSON.parse(await readFile(path, 'utf8')) as { cases: PolicyCase[] };
  const scratch = await mkdtemp(join(tmpdir(), 'flux-policy-'));
  try {
    return await mapLimit(table.cases, 4, async (testCase) => {
      const detail = await check(testCase, scratch).catch((error: Error) => `harness error: ${error.message}`);
      return { table: TABLE, id: testCase.id, ok: detail === undefined, ...(detail ? { detail } : {}) };
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** Returns what went wrong, or undefined when the case passes. */
async function check(testCase: PolicyCase, scratch: string): Promise<string | undefined> {
  const { policy, params } = testCase;
  const args = ['select', '--json'];
  let listing = false;
  if (policy === 'semver' || policy === 'semver-range-parse') {
    args.push(`--policy=semver:${params.range ?? ''}`);
  } else if (/^(alphabetical|numerical)(-order-parse)?$/.test(policy)) {
    args.push(`--policy=${policy.replace('-order-parse', '')}${orderSuffix(params.order)}`);
  } else if (policy === 'filterTags') {
    args.push('--policy=alphabetical');
  } else {
    return `unknown case kind ${JSON.stringify(policy)}`;
  }
  const filter = policy === 'filterTags' ? { pattern: params.pattern, extract: params.extract } : params.filterTags;
  if (filter?.pattern !== undefined) args.push(`--filter-pattern=${filter.pattern}`);
  if (filter?.extract !== undefined) args.push(`--extract=${filter.extract}`);
  if (policy.endsWith('-parse') || policy === 'filterTags') {
    args.push('--all');
    listing = true;
  }
  args.push(...(await tagArguments(testCase, scratch)));

  const result = await runCliForConformance(args);
  const stderr = result.stderr.trim().split('\n')[0] ?? '';
  if (testCase.expectError) {
    if (result.code === 1) return undefined;
    return `expected an error (exit 1), got exit ${result.code}: ${result.stdout.trim() || stderr}`;
  }
  if (result.code !== 0) return `expected ${JSON.stringify(testCase.expected)}, got exit ${result.code}: ${stderr}`;
  if (policy.endsWith('-parse')) return undefined;
  if (listing) {
    const values = (JSON.parse(result.stdout) as { tags: { value: string }[] }).tags.map((entry) => entry.value).sort();
    const expected = [...((testCase.expected as string[] | null) ?? [])].sort();
    return JSON.stringify(values) === JSON.stringify(expected)
      ? undefined
      : `expected values ${JSON.stringify(expected)}, got ${JSON.stringify(values)}`;
  }
  const { tag } = JSON.parse(result.stdout) as { tag: string };
  return tag === testCase.expected
    ? undefined
    : `expected ${JSON.stringify(testCase.expected)}, got ${JSON.stringify(tag)}`;
}

/** The table spells orders ASC / DESC, "" or "(empty -> ASC)" for the default; anything else is passed as is. */
function orderSuffix(order: string | undefined): string {
  if (order === undefined || order === '' || order.startsWith('(')) return '';
  return `:${order}`;
}

async function tagArguments(testCase: PolicyCase, scratch: string): Promise<string[]> {
  const tags = testCase.tags ?? [];
  if (!tags.some((tag) => tag.includes(','))) return [`--tags=${tags.join(',')}`];
  const file = join(scratch, `${testCase.id.replace(/[^A-Za-z0-9_.-]/g, '_')}.txt`);
  await writeFile(file, `${tags.join('\n')}\n`);
  return [`--tags-file=${file}`];
}
