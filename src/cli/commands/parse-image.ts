import { parseImageReference } from '../../core/image-ref.js';
import { UsageError, type Command } from '../command.js';

const FIELDS = ['domain', 'path', 'tag', 'digest', 'familiar', 'canonical'] as const;

export const parseImageCommand: Command = {
  name: 'parse-image',
  summary: 'parse and normalise an image reference (docker.io and library/ defaults)',
  usage: [
    'usage: gitops-promote parse-image <reference> [--json]',
    '',
    'Parses an image reference with the distribution reference grammar',
    '([host[:port]/]path[:tag][@algorithm:hex]) and normalises it as Docker does:',
    'a name without a registry is on docker.io, and a single-component Docker Hub name gets library/.',
    'A digest is sha256:<64 lowercase hex> or sha512:<128 lowercase hex>, the algorithms the OCI image spec registers.',
    '',
    'Prints domain, path, tag, digest, familiar (the short form, e.g. nginx:1.25) and canonical',
    '(fully qualified, e.g. docker.io/library/nginx:1.25; no :latest is added).',
    'With --json: {"domain","path","tag","digest","familiar","canonical"}, all strings;',
    'an absent tag or digest is "" (never null).',
    '',
    'A reference that starts with "-" goes after "--": parse-image -- -bad.',
    'Exit status: 0 valid, 1 invalid reference (reason on stderr), 2 usage error.',
  ].join('\n'),
  options: {},
  allowPositionals: true,
  async run(_values, positionals) {
    if (positionals.length !== 1) {
      throw new UsageError(
        positionals.length === 0 ? 'an image reference is required' : 'expected one image reference',
      );
    }
    const reference = parseImageReference(positionals[0] ?? '');
    const json = {
      domain: reference.domain,
      path: reference.path,
      tag: reference.tag ?? '',
      digest: reference.digest ?? '',
      familiar: reference.familiar,
      canonical: reference.canonical,
    };
    const width = Math.max(...FIELDS.map((field) => field.length)) + 1;
    const text = FIELDS.map(
      (field) => `${`${field}:`.padEnd(width)} ${json[field] === '' ? '(none)' : json[field]}`,
    ).join('\n');
    return { json, text };
  },
};
