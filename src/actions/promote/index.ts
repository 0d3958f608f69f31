import { runAction } from '../shared/run.js';
import { runPromote } from './run.js';

void runAction(async () => {
  await runPromote();
});
