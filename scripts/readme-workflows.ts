// Writes the workflows shown in the README (the ```yaml blocks that are workflows) to a folder, one
// file each named after the line it starts on, so that the workflow linters check what users copy:
//   tsx scripts/readme-workflows.ts <folder>
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { looksLikeWorkflow, yamlBlocks } from '../test/unit/workflow-rules.js';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: tsx scripts/readme-workflows.ts <folder>');
  process.exit(2);
}
mkdirSync(folder, { recursive: true });
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
let written = 0;
for (const { line, text } of yamlBlocks(readme)) {
  if (!looksLikeWorkflow(parse(text))) continue;
  writeFileSync(join(folder, `README.md-line-${line}.yml`), `${text}\n`);
  written++;
}
console.log(`${written} workflows from README.md in ${folder}`);
