import { runAction } from '../shared/run.js';
import { runApplyAction } from './run.js';

void runAction(() => runApplyAction());
