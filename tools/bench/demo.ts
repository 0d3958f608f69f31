// The demo's wall time (`npm start`'s story, measured from the local GitHub's start to the status
// matrix; the local cluster's own start is shown beside, not counted) and the API calls of one
// promotion, from the same run.
import { demoCluster, NO_CLUSTER, type DemoCluster } from '../demo/cluster.js';
import { runStory, type StoryResult } from '../demo/story.js';
import type { BenchResult } from './table.js';

const NO_CLUSTER_TARGET_S = 10;
const CLUSTER_TARGET_S = 60;

async function story(cluster: DemoCluster): Promise<StoryResult> {
  const lines: string[] = [];
  const result = await runStory({ cluster, print: (text) => lines.push(text) });
  if (!result.ok) console.log(lines.join('\n'));
  return result;
}

function wallTime(name: string, result: StoryResult, targetSeconds: number): BenchResult {
  const seconds = result.ms / 1000;
  console.log(`  ${name}: ${seconds.toFixed(1)} s, ${result.steps.length} steps, ${result.apiCalls} API calls`);
  return {
    name,
    ok: result.ok && seconds < targetSeconds,
    measured: `${seconds.toFixed(1)} s${result.ok ? '' : ' (a step FAILED)'}`,
    target: `< ${targetSeconds} s`,
  };
}

export async function benchDemo(): Promise<BenchResult[]> {
  console.log('\nnpm start: the story from the first push to the status matrix');
  const bare = await story({ skip: NO_CLUSTER });
  const results = [wallTime('demo wall time, no cluster', bare, NO_CLUSTER_TARGET_S)];
  const promote = bare.steps.find((step) => step.id === 'stg:promote');
  if (promote && promote.status === 'ok') {
    console.log(`  API calls of the promotion dev -> stg: ${promote.apiCalls}`);
    results.push({
      name: 'API calls per promote (dev -> stg, opening the PR)',
      ok: true,
      measured: `${promote.apiCalls} calls`,
    });
  }
  const started = Date.now();
  const cluster = await demoCluster();
  if (!('cluster' in cluster)) {
    console.log(`  with the local cluster: skipped: ${cluster.skip}`);
    results.push({
      name: 'demo wall time, local cluster',
      ok: true,
      target: `< ${CLUSTER_TARGET_S} s`,
      skipped: cluster.skip,
    });
    return results;
  }
  console.log(`  local cluster ready in ${((Date.now() - started) / 1000).toFixed(1)} s (not counted)`);
  try {
    results.push(wallTime('demo wall time, local cluster', await story(cluster), CLUSTER_TARGET_S));
  } finally {
    await cluster.cluster.stop();
  }
  return results;
}
