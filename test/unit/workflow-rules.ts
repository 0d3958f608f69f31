// Rules every workflow we ship or show must follow, as functions that return the problems they find
// (an empty list when there are none): third-party actions pinned by full commit SHA, `steps.<id>`
// naming a step defined earlier in the same job, and a caller granting what a reusable workflow asks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** This project's own actions and reusable workflows, referenced by release tag (`@v1`) in user docs. */
export const OWN_ACTIONS = /^gitops-promote\/gitops-promote(\/|@)/;
const PINNED = /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/;

export type Permissions = Record<string, string> | string;

export interface Step {
  id?: string;
  uses?: string;
  run?: string;
  [key: string]: unknown;
}

export interface Job {
  permissions?: Permissions;
  steps?: Step[];
  uses?: string;
  outputs?: Record<string, string>;
  [key: string]: unknown;
}

export interface Workflow {
  on?: unknown;
  permissions?: Permissions;
  jobs: Record<string, Job>;
  [key: string]: unknown;
}

export function parseWorkflow(text: string): Workflow {
  return parse(text) as Workflow;
}

/** A YAML document is a workflow when it has both a trigger and jobs. */
export function looksLikeWorkflow(document: unknown): document is Workflow {
  return (
    typeof document === 'object' &&
    document !== null &&
    'on' in document &&
    'jobs' in document &&
    typeof document.jobs === 'object'
  );
}

/** Every `uses:` of a job or a step, with where it is. */
export function usesOf(workflow: Workflow): { where: string; uses: string }[] {
  return Object.entries(workflow.jobs).flatMap(([jobId, job]) => [
    ...(typeof job.uses === 'string' ? [{ where: `jobs.${jobId}`, uses: job.uses }] : []),
    ...(job.steps ?? []).flatMap((step, index) =>
      typeof step.uses === 'string' ? [{ where: `jobs.${jobId}.steps[${index}]`, uses: step.uses }] : [],
    ),
  ]);
}

/** `./path` (the workspace) and `$/path` (this repository at the running commit) name no other repository. */
export function isSameRepository(uses: string): boolean {
  return uses.startsWith('./') || uses.startsWith('$/');
}

export function unpinnedActions(workflow: Workflow): string[] {
  return usesOf(workflow)
    .filter(({ uses }) => !isSameRepository(uses) && !OWN_ACTIONS.test(uses) && !PINNED.test(uses))
    .map(({ where, uses }) => `${where}: ${uses} is not pinned by a full commit SHA`);
}

const STEP_REFERENCE = /\bsteps\.([A-Za-z_][\w-]*)/g;

function referencedSteps(value: unknown): string[] {
  if (typeof value === 'string') return [...value.matchAll(STEP_REFERENCE)].map((match) => match[1] ?? '');
  if (Array.isArray(value)) return value.flatMap(referencedSteps);
  if (typeof value === 'object' && value !== null) return Object.values(value).flatMap(referencedSteps);
  return [];
}

/**
 * `steps.<id>` names a step of the same job defined before the step that reads it; the job's
 * `outputs` may name any of its steps; anywhere else in a job (`if`, `with` of a reusable workflow
 * call, ...) there is no steps context at all.
 */
export function stepReferenceProblems(workflow: Workflow): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    const steps = job.steps ?? [];
    const earlier = new Set<string>();
    steps.forEach((step, index) => {
      for (const id of referencedSteps(step)) {
        if (!earlier.has(id)) {
          problems.push(`jobs.${jobId}.steps[${index}] reads steps.${id}, which no earlier step of the job defines`);
        }
      }
      if (typeof step.id === 'string') earlier.add(step.id);
    });
    for (const id of referencedSteps(job.outputs)) {
      if (!earlier.has(id)) problems.push(`jobs.${jobId}.outputs read steps.${id}, which no step of the job defines`);
    }
    const { steps: _steps, outputs: _outputs, ...rest } = job;
    for (const id of referencedSteps(rest)) {
      problems.push(`jobs.${jobId} reads steps.${id} outside its steps, where there is no steps context`);
    }
  }
  return problems;
}

const LEVELS: Record<string, number> = { none: 0, read: 1, write: 2 };

/** The permissions a job's GITHUB_TOKEN gets from the job or, without a job block, from the workflow. */
function grantsOf(job: Job, workflow: Workflow): Permissions | undefined {
  return job.permissions ?? workflow.permissions;
}

function level(permissions: Permissions | undefined, scope: string): number {
  if (permissions === undefined) return -1; // not declared: the repository default, which we cannot know
  if (permissions === 'write-all') return LEVELS.write ?? 2;
  if (permissions === 'read-all') return LEVELS.read ?? 1;
  if (typeof permissions === 'string') return 0;
  return LEVELS[permissions[scope] ?? 'none'] ?? 0;
}

/** What the jobs of a workflow ask for, scope by scope (the highest level any job asks). */
export function requestedPermissions(workflow: Workflow): Record<string, string> {
  const requested: Record<string, string> = {};
  for (const job of Object.values(workflow.jobs)) {
    const permissions = grantsOf(job, workflow);
    if (typeof permissions !== 'object') continue;
    for (const [scope, value] of Object.entries(permissions)) {
      if ((LEVELS[value] ?? 0) > (LEVELS[requested[scope] ?? 'none'] ?? 0)) requested[scope] = value;
    }
  }
  return requested;
}

/**
 * A job that calls one of this repository's reusable workflows must grant at least what the called
 * workflow's jobs ask for: GitHub does not start a called workflow that asks for more.
 */
export function reusableCallProblems(workflow: Workflow, repoRoot: string): string[] {
  const problems: string[] = [];
  for (const [jobId, job] of Object.entries(workflow.jobs)) {
    const called = /^gitops-promote\/gitops-promote\/(\.github\/workflows\/[\w.-]+\.ya?ml)@/.exec(job.uses ?? '');
    if (!called?.[1]) continue;
    const calledWorkflow = parseWorkflow(readFileSync(join(repoRoot, called[1]), 'utf8'));
    const grants = grantsOf(job, workflow);
    for (const [scope, wanted] of Object.entries(requestedPermissions(calledWorkflow))) {
      if (level(grants, scope) < (LEVELS[wanted] ?? 0)) {
        problems.push(`jobs.${jobId} calls ${called[1]}, which asks for ${scope}: ${wanted}, and does not grant it`);
      }
    }
  }
  return problems;
}

/** The fenced ```yaml blocks of a markdown text, with the line each starts on. */
export function yamlBlocks(markdown: string): { line: number; text: string }[] {
  const blocks: { line: number; text: string }[] = [];
  const lines = markdown.split('\n');
  for (let index = 0; index < lines.length; index++) {
    if (!/^```ya?ml\s*$/.test(lines[index] ?? '')) continue;
    const end = lines.findIndex((line, at) => at > index && /^```\s*$/.test(line));
    if (end === -1) break;
    blocks.push({ line: index + 1, text: lines.slice(index + 1, end).join('\n') });
    index = end;
  }
  return blocks;
}
