import { runAction } from '../shared/run.js';
import { runTag } from './run.js';

void runAction(() => runTag());
