// Module resolution of the tests and the bench (registered by aliases.mjs, after tsx): the one `paths`
// entry of tsconfig.json that reaches into node_modules and that they must share with the bundles. tsx
// applies `paths` to the project's own imports only, and octokit's plugins import Bottleneck themselves.
const ALIASES = {
  'bottleneck/light.js': new URL('../src/bundle/bottleneck-light.ts', import.meta.url).href,
};

export async function resolve(specifier, context, nextResolve) {
  const alias = Object.hasOwn(ALIASES, specifier) ? ALIASES[specifier] : undefined;
  return nextResolve(alias ?? specifier, context);
}
