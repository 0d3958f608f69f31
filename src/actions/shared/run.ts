import { isExplained } from '../../core/errors.js';
import { setOutput } from './file-command.js';
import { log } from './log.js';

/**
 * Runs an action body and reports its failure the way users can read it: a user mistake becomes one
 * line without a stack trace; anything else says it is unexpected, with the stack only in debug logs.
 */
export async function runAction(body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    if (isExplained(error)) {
      log.failed(oneLine(error.message));
      return;
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof Error && error.stack) log.debug(error.stack);
    log.failed(`unexpected error: ${oneLine(message)}`);
  }
}

export function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Sets each output and logs it, so the step log shows what later steps receive. */
export function setOutputs(outputs: Record<string, string>): void {
  for (const [name, value] of Object.entries(outputs)) {
    setOutput(name, value);
    log.info(`output ${name}=${value}`);
  }
}
