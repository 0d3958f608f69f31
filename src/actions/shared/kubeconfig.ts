// A kubeconfig given as an input is a secret: masked (whole, and line by line, since the runner masks
// per line), written under RUNNER_TEMP readable by the owner only, removed at the end of the step and,
// should the step never reach its end (cancelled, timed out, killed), by the action's post step, which
// finds the folder in the state the main step saved first.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import * as runner from './runner.js';
import { saveState } from './file-command.js';
import type { Environment } from './inputs.js';

export interface KubeconfigFile {
  path: string;
  remove(): void;
}

const FOLDER_PREFIX = 'gitops-promote-kube-';
export const KUBECONFIG_STATE = 'kubeconfig-dir';

export function maskKubeconfig(text: string): void {
  runner.setSecret(text);
  for (const line of text.split(/\r?\n/)) {
    const value = line.replace(/^\s*-?\s*[\w-]+:\s*/, '').trim();
    if (value.length >= 8) runner.setSecret(value);
  }
}

export function writeKubeconfig(text: string, env: Environment = process.env): KubeconfigFile {
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), FOLDER_PREFIX));
  saveState(KUBECONFIG_STATE, dir);
  const path = join(dir, 'kubeconfig');
  writeFileSync(path, text, { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The post step's half: removes the folder the main step saved, if it is still there. Only a folder of
 * ours directly under RUNNER_TEMP is removed, whatever the state says.
 */
export function removeSavedKubeconfig(env: Environment = process.env): void {
  const dir = runner.getState(KUBECONFIG_STATE);
  if (!dir) return;
  const temp = resolve(env.RUNNER_TEMP || tmpdir());
  if (dirname(resolve(dir)) !== temp || !basename(dir).startsWith(FOLDER_PREFIX)) return;
  rmSync(dir, { recursive: true, force: true });
}
