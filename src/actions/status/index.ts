import { runAction } from '../shared/run.js';
import { runStatus } from './run.js';

void runAction(async () => {
  await runStatus();
});
