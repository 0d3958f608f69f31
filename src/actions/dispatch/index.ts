import { runAction } from '../shared/run.js';
import { runDispatch } from './run.js';

void runAction(() => runDispatch());
