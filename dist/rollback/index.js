// Turns on V8's compile cache, then runs the bundle (see scripts/build.mjs).
import module from 'node:module';
module.enableCompileCache?.();
await import('./bundle.js');
