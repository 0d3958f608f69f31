// The promotion, pure: a request matched against the config (resolve), the files to read
// (candidates), the engine's plan over them (plan), the verdict (decide, order), the pull requests
// it leaves without a purpose (obsolete), the record a branch carries (record), and the text of the
// pull request, its links and comments (render).
export * from './candidates.js';
export * from './decide.js';
export * from './obsolete.js';
export * from './order.js';
export * from './plan.js';
export * from './record.js';
export * from './render/body.js';
export * from './render/links.js';
export * from './render/title.js';
export * from './resolve.js';
export * from './running.js';
export * from './gates.js';
export * from './promote-plan.js';
