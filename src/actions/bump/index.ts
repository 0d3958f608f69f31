import { runAction } from '../shared/run.js';
import { runBump } from './run.js';

void runAction(async () => {
  await runBump();
});
