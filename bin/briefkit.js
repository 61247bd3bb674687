#!/usr/bin/env node
// The CLI ships as one bundled file (npm run build) to keep start-up fast.
import '../dist/cli.js';
