#!/usr/bin/env node
import { main } from '../dist/src/cli/interop.js';
process.exit(await main(process.argv.slice(2)));
