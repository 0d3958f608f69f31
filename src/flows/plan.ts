// The one planning function of a promotion, for the bump action (over the API) and the command
// line's `plan` (over a checkout): which files to read, the engine's plan over them, a check that
// every new text still parses, and core's verdict. Warnings are collected, worded once.
import {
  decideAgainstEnvironment,
  planPromotion,
  selectCandidatePaths,
  type CandidateSelection,
  type Decision,
  type Promotion,
  type PromotionPlan,
} from '../core/promotion/index.js';
import { parseYamlStream } from '../core/yaml/parse.js';
import type { RepositorySnapshot } from './snapshot.js';

export interface PlannedPromotion {
  selection: CandidateSelection;
  planned: PromotionPlan;
  decision: Decision;
  warnings: string[];
}

export async function planOnSnapshot(promotion: Promotion, snapshot: RepositorySnapshot): Promise<PlannedPromotion> {
  const warnings: string[] = [];
  const selection = selectCandidatePaths(await snapshot.paths(), promotion);
  if (selection.broad) {
    warnings.push(
      `no file under ${promotion.environment.path || 'the repository root'} is named after ${promotion.app.name}; read all ${selection.paths.length} YAML files. Set apps.${promotion.app.name}.paths to read fewer.`,
    );
  }
  const skipped: string[] = [];
  const files = await snapshot.read(selection.paths, (message) => skipped.push(message));
  // Each message starts with its file's path: sorted, both readers report skips in the same order,
  // whatever order they listed or fetched the files in.
  skipped.sort();
  warnings.push(...skipped);
  const planned = planPromotion(promotion, files, skipped);
  warnings.push(...planned.plan.warnings);
  // The engine edits bytes; a new text that no longer parses is a bug we refuse to commit.
  for (const file of planned.plan.files) parseYamlStream(file.path, file.newText);
  return { selection, planned, decision: decideAgainstEnvironment(promotion, planned), warnings };
}
