// Flux reads tag filters as Go (RE2) regular expressions and extract templates in Go's
// Regexp.Expand syntax. Users copy those strings from their Flux manifests, so we accept the Go
// spellings JavaScript lacks (`(?P<name>...)`, leading `(?i)` flags, `\A`, `\z`, `\Q...\E`,
// `[[:alpha:]]`, `\x{263a}`, octal `\123`, `\a`, `\pL`, `\p{Greek}`, `\PL`, `\p{^Greek}`, escaped
// punctuation such as `\-` or `\#`, and a `{` or `]` that does not open anything) and refuse what RE2
// refuses but JavaScript would quietly accept (lookaround, backreferences, unknown escapes), so a
// filter that works here also works in Flux. The translation is compiled with the `u` flag: Go
// matches code points, and only in that mode does JavaScript read `\u{...}` and `\p{...}` (without
// it, `\p{Greek}` is the text "p{Greek}" and `\x{41}` is 41 x's). Go syntax that has no JavaScript
// equivalent is refused with the reason, never passed on to be misread.
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

/** Go's Unicode general categories (unicode.Categories); any other class name is a script. */
const GENERAL_CATEGORIES = new Set(
  'C Cc Cf Co Cs L Ll Lm Lo Lt Lu M Mc Me Mn N Nd Nl No P Pc Pd Pe Pf Pi Po Ps S Sc Sk Sm So Z Zl Zp Zs'.split(' '),
);

/** Characters JavaScript's `u` mode lets a backslash escape (outside a class; `-` too inside one). */
const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/');

/** Go's single-letter escapes that are characters, as JavaScript writes them. */
const CHARACTER_ESCAPES: Record<string, string> = { a: '\\x07', f: '\\f', n: '\\n', r: '\\r', t: '\\t', v: '\\v' };

const MAX_REPEAT = 1000;

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
    return { source, regexp: new RegExp(translate(body), `${flags}u`) };
  } catch (error) {
    // JavaScript's own message names the translated pattern (`Invalid regular expression: /.../u: ...`);
    // only its reason means something to someone who wrote the Go one.
    const reason =
      error instanceof Unsupported
        ? error.message
        : (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    throw invalid(field, source, `${expected} (${reason})`);
  }
}

