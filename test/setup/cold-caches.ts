import { clearCaches } from '../../src/cache/index.js';

/*
 * Runs before each test file of the `shared` project (vitest.config.ts): the files of a
 * worker share its modules, and each starts with briefkit's process-wide caches empty, as
 * in a new process, so no file's result depends on which files ran before it. Some tests
 * reach into cached objects (a parsed font registered in a pdfkit document of their own),
 * which a later build in the same process must not inherit.
 */
clearCaches();
