import {
  computeTagId,
  DEFAULT_ENVIRONMENT_MAP,
  DEFAULT_FORMAT,
  DEFAULT_SHA_LENGTH,
  parseEnvironmentMap,
  parseShaLength,
  parseTimestamp,
} from '../../core/tag-id.js';
import { invalid } from '../../core/errors.js';
import { optionalString, requireString, type Command } from '../command.js';

const USAGE = `usage: gitops-promote tag-id --ref <git ref> --sha <sha> [options] [--json]

Prints the immutable image tag ID for a build:
  refs/heads/<branch>        ${DEFAULT_FORMAT} (see --format), e.g. dev-1a2b3c4d-1700000000
  refs/tags/v0.4.10          0.4.10 (prerelease kept; semver build metadata "+" becomes "_")
  refs/tags/<other>          the tag name, sanitised
  refs/pull/<n>/merge        pr-<n>-<sha> (also with --pr-number, or --event-name pull_request)
Characters an OCI tag cannot hold become "-", runs collapse, leading/trailing "." and "-" go,
and long branch names are cut so that the sha and timestamp stay; case is kept.

options:
  --ref <git ref>            full git ref (required)
  --sha <sha>                commit, 7 to 64 hex characters (required)
  --timestamp <unix>         build time in unix seconds (default: now)
  --format <template>        branch tag template with {branch}, {sha}, {ts}; must name {sha} or {ts}
  --sha-length <n>           sha characters in the tag, 7 to 40 (default ${DEFAULT_SHA_LENGTH})
  --event-name <name>        workflow event; pull_request / pull_request_target make a PR tag
  --pr-number <n>            pull request number (makes a PR tag)
  --environment-map <lines>  "<pattern>=<env>" lines or comma-separated pairs
                             (default: ${DEFAULT_ENVIRONMENT_MAP.replace(/\n/g, ', ')})
  --require-mapping          fail when no environment-map line names the branch or tag
  --json                     print {"tag","version","environment","sha","timestamp","isRelease","kind"}`;

export const tagIdCommand: Command = {
  name: 'tag-id',
  summary: 'print the immutable image tag ID for a git ref and commit',
  usage: USAGE,
  options: {
    ref: { type: 'string' },
    sha: { type: 'string' },
    timestamp: { type: 'string' },
    format: { type: 'string' },
    'sha-length': { type: 'string' },
    'event-name': { type: 'string' },
    'pr-number': { type: 'string' },
    'environment-map': { type: 'string' },
    'require-mapping': { type: 'boolean' },
  },
  async run(values) {
    const timestampText = optionalString(values, 'timestamp');
    const shaLengthText = optionalString(values, 'sha-length');
    const prNumberText = optionalString(values, 'pr-number');
    if (prNumberText !== undefined && !/^[1-9]\d*$/.test(prNumberText)) {
      throw invalid('pr-number', prNumberText, 'a positive whole number');
    }
    const mapText = optionalString(values, 'environment-map');
    const result = computeTagId({
      ref: requireString(values, 'ref'),
      sha: requireString(values, 'sha'),
      timestamp: timestampText === undefined ? Math.floor(Date.now() / 1000) : parseTimestamp(timestampText),
      format: optionalString(values, 'format'),
      shaLength: shaLengthText === undefined ? undefined : parseShaLength(shaLengthText),
      eventName: optionalString(values, 'event-name'),
      pullRequestNumber: prNumberText === undefined ? undefined : Number(prNumberText),
      // A command line holds one line more easily than several: commas separate pairs too.
      environmentMap: parseEnvironmentMap((mapText ?? DEFAULT_ENVIRONMENT_MAP).replace(/,/g, '\n')),
      requireMapping: values['require-mapping'] === true,
    });
    return {
      json: {
        tag: result.tag,
        version: result.version,
        environment: result.environment,
        sha: result.sha,
        timestamp: result.timestamp,
        isRelease: result.isRelease,
        kind: result.kind,
      },
      text: result.tag,
    };
  },
};