function translate(pattern: string): string {
  let out = '';
  let index = 0;
  while (index < pattern.length) {
    const char = pattern[index] as string;
    if (char === '\\') {
      const [text, next] = translateEscape(pattern, index, false);
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
    } else if (char === '{') {
      // Go reads `{` as a repetition only when a valid one follows; otherwise it is a literal brace.
      const repeat = /^\{(\d+)(?:,(\d*))?\}/.exec(pattern.slice(index));
      if (!repeat) {
        out += '\\{';
        index += 1;
        continue;
      }
      const counts = [repeat[1], repeat[2]].filter((count) => count !== undefined && count !== '').map(Number);
      if (counts.some((count) => count > MAX_REPEAT)) {
        throw new Unsupported(`invalid repeat count ${repeat[0]} (at most ${MAX_REPEAT})`);
      }
      out += repeat[0];
      index += repeat[0].length;
    } else if (char === '}' || char === ']') {
      out += `\\${char}`;
      index += 1;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/** One escape at `index` (the backslash), as JavaScript `u` mode writes it inside or outside a class. */
function translateEscape(pattern: string, index: number, inClass: boolean): [string, number] {
  const next = pattern[index + 1];
  if (next === undefined) throw new Unsupported('trailing backslash');
  const after = index + 2;
  if (!inClass) {
    if (next === 'A') return ['(?<![\\s\\S])', after];
    if (next === 'z') return ['(?![\\s\\S])', after];
    if (next === 'b' || next === 'B') return [`\\${next}`, after];
    if (next === 'Q') {
      const end = pattern.indexOf('\\E', after);
      const literal = pattern.slice(after, end === -1 ? undefined : end);
      return [[...literal].map((char) => literalChar(char, false)).join(''), end === -1 ? pattern.length : end + 2];
    }
  }
  if ('dDsSwW'.includes(next)) return [`\\${next}`, after];
  if (next === 'p' || next === 'P') return unicodeClass(pattern, index, inClass);
  if (next === 'x') return hexEscape(pattern, index);
  const octal = /^[0-7]{1,3}/.exec(pattern.slice(index + 1))?.[0];
  // Go reads `\0`, `\012` and `\12` as octal, but a lone `\1`..`\9` as a backreference it refuses.
  if (octal !== undefined && (next === '0' || octal.length > 1)) {
    return [codePoint(Number.parseInt(octal, 8)), index + 1 + octal.length];
  }
  if (/[1-9]/.test(next)) throw new Unsupported('backreferences are not part of Go regular expressions');
  if (next === 'k') throw new Unsupported('named backreferences are not part of Go regular expressions');
  const character = CHARACTER_ESCAPES[next];
  if (character !== undefined) return [character, after];
  // Go lets a backslash escape any ASCII character that is not a letter or a digit.
  if (next < '\x80' && !/[A-Za-z0-9]/.test(next)) return [literalChar(next, inClass), after];
  throw new Unsupported(`invalid escape sequence \\${next}`);
}

/** A literal character: escaped where JavaScript gives it a meaning, as itself elsewhere. */
function literalChar(char: string, inClass: boolean): string {
  if (JS_SYNTAX.has(char) || (inClass && char === '-')) return `\\${char}`;
  return char;
}

function codePoint(value: number): string {
  return `\\u{${value.toString(16)}}`;
}

/** `\xHH` (exactly two hex digits) or `\x{H...}` (any code point). */
function hexEscape(pattern: string, index: number): [string, number] {
  const rest = pattern.slice(index + 2);
  const braced = /^\{([0-9A-Fa-f]+)\}/.exec(rest);
  if (braced?.[1] !== undefined) {
    const value = Number.parseInt(braced[1], 16);
    if (braced[1].length > 8 || value > 0x10ffff)
      throw new Unsupported(`\\x{${braced[1]}} is beyond the last Unicode code point`);
    return [codePoint(value), index + 2 + braced[0].length];
  }
  const pair = /^[0-9A-Fa-f]{2}/.exec(rest);
  if (pair) return [`\\x${pair[0]}`, index + 4];
  throw new Unsupported('\\x takes two hex digits (\\x41) or a braced code point (\\x{263a})');
}

/**
 * `\pL`, `\p{Lu}`, `\p{Greek}`, their negations `\PL` and `\p{^Greek}`. Go's class names are general
 * categories and scripts; JavaScript asks scripts to be named `Script=`. Go's `C` leaves out
 * unassigned code points and JavaScript's includes them; tags are ASCII, where the two agree.
 */
function unicodeClass(pattern: string, index: number, inClass: boolean): [string, number] {
  const negatedEscape = pattern[index + 1] === 'P';
  const rest = pattern.slice(index + 2);
  const braced = /^\{(\^?)([A-Za-z0-9_]+)\}/.exec(rest);
  const single = /^[A-Za-z]/.exec(rest);
  if (!braced && (!single || rest.startsWith('{'))) {
    throw new Unsupported(`\\${pattern[index + 1]} takes a class name: \\pL or \\p{Greek}`);
  }
  const name = braced ? (braced[2] as string) : (single?.[0] as string);
  const negated = negatedEscape !== (braced?.[1] === '^');
  const property = name === 'Any' || GENERAL_CATEGORIES.has(name) ? name : `Script=${name}`;
  const text = `\\${negated ? 'P' : 'p'}{${property}}`;
  try {
    new RegExp(inClass ? `[${text}]` : text, 'u');
  } catch {
    throw new Unsupported(
      `unknown Unicode class ${name} (Go knows general categories such as L or Nd, and scripts such as Greek)`,
    );
  }
  return [text, index + 2 + (braced ? braced[0].length : 1)];
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
      if (pattern[position + 1] === undefined) break;
      if (pattern[position + 1] === 'b' || pattern[position + 1] === 'B' || pattern[position + 1] === 'Q') {
        throw new Unsupported(`\\${pattern[position + 1]} is not allowed in a character class`);
      }
      const [text, next] = translateEscape(pattern, position, true);
      out += text;
      position = next;
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
