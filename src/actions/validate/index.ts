import { runMainOrPost } from '../shared/post.js';
import { runValidateAction } from './run.js';

runMainOrPost(async () => {
  await runValidateAction();
});
