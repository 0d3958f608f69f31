// distribution/reference's tables (image-ref-cases.json) through `parse-image --json`.
// Each section tests one Go API; the mapping to the CLI output is:
//   ParseNormalizedNamed      -> domain, path, familiar (FamiliarName), canonical (FullName); valid = exit 0
//   ParseDockerRef            -> domain/path + (@digest, else :tag, else :latest)
//   ParseAnyReference         -> canonical; digest-only references have no CLI form: core parseAnyReference
//   ReferenceRegexp captures  -> familiar name, tag, digest
//   Parse (not normalised)    -> errors, tag, digest and the String() round trip (familiar) through the CLI;
//                                the un-normalised name/domain only through core parseRawReference
//   go-containerregistry      -> the same fields; it spells Docker Hub "index.docker.io" where we say "docker.io"
//   argocd NewFromIdentifier  -> registry/imageName/tag/digest after Docker Hub defaults; "alias=" is Argo's
//                                annotation syntax, not part of a reference, so only the part after "=" is parsed
import { readFile } from 'node:fs/promises';
import { parseAnyReference, parseRawReference } from '../../src/core/image-ref.js';
import { mapLimit, runCliForConformance, type CaseResult } from './cli.js';

type Case = Record<string, unknown> & { input: string };
type Expected = Record<string, string | boolean | undefined>;
interface Parsed {
  domain: string;
  path: string;
  tag: string;
  digest: string;
  familiar: string;
  canonical: string;
}
type CliOutcome = { ok: true; parsed: Parsed } | { ok: false; code: number; stderr: string };
interface Check {
  id: string;
  /** Returns what went wrong, or undefined when the case passes. */
  verify(): Promise<string | undefined>;
}

const TABLE = 'image-ref-cases.json';
// Cases kept failing on purpose, with the reason shown next to the failure (see the README).
const SHORT_DIGEST_DISAGREEMENT =
  'kept failing: Argo\'s legacy fallback accepts a 5-hex "digest" that distribution/reference (and so the ' +
  'kubelet) rejects; the parse table itself requires repo@sha256:<34 hex> to fail with ErrDigestInvalidLength, ' +
  'so one parser cannot satisfy both, and such a digest written into a manifest could never be pulled';
const DISAGREEMENTS: Record<string, string> = {
  'gcr.io/jannfis/test-image@sha256:abcde': SHORT_DIGEST_DISAGREEMENT,
  'gcr.io/jannfis/test-image:test-tag@sha256:abcde': SHORT_DIGEST_DISAGREEMENT,
};
const GO_ERROR_MESSAGES: Record<string, RegExp> = {
  ErrNameEmpty: /is empty/,
  ErrReferenceInvalidFormat: /invalid reference format/,
  ErrNameContainsUppercase: /must be lowercase/,
  ErrNameTooLong: /too long/,
  'digest.ErrDigestInvalidLength': /invalid digest length/,
  'digest.ErrDigestUnsupported': /unsupported digest algorithm/,
};

async function parseWithCli(input: string): Promise<CliOutcome> {
  const result = await runCliForConformance(['parse-image', '--json', '--', input]);
  if (result.code === 0) return { ok: true, parsed: JSON.parse(result.stdout) as Parsed };
  return { ok: false, code: result.code, stderr: result.stderr.trim() };
}

function familiarNameOf(parsed: Parsed): string {
  const suffix = `${parsed.tag ? `:${parsed.tag}` : ''}${parsed.digest ? `@${parsed.digest}` : ''}`;
  return parsed.familiar.slice(0, parsed.familiar.length - suffix.length);
}

/** Compares every field the case names (undefined = the case leaves it out); a field with no counterpart fails. */
function differences(expected: Expected, actual: Record<string, string | boolean>): string | undefined {
  const wrong = Object.entries(expected)
    .filter(([key, value]) => value !== undefined && actual[key] !== value)
    .map(([key, value]) =>
      key in actual
        ? `${key}: expected ${JSON.stringify(value)}, got ${JSON.stringify(actual[key])}`
        : `${key}: no counterpart in the output`,
    );
  return wrong.length > 0 ? wrong.join('; ') : undefined;
}

