// Stands in for @actions/exec when the bundles are built (the `paths` entry in tsconfig.json).
// @actions/core imports it at the top of its platform module for core.platform.getDetails (which this
// suite never calls), and evaluating it loads @actions/io and Node's assert and child_process modules
// at every start; @actions/tool-cache (loaded only to download a tool) runs tar and unzip with it.
// This one loads the real module at the first call and forwards to it. Tests run with the real one.
import type * as Real from '../../node_modules/@actions/exec/lib/exec.js';

export type { ExecListeners, ExecOptions, ExecOutput } from '../../node_modules/@actions/exec/lib/exec.js';

let real: Promise<typeof Real> | undefined;
// A path, not the package name: the name is this file while bundling.
const load = () => (real ??= import('../../node_modules/@actions/exec/lib/exec.js'));

export async function exec(...args: Parameters<typeof Real.exec>): Promise<number> {
  return (await load()).exec(...args);
}

export async function getExecOutput(...args: Parameters<typeof Real.getExecOutput>): Promise<Real.ExecOutput> {
  return (await load()).getExecOutput(...args);
}
