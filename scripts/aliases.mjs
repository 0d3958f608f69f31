// Loaded with --import after tsx by the tests (scripts/test.mjs), the bench and npm start: registers
// the resolve hook that maps, inside node_modules too, what the bundles map (see aliases-hook.mjs).
import { register } from 'node:module';

register('./aliases-hook.mjs', import.meta.url);
