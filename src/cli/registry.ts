import type { CommandEntry } from './command.js';

// Each command's module is loaded only when it runs: ncc puts every dynamic import in its own chunk,
// so `bump` neither reads nor compiles validate's Kubernetes schemas or the GitHub client.
/** Every command of the command line, in the order `--help` lists them. */
export const commands: readonly CommandEntry[] = [
  { name: 'tag-id', load: async () => (await import('./commands/tag-id.js')).tagIdCommand },
  { name: 'bump', load: async () => (await import('./commands/bump.js')).bumpCommand },
  { name: 'setters', load: async () => (await import('./commands/setters.js')).settersCommand },
  { name: 'select', load: async () => (await import('./commands/select.js')).selectCommand },
  { name: 'parse-image', load: async () => (await import('./commands/parse-image.js')).parseImageCommand },
  { name: 'plan', load: async () => (await import('./commands/plan.js')).planCommand },
  { name: 'validate', load: async () => (await import('./commands/validate.js')).validateCommand },
  { name: 'status', load: async () => (await import('./commands/status.js')).statusCommand },
  { name: 'rollback', load: async () => (await import('./commands/rollback.js')).rollbackCommand },
];
