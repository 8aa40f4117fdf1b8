// SPDX-License-Identifier: Apache-2.0
// `npm run check:upstream`: runs OpenHarmony's own ArkTS front end (ets-loader of developtools_ace_ets2bundle,
// OpenHarmony-6.0-Release, on an API 20 SDK packaged from interface_sdk-js) over the kit HAR and the demo HAP,
// each in build and preview mode, and prints every error and warning it reports as
// `path:line:col [code] message`. Nothing upstream is in this repository: the SDK folder is given by
// OHOS_ETS_SDK (…/sdk/default/openharmony/ets, with build-tools/ets-loader built inside; docs/toolchain.md
// says how to make it). Without it the command says what it needs and exits 0 (CI has no network).
// Exit 1 on any error or warning (our own stand-in declarations included); --allow-warnings exits 0 on warnings.
// Then it compiles the host render transform's gesture fixtures (tools/host/render/test/fixtures/gesture) and
// compares what ets-loader keeps of each gesture with upstream-gestures.json, the summary the host transform is
// tested against; --write-transform-fixture rewrites that file from this run.
// Flags: --module components|demo|<module folder>, --mode build|preview, --emit-dir <dir> (writes the
// transformed JS), --json.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { describeProblem, parseLoaderProblem } = require('./problems');
const { upstreamLayout } = require('./layout');
const { gestureSummary } = require('./gesture-summary');
const { filesUnder } = require('../check/files');

const GESTURE_FIXTURES = path.join(__dirname, '..', 'host', 'render', 'test', 'fixtures', 'gesture');
const GESTURE_SUMMARY = path.join(GESTURE_FIXTURES, 'upstream-gestures.json');
const REPO_ROOT = path.resolve(__dirname, '..', '..');
const ACCEPTED = JSON.parse(fs.readFileSync(path.join(__dirname, 'accepted.json'), 'utf8')).warnings;

/** The accepted-warning entry a problem matches, if any (tools/upstream/accepted.json). */
function acceptedEntry(p) {
  if (p.severity !== 'warning' || !p.file) return undefined;
  const rel = path.relative(REPO_ROOT, p.file).split(path.sep).join('/');
  return ACCEPTED.find((a) => a.file === rel && a.message === p.message);
}

