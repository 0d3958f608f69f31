// One bundle is both the main step and the post step (action.yml `runs.post`): the main step saves a
// state first thing, which the runner gives only to the post step. The post step runs after the main
// step whatever became of it (failed, cancelled, timed out) and undoes what it left: the kubeconfig
// folder and a kind cluster. Each cleanup is a no-op when the main step never got that far.
import * as runner from './runner.js';
import { deleteKindCluster, POST_STATE } from '../../kube/kind.js';
import { saveState } from './file-command.js';
import { removeSavedKubeconfig } from './kubeconfig.js';
import { runAction } from './run.js';

export async function cleanUp(): Promise<void> {
  removeSavedKubeconfig();
  const cluster = runner.getState(POST_STATE.name);
  if (cluster) await deleteKindCluster(runner.getState(POST_STATE.kind) || 'kind', cluster);
}

export function runMainOrPost(main: () => Promise<void>): void {
  if (runner.getState(POST_STATE.post)) {
    void runAction(cleanUp);
    return;
  }
  saveState(POST_STATE.post, 'true');
  void runAction(main);
}