async function expectParsed(input: string, compare: (parsed: Parsed) => string | undefined) {
  const outcome = await parseWithCli(input);
  if (!outcome.ok) return `expected a valid reference, got exit ${outcome.code}: ${outcome.stderr}`;
  return compare(outcome.parsed);
}

async function expectRejected(input: string, goError?: string) {
  const outcome = await parseWithCli(input);
  if (outcome.ok) return `expected ${goError ?? 'an error'}, got ${JSON.stringify(outcome.parsed)}`;
  if (outcome.code !== 1) return `expected exit 1, got ${outcome.code}: ${outcome.stderr}`;
  const pattern = goError === undefined ? undefined : GO_ERROR_MESSAGES[goError];
  if (goError !== undefined && !pattern) return `no message pattern known for ${goError}`;
  if (pattern && !pattern.test(outcome.stderr)) return `expected ${goError} (${pattern}), got: ${outcome.stderr}`;
  return undefined;
}

function parseChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => {
    const id = `parse[${index}] ${JSON.stringify(testCase.input)}`;
    const expected = testCase.expected as Expected | undefined;
    if (!expected) return { id, verify: () => expectRejected(testCase.input, testCase.expectError as string) };
    return {
      id: `${id} (name/domain via core parseRawReference: the CLI prints only normalised names)`,
      async verify() {
        const raw = parseRawReference(testCase.input);
        const rawFields = { name: raw.name, domain: raw.domain, tag: raw.tag ?? '', digest: raw.digest ?? '' };
        const rawProblem = differences(expected, rawFields);
        if (rawProblem) return `core: ${rawProblem}`;
        const cliProblem = await expectParsed(testCase.input, (parsed) =>
          differences({ tag: expected.tag, digest: expected.digest, familiar: testCase.input }, { ...parsed }),
        );
        return cliProblem && `cli: ${cliProblem}`;
      },
    };
  });
}

function normalizedChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => ({
    id: `normalized[${index}] ${JSON.stringify(testCase.input)}`,
    verify: () =>
      expectParsed(testCase.input, (parsed) => {
        const expected = testCase.expected as Expected;
        const { familiarName, fullName, ...rest } = expected;
        return differences({ ...rest, familiar: familiarName, canonical: fullName }, { ...parsed });
      }),
  }));
}

function dockerRefChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => ({
    id: `dockerRef[${index}] ${testCase.name as string}`,
    verify: () =>
      expectParsed(testCase.input, (parsed) => {
        const pinned = parsed.digest ? `@${parsed.digest}` : `:${parsed.tag || 'latest'}`;
        return differences(
          { dockerRef: testCase.expected as string },
          { dockerRef: `${parsed.domain}/${parsed.path}${pinned}` },
        );
      }),
  }));
}

function anyReferenceChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => {
    const id = `anyReference[${index}] ${JSON.stringify(testCase.input)}`;
    const expectedString = testCase.expectedString as string;
    if (testCase.expectedKind === 'digest-only reference') {
      return {
        id: `${id} (core parseAnyReference: a digest-only reference is not an image, parse-image refuses it)`,
        async verify() {
          const reference = parseAnyReference(testCase.input);
          const actual = reference.kind === 'digest' ? reference.digest : `image ${reference.image.canonical}`;
          return differences({ string: expectedString }, { string: actual });
        },
      };
    }
    return {
      id,
      verify: () => expectParsed(testCase.input, (parsed) => differences({ canonical: expectedString }, { ...parsed })),
    };
  });
}

function nameValidityChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => ({
    id: `nameValidity[${index}] ${JSON.stringify(testCase.input)}`,
    verify: () =>
      testCase.expectedValid ? expectParsed(testCase.input, () => undefined) : expectRejected(testCase.input),
  }));
}

function referenceRegexpChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => ({
    id: `referenceRegexp[${index}] ${JSON.stringify(testCase.input)}`,
    verify: () => {
      if (!testCase.expectedMatch) return expectRejected(testCase.input);
      return expectParsed(testCase.input, (parsed) =>
        differences(testCase.expectedCaptures as Expected, { ...parsed, name: familiarNameOf(parsed) }),
      );
    },
  }));
}

function otherChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => ({
    id: `other[${index}] ${JSON.stringify(testCase.input)} (${testCase.api as string})`,
    verify: () =>
      expectParsed(testCase.input, (parsed) => {
        const ggcrRegistry = parsed.domain === 'docker.io' ? 'index.docker.io' : parsed.domain;
        const suffix = parsed.digest ? `@${parsed.digest}` : `:${parsed.tag || 'latest'}`;
        return differences(testCase.expected as Expected, {
          // distribution/reference
          string: String(testCase.api).startsWith('go-containerregistry') ? parsed.familiar : parsed.canonical,
          familiarString: parsed.familiar,
          isTagged: parsed.tag !== '',
          isCanonical: parsed.digest !== '',
          // go-containerregistry
          identifier: parsed.digest || parsed.tag || 'latest',
          repository: parsed.path,
          registry: ggcrRegistry,
          name: `${ggcrRegistry}/${parsed.path}${suffix}`,
        });
      }),
  }));
}

function argocdChecks(cases: Case[]): Check[] {
  return cases.map((testCase, index) => ({
    id: `argocdNewFromIdentifier[${index}] ${JSON.stringify(testCase.input)}`,
    async verify() {
      const expected = testCase.expected as Expected;
      const equals = testCase.input.indexOf('=');
      const alias = equals === -1 ? undefined : testCase.input.slice(0, equals);
      if (alias !== expected.alias)
        return `alias: expected ${JSON.stringify(expected.alias)}, got ${JSON.stringify(alias)}`;
      return expectParsed(testCase.input.slice(equals + 1), (parsed) => {
        // Argo leaves the registry empty for Docker Hub and keeps `library/` off official images.
        const domain = expected.registry === '' ? 'docker.io' : expected.registry;
        const imageName = expected.imageName as string;
        const path = parsed.domain === 'docker.io' && !imageName.includes('/') ? `library/${imageName}` : imageName;
        return differences({ domain, path, tag: expected.tag, digest: expected.digest }, { ...parsed });
      });
    },
  }));
}

const SECTIONS: Record<string, (cases: Case[]) => Check[]> = {
  parse: parseChecks,
  normalized: normalizedChecks,
  dockerRef: dockerRefChecks,
  anyReference: anyReferenceChecks,
  nameValidity: nameValidityChecks,
  referenceRegexp: referenceRegexpChecks,
  other: otherChecks,
  argocdNewFromIdentifier: argocdChecks,
};

export async function run(path: string): Promise<CaseResult[]> {
  const table = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const unknownSections = Object.keys(table).filter((key) => Array.isArray(table[key]) && !(key in SECTIONS));
  const checks = Object.entries(SECTIONS).flatMap(([section, toChecks]) => {
    const cases = (table[section] as Case[] | undefined) ?? [];
    return toChecks(cases).map((check, index) => ({ ...check, input: cases[index]?.input ?? '' }));
  });
  const results = await mapLimit(checks, 4, async (check): Promise<CaseResult> => {
    try {
      const problem = await check.verify();
      const disagreement = DISAGREEMENTS[check.input];
      const detail = problem && disagreement ? `${problem} [${disagreement}]` : problem;
      return { table: TABLE, id: check.id, ok: detail === undefined, ...(detail !== undefined && { detail }) };
    } catch (error) {
      return { table: TABLE, id: check.id, ok: false, detail: `threw: ${(error as Error).message}` };
    }
  });
  // A section added to the table later must not pass by being ignored.
  const unmapped = unknownSections.map((section) => ({
    table: TABLE,
    id: `section ${section}`,
    ok: false,
    detail: 'no mapping to the CLI for this section',
  }));
  return [...results, ...unmapped];
}