function arg(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

function main() {
  const layout = upstreamLayout(process.env);
  if (!layout.ok) {
    process.stdout.write(layout.explanation + '\n');
    process.exitCode = 0;
    return;
  }
  for (const note of layout.notes) process.stdout.write(`note: ${note}\n`);
  const modules = arg('--module') ? [arg('--module')] : ['components', 'demo'];
  const modes = arg('--mode') ? [arg('--mode')] : ['build', 'preview'];
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'zck-upstream-'));
  const emitDir = arg('--emit-dir');
  let errors = 0;
  let warnings = 0;
  const all = [];
  try {
    for (const moduleName of modules) {
      for (const mode of modes) {
        const started = Date.now();
        const result = runModule(layout, moduleName, mode, scratch, emitDir && path.resolve(emitDir));
        if (result.failed) {
          process.stdout.write(`${moduleName} (${mode}): the upstream run failed\n${result.failed}\n`);
          errors += 1;
          continue;
        }
        if (result.crash) {
          process.stdout.write(`${moduleName} (${mode}): ets-loader crashed: ${result.crash}\n`);
          errors += 1;
        }
        const problems = result.problems.map(parseLoaderProblem).filter((p) => p !== undefined);
        const seen = new Set();
        const unique = problems.filter((p) => {
          const key = `${p.file}:${p.line}:${p.col}:${p.code}:${p.message}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const accepted = unique.filter((p) => acceptedEntry(p) !== undefined);
        const counted = unique.filter((p) => acceptedEntry(p) === undefined);
        const e = counted.filter((p) => p.severity === 'error').length;
        const wn = counted.length - e;
        errors += e;
        warnings += wn;
        if (!process.argv.includes('--json')) {
          for (const p of counted) process.stdout.write(describeProblem(p, moduleName, mode) + '\n');
          for (const p of accepted) process.stdout.write(`accepted: ${describeProblem(p, moduleName, mode)}\n`);
          const secs = ((Date.now() - started) / 1000).toFixed(1);
          const more = accepted.length > 0 ? ` (and ${accepted.length} accepted, see tools/upstream/accepted.json)` : '';
          process.stdout.write(`${moduleName} (${mode}): ${e} errors, ${wn} warnings${more}, ${result.transformedFiles || 0} files transformed in ${secs}s\n`);
        }
        all.push({ module: moduleName, mode, problems: unique });
      }
    }
    if (!arg('--module') && !arg('--mode')) {
      const mismatches = checkTransformFixture(layout, scratch);
      for (const m of mismatches) process.stdout.write(m + '\n');
      errors += mismatches.length;
      if (mismatches.length === 0) process.stdout.write('host transform fixture: agrees with ets-loader on every gesture\n');
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  if (process.argv.includes('--json')) process.stdout.write(JSON.stringify(all, null, 2) + '\n');
  else process.stdout.write(`upstream ets-loader: ${errors} errors, ${warnings} warnings\n`);
  const failOnWarnings = !process.argv.includes('--allow-warnings');
  process.exitCode = errors > 0 || (failOnWarnings && warnings > 0) ? 1 : 0;
}

/** Runs run-module.js in a child process; returns its result, or { failed: output } when it printed none. */
function runModule(layout, moduleName, mode, scratch, emitDir) {
  const childArgs = [path.join(__dirname, 'run-module.js'), moduleName, mode, layout.etsSdk, scratch];
  if (emitDir) childArgs.push('--emit-dir', emitDir);
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096'].concat(childArgs), {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024,
  });
  const marker = child.stdout.lastIndexOf('@@RESULT@@');
  if (marker < 0) return { failed: child.stdout.slice(-4000) + child.stderr.slice(-4000) };
  return JSON.parse(child.stdout.slice(marker + 10));
}

/**
 * Compiles the gesture fixtures with ets-loader and compares its gesture summary per file with the committed
 * one the host transform is tested against. Returns the mismatches (none when they agree).
 */
function checkTransformFixture(layout, scratch) {
  const emitDir = fs.mkdtempSync(path.join(scratch, 'emit-'));
  const result = runModule(layout, GESTURE_FIXTURES, 'build', scratch, emitDir);
  if (result.failed || result.crash) return [`host transform fixture: the upstream run failed: ${result.failed || result.crash}`];
  const got = {};
  for (const f of filesUnder(emitDir)) got[path.basename(f).replace(/\.js$/, '')] = gestureSummary(fs.readFileSync(f, 'utf8'));
  if (process.argv.includes('--write-transform-fixture')) {
    const provenance = 'What ets-loader (developtools_ace_ets2bundle, OpenHarmony-6.0-Release) keeps of each gesture in ' +
      'the .ets files of this folder, summarised from its output by tools/upstream/gesture-summary.js; written by ' +
      '`npm run check:upstream -- --write-transform-fixture`.';
    fs.writeFileSync(GESTURE_SUMMARY, JSON.stringify(Object.assign({ provenance }, got), null, 2) + '\n');
    return [];
  }
  const want = JSON.parse(fs.readFileSync(GESTURE_SUMMARY, 'utf8'));
  const out = [];
  for (const file of new Set(Object.keys(got).concat(Object.keys(want).filter((k) => k !== 'provenance')))) {
    if (JSON.stringify(got[file]) !== JSON.stringify(want[file])) {
      out.push(`host transform fixture: ets-loader now keeps ${JSON.stringify(got[file])} of the gestures in ${file}, ` +
        `upstream-gestures.json says ${JSON.stringify(want[file])}; check the host transform, then rerun with --write-transform-fixture`);
    }
  }
  return out;
}

if (require.main === module) main();

module.exports = { acceptedEntry };
