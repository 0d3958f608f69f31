// Decides, for a release tag vX.Y.Z, whether the major tag vX moves to it. It moves only when the
// release is the highest vX.*.* release in the repository, so a backport (v1.1.5 cut after v1.2.0)
// leaves v1 on v1.2.0. Run by .github/workflows/release.yml:
//   RELEASE=v1.2.3 tsx scripts/release-major-tag.ts
// reads the tags with `git tag --list`, prints the reason and writes move=true|false and major=vX
// to GITHUB_OUTPUT; the workflow moves the tag.
import { execFileSync } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import semver from 'semver';

export interface MajorTagDecision {
  move: boolean;
  /** The major tag, e.g. v1. */
  major: string;
  /** The highest release of that major among the tags (the release itself included). */
  highest: string;
  reason: string;
}

const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** True for a release tag as release.yml is triggered by: v, then major.minor.patch, no prerelease. */
export function isReleaseTag(tag: string): boolean {
  return RELEASE_TAG.test(tag);
}

export function decideMajorTag(release: string, tags: readonly string[]): MajorTagDecision {
  if (!isReleaseTag(release)) {
    throw new Error(`not a release tag: ${JSON.stringify(release)} (expected vMAJOR.MINOR.PATCH, e.g. v1.2.3)`);
  }
  const majorNumber = semver.major(release);
  const major = `v${majorNumber}`;
  const sameMajor = tags.filter((tag) => isReleaseTag(tag) && semver.major(tag) === majorNumber);
  const [highest = release] = [...new Set([...sameMajor, release])].sort(semver.rcompare);
  if (highest === release) {
    return { move: true, major, highest, reason: `${release} is the highest ${major} release: ${major} moves to it` };
  }
  return {
    move: false,
    major,
    highest,
    reason: `${release} is not the highest ${major} release (${highest} is): ${major} stays where it is`,
  };
}

function main(): void {
  const release = process.env.RELEASE ?? '';
  const tags = execFileSync('git', ['tag', '--list', 'v*'], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const decision = decideMajorTag(release, tags);
  console.log(decision.reason);
  const outputFile = process.env.GITHUB_OUTPUT;
  if (outputFile) appendFileSync(outputFile, `move=${decision.move}\nmajor=${decision.major}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    main();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
