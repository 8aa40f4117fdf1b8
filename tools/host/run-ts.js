// SPDX-License-Identifier: Apache-2.0
// Runs a project TypeScript/ArkTS entry file on Node through the same require hook as the tests
// (used by `npm run token-server`, `npm run demo`, `npm run bench`, `npm run fuzz`).
// Usage: node tools/host/run-ts.js <file.ts|file.ets> [args...]
'use strict';
const path = require('path');
require('./register');

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node tools/host/run-ts.js <file.ts|file.ets> [args...]\n');
  process.exit(2);
}
process.argv.splice(1, 2, path.resolve(entry));
const mod = require(path.resolve(entry));
if (mod && typeof mod.main === 'function') {
  Promise.resolve(mod.main(process.argv.slice(2))).then(
    (code) => { if (typeof code === 'number') process.exitCode = code; },
    (err) => { process.stderr.write(`${err && err.stack ? err.stack : err}\n`); process.exitCode = 1; });
}
