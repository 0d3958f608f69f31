// The README's table of the config's keys, rendered from the same declarations the parser reads,
// so the documentation cannot drift from what is accepted (a test compares it with the README).
import { codeSpan as span } from '../text/untrusted.js';

const codeSpan = (text: string) => span(text, { inTable: true });
import { CONFIG_KEYS } from './parse.js';

export function renderConfigKeyTable(): string {
  const rows = Object.entries(CONFIG_KEYS).flatMap(([where, keys]) =>
    Object.entries(keys).map(([key, declaration]) => {
      const name = where === '' ? key : `${where}.${key}`;
      const cells = [
        codeSpan(name),
        declaration.required ? 'yes' : 'no',
        declaration.default === undefined ? '' : declaration.default,
        declaration.description,
        codeSpan(declaration.expected),
      ];
      return `| ${cells.join(' | ')} |`;
    }),
  );
  return ['| key | required | default | what | value |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}
