#!/usr/bin/env node
// Thin launcher: the CLI is compiled TypeScript in dist/ (run `npm run build` first).
import { main } from '../dist/cli/main.js';
main(process.argv.slice(2));
