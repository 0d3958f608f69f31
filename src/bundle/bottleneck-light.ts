// Stands in for Bottleneck's light build, which octokit's retry and throttling plugins import as their
// scheduler: in the bundles through the `paths` entry in tsconfig.json, in the tests and the bench
// through the same mapping (scripts/aliases-hook.mjs), so that all of them run the plugins on the same
// limiter. Bottleneck waits for the timer queue several times per job, about 4 ms per limiter and
// request; the retry plugin makes one limiter per request and the throttling plugin passes each
// request through two to four more. The limiter of src/github/scheduler.ts keeps what the plugins ask
// of theirs.
import { Limiter } from '../github/scheduler.js';

export default Limiter;
