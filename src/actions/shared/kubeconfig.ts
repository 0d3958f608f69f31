// A kubeconfig given as an input is a secret: masked (whole, and line by line, since the runner masks
// per line), written under RUNNER_TEMP readable by the owner only, and removed after the step.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import type { Environment } from './inputs.js';

export interface KubeconfigFile {
  path: string;
  remove(): void;
}

export function maskKubeconfig(text: string): void {
  core.setSecret(text);
  for (const line of text.split(/\r?\n/)) {
    const value = line.replace(/^\s*-?\s*[\w-]+:\s*/, '').trim();
    if (value.length >= 8) core.setSecret(value);
  }
}

export function writeKubeconfig(text: string, env: Environment = process.env): KubeconfigFile {
  const dir = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'gitops-promote-kube-'));
  const path = join(dir, 'kubeconfig');
  writeFileSync(path, text, { mode: 0o600 });
  return { path, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
