import { runMainOrPost } from '../shared/post.js';
import { runApplyAction } from './run.js';

runMainOrPost(() => runApplyAction());
