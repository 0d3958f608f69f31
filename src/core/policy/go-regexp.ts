// Flux reads tag filters as Go (RE2) regular expressions and extract templates in Go's
// Regexp.Expand syntax. Users copy those strings from their Flux manifests, so we accept the Go
// spellings JavaScript lacks (`(?P<name>...)`, leading `(?i)` flags, `\A`, `\z`, `\Q...\E`,
// `[[:alpha:]]`) and refuse what RE2 refuses but JavaScript would quietly accept (lookaround,
// backreferences), so a filter that works here also works in Flux.
import { invalid } from '../errors.js';

export interface GoRegexp {
  /** The pattern as the user wrote it (Go syntax). */
  readonly source: string;
  readonly regexp: RegExp;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

class Unsupported extends Error {}

export function compileGoRegexp(source: string, field: string): GoRegexp {
  const expected = 'a Go (RE2) regular expression';
  let flags = '';
  let body = source;
  const leadingFlags = /^\(\?([imsU]+)\)/.exec(source);
  if (leadingFlags?.[1]) {
    if (leadingFlags[1].includes('U')) throw invalid(field, source, `${expected} (the U flag is not supported)`);
    flags = [...new Set(leadingFlags[1])].join('');
    body = source.slice(leadingFlags[0].length);
  }
  try {
    return { source, regexp: new RegExp(translate(body), flags) };
  } catch (error) {
    const reason =
      error instanceof Unsupported
        ? error.message
        : (error as Error).message.replace(/^Invalid regular expression: /, '');
    throw invalid(field, source, `${expected} (${reason})`);
  }
}

function translate(pattern: string): string {
  let out = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === '\\') {
      const [text, next] = translateEscape(pattern, index);
      out += text;
      index = next;
    } else if (char === '[') {
      const [text, next] = translateClass(pattern, index);
      out += text;
      index = next;
    } else if (char === '(' && pattern[index + 1] === '?') {
      const rest = pattern.slice(index + 2);
      if (rest.startsWith('P<')) {
        out += '(?<';
        index += 4;
      } else if (/^(?:<[A-Za-z_]|:)/.test(rest)) {
        out += '(?';
        index += 2;
      } else if (/^(?:=|!|<=|<!)/.test(rest)) {
        throw new Unsupported('lookahead and lookbehind are not part of Go regular expressions');
      } else {
        throw new Unsupported('flags are only supported at the start of the pattern, as in (?i)');
      }
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

function translateEscape(pattern: string, index: number): [string, number] {
  const next = pattern[index + 1];
  if (next === undefined) throw new Unsupported('trailing backslash');
  if (next === 'A') return ['(?<![\\s\\S])', index + 2];
  if (next === 'z') return ['(?![\\s\\S])', index + 2];
  if (next === 'Q') {
    const end = pattern.indexOf('\\E', index + 2);
    const literal = pattern.slice(index + 2, end === -1 ? undefined : end);
    return [literal.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&'), end === -1 ? pattern.length : end + 2];
  }
  if (/[1-9]/.test(next)) throw new Unsupported('backreferences are not part of Go regular expressions');
  if (next === 'k') throw new Unsupported('named backreferences are not part of Go regular expressions');
  return [`\\${next}`, index + 2];
}

function translateClass(pattern: string, index: number): [string, number] {
  let out = '[';
  let position = index + 1;
  if (pattern[position] === '^') {
    out += '^';
    position += 1;
  }
  // In Go a `]` right after `[` or `[^` is a literal; in JavaScript `[]` is an empty class.
  if (pattern[position] === ']') {
    out += '\\]';
    position += 1;
  }
  while (position < pattern.length) {
    const char = pattern[position] as string;
    if (char === ']') return [`${out}]`, position + 1];
    if (char === '\\') {
      const next = pattern[position + 1];
      if (next === undefined) break;
      out += `\\${next}`;
      position += 2;
      continue;
    }
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(pattern.slice(position));
    if (posix) {
      const members = POSIX_CLASSES[posix[2] ?? ''];
      if (members === undefined) throw new Unsupported(`unknown character class [:${posix[2]}:]`);
      if (posix[1]) throw new Unsupported(`negated character class [:^${posix[2]}:] is not supported`);
      out += members;
      position += posix[0].length;
      continue;
    }
    out += char === '[' ? '\\[' : char;
    position += 1;
  }
  throw new Unsupported('missing closing ]');
}

/**
 * Go's Regexp.ExpandString: `$1`, `${1}`, `$name`, `${name}`; `$$` is a literal `$`. A name is the
 * longest run of letters, digits and `_` (so `$1x` means group "1x", not group 1 then "x"); an
 * unknown or unmatched group expands to nothing; a malformed `$` is kept as text.
 */
export function expandGoTemplate(template: string, match: RegExpExecArray): string {
  return template.replace(/\$(?:\$|\{([\p{L}\p{Nd}_]+)\}|([\p{L}\p{Nd}_]+))/gu, (whole, braced, bare) => {
    if (whole === '$$') return '$';
    const name = (braced ?? bare) as string;
    if (/^[0-9]+$/.test(name)) return match[Number(name)] ?? '';
    return match.groups?.[name] ?? '';
  });
}
