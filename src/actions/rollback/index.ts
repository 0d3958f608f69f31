import { runAction } from '../shared/run.js';
import { runRollback } from './run.js';

void runAction(async () => {
  await runRollback();
});
