import * as core from '@actions/core';
import { deleteKindCluster, POST_STATE } from '../../kube/kind.js';
import { runAction } from '../shared/run.js';
import { runValidateAction } from './run.js';

// The same bundle is the post step (action.yml `post:`). The main step saves `post` first thing, so the
// post step knows it is one and deletes the kind cluster the main step named, also after a failure.
if (core.getState(POST_STATE.post)) {
  const cluster = core.getState(POST_STATE.name);
  if (cluster) void runAction(() => deleteKindCluster(core.getState(POST_STATE.kind) || 'kind', cluster));
} else {
  core.saveState(POST_STATE.post, 'true');
  void runAction(async () => {
    await runValidateAction();
  });
}
