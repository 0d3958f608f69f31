import * as runner from './runner.js';
import { forLog } from '../../core/text/untrusted.js';

/**
 * The step's log, through the untrusted-text boundary: every message may carry inputs, payload
 * fields, file names or GitHub's answers, and none of it may reach the runner as a workflow command.
 * The actions log only through these (never runner.info and friends directly).
 */
export const log = {
  info: (message: string): void => runner.info(forLog(message)),
  warning: (message: string): void => runner.warning(forLog(message)),
  error: (message: string): void => runner.error(forLog(message)),
  debug: (message: string): void => runner.debug(forLog(message)),
  failed: (message: string): void => runner.setFailed(forLog(message)),
};

/** The same log in the shape the GitHub client takes. */
export const clientLog = { debug: log.debug, info: log.info, warn: log.warning, error: log.error };
