import { bootstrap } from './bootstrap.js';
import { BOUNDED_CONTEXTS } from './bounded-contexts.js';

await bootstrap(BOUNDED_CONTEXTS);
