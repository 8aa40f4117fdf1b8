// SPDX-License-Identifier: Apache-2.0
// `npm run check` (and `typecheck`, `lint`): checks every .ets/.ts file of components/, demo/ and tools/kit-tests/ (or the
// paths given) and the `arkts` samples of README*.md and docs/*.md (or the .md files given; tools/docs/README.md),
// and prints `path:line:col rule message` per problem; exits 1 on any error.
// Flags: --no-types, --no-lint, --no-ui (also turns off resource rules), --quiet-warnings.
'use strict';
const fs = require('fs');
const path = require('path');
const { check, Problem } = require('./checker');
const docSamples = require('../docs/doc-samples');
const { REPO_ROOT } = require('./ets-options');
const { filesUnder } = require('./files');

/** The HAR, the HAP, and the kit's host-only suites (TypeScript that imports the kit's .ets code). */
const DEFAULT_ROOTS = ['components', 'demo', 'tools/kit-tests'];
const SKIP_DIRS = new Set(['node_modules', 'oh_modules', 'build', '.hvigor', '.preview', 'libs', 'token-server']);
/** Build scripts run by hvigor (plain TypeScript with hvigor's own types), not ArkTS. */
const SKIP_FILES = new Set(['hvigorfile.ts']);

const isSource = (name) => /\.(ets|ts)$/.test(name) && !SKIP_FILES.has(name);

/** The sources to check in `target`: the file itself, or every source under the folder. */
function collect(target) {
  if (fs.statSync(target).isFile()) return isSource(path.basename(target)) ? [target] : [];
  return filesUnder(target, isSource, (folder) => SKIP_DIRS.has(folder));
}

function main() {
  const argv = process.argv.slice(2);
  const flags = new Set(argv.filter((a) => a.startsWith('--')));
  const targets = argv.filter((a) => !a.startsWith('--'));
  const docs = targets.filter((t) => t.endsWith('.md'));
  const code = targets.filter((t) => !t.endsWith('.md'));
  const roots = targets.length > 0 ? code.map((t) => path.resolve(t)) : DEFAULT_ROOTS.map((r) => path.join(REPO_ROOT, r));
  const samples = targets.length === 0 || docs.length > 0 ? docSamples.prepare(docs.length > 0 ? docs : undefined) : undefined;
  const files = roots.filter((r) => fs.existsSync(r)).flatMap((r) => collect(r)).concat(samples ? samples.files : []);
  const started = Date.now();
  const checked = check(files, {
    types: !flags.has('--no-types'),
    lint: !flags.has('--no-lint'),
    ui: !flags.has('--no-ui'),
    resources: !flags.has('--no-ui'),
  });
  const problems = samples ? docSamples.mapProblems(checked, samples, Problem) : checked;
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems) {
    if (p.severity === 'warning' && flags.has('--quiet-warnings')) continue;
    process.stdout.write(p.format() + '\n');
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(`checked ${files.length} files in ${secs}s: ${errors.length} errors, ${problems.length - errors.length} warnings\n`);
  process.exitCode = errors.length > 0 ? 1 : 0;
}

main();
