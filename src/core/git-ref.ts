// git's rules for the name of a ref (git-check-ref-format(1)), so that a ref git would refuse is
// refused here with the rule it breaks, before it is used or shown anywhere.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const FORBIDDEN_CHARACTERS: ReadonlyArray<[string, string]> = [
  [' ', 'a space'],
  ['~', '"~"'],
  ['^', '"^"'],
  [':', '":"'],
  ['?', '"?"'],
  ['*', '"*"'],
  ['[', '"["'],
  ['\\', 'a backslash'],
];

/** The first rule of git check-ref-format that `ref` breaks, or undefined for a valid ref name. */
export function refFormatViolation(ref: string): string | undefined {
  if (ref === '') return 'it is empty';
  if (ref === '@') return 'it is the single character "@"';
  if (CONTROL.test(ref)) return 'it contains a control character';
  for (const [char, name] of FORBIDDEN_CHARACTERS) if (ref.includes(char)) return `it contains ${name}`;
  if (ref.includes('..')) return 'it contains ".."';
  if (ref.includes('@{')) return 'it contains "@{"';
  if (ref.startsWith('/') || ref.endsWith('/')) return 'it begins or ends with "/"';
  if (ref.includes('//')) return 'it contains "//"';
  if (ref.endsWith('.')) return 'it ends with "."';
  for (const component of ref.split('/')) {
    if (component.startsWith('.')) return `its component ${JSON.stringify(component)} begins with "."`;
    if (component.endsWith('.lock')) return `its component ${JSON.stringify(component)} ends with ".lock"`;
  }
  return undefined;
}

export const REF_FORMAT_RULES =
  'a git ref name (git check-ref-format: no control characters, space, ~ ^ : ? * [ or \\, no "..", "@{" or "//", ' +
  'no component beginning with "." or ending with ".lock", not ending with "." or "/")';
