// Runs the command line the way users run it: the committed bundle, dist/cli/index.js, in a child
// process. CONFORMANCE_CLI=source runs the TypeScript sources in this process instead (for quick
// iteration while developing; CI always uses the bundle).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const bundle = fileURLToPath(new URL('../../dist/cli/index.js', import.meta.url));

export async function runCliForConformance(args: string[], cwd?: string): Promise<CliResult> {
  if (process.env.CONFORMANCE_CLI === 'source') {
    const [{ runCli }, { commands }] = await Promise.all([
      import('../../src/cli/main.js'),
      import('../../src/cli/registry.js'),
    ]);
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, commands, {
      stdout: (text) => (stdout += text.endsWith('\n') ? text : `${text}\n`),
      stderr: (text) => (stderr += text.endsWith('\n') ? text : `${text}\n`),
      cwd: cwd ?? process.cwd(),
    });
    return { code, stdout, stderr };
  }
  if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run "npm run build" first`);
  return new Promise((resolve) => {
    execFile(process.execPath, [bundle, ...args], { cwd, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs tasks with at most `limit` of them under way at once, keeping the order of results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  async function worker() {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface CaseResult {
  table: string;
  id: string;
  ok: boolean;
  /** Why it failed: what was expected and what came back. */
  detail?: string;
}
