// Stands in for the npm package `undici` when the bundles are built (the `paths` entry in
// tsconfig.json). @actions/http-client, which @actions/core imports for its OIDC client, imports
// undici's ProxyAgent at the top of its module for `getAgentDispatcher`, a proxy-aware dispatcher that
// only @actions/github's getOctokit asks for; this suite never does (octokit uses Node's own fetch).
// ncc leaves that reference unbound in the bundle anyway, so the real undici only cost its evaluation:
// 60% of the tag bundle's cold start, on every step of every job. Tests run with the real package.
export class ProxyAgent {
  constructor() {
    throw new Error('gitops-promote: undici is not bundled; getAgentDispatcher is not supported');
  }
}
