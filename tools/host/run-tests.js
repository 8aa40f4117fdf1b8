// SPDX-License-Identifier: Apache-2.0
// Runs hypium suites in Node: the local tests DevEco runs (components/src/test, demo/src/test) and the
// host-only suites under tools/**/test. Hypium prints the device protocol and has no summary or exit code of
// its own, so this runner prints one line per test, the OHOS_REPORT_RESULT line, a closing
// `N passed, N failed` line, and exits non-zero on any failure or error, or when no test ran.
//
// Usage: node tools/host/run-tests.js [--verbose] [--filter <text>] [suite files...]
'use strict';
const fs = require('fs');
const path = require('path');
const { REPO_ROOT } = require('./register');
const { filesUnder } = require('../check/files');

const SUITE_ROOTS = ['components/src/test', 'demo/src/test', 'tools'];
const SUITE_PATTERN = /\.test\.(ets|ts)$/;

/**
 * The suites under one root: `*.test.ets`/`*.test.ts` files but List.test.ets, outside node_modules and fixtures
 * folders; under tools/, only files inside a test/ folder, or the kit's host-only suites in tools/kit-tests/.
 */
function discoverSuites(dir) {
  const isSuite = (name) => SUITE_PATTERN.test(name) && name !== 'List.test.ets';
  return filesUnder(dir, isSuite, (folder) => folder === 'node_modules' || folder === 'fixtures').filter((full) => {
    const parts = path.relative(REPO_ROOT, full).split(path.sep);
    return parts[0] !== 'tools' || parts.includes('test') || parts[1] === 'kit-tests';
  });
}

/**
 * `--filter <text>`: only the tests whose "suite › test" name contains the text (case-insensitive) run.
 * Hypium's own itName parameter wants exact names and crashes on a suite with none of them, so the suites get
 * a copy of the hypium module whose `describe` remembers the suite's name and whose `it` skips the others.
 */
function filterTests(hypium, filter) {
  const wanted = filter.toLowerCase();
  const filtered = Object.assign({}, hypium);
  const suiteNames = [];
  filtered.describe = (name, body) => hypium.describe(name, () => {
    suiteNames.push(name);
    try { body(); } finally { suiteNames.pop(); }
  });
  filtered.it = (name, ...rest) => {
    const full = `${suiteNames.join(' › ')} › ${name}`.toLowerCase();
    if (full.includes(wanted)) hypium.it(name, ...rest);
  };
  require.cache[require.resolve('@ohos/hypium')].exports = filtered;
}

/** The first stack frame outside hypium: where the failing assertion is (mapped to .ets by source maps). */
function where(err) {
  const frames = String((err && err.stack) || '').split('\n').filter((l) => /^\s+at /.test(l));
  const own = frames.find((l) => !l.includes(`${path.sep}node_modules${path.sep}`));
  return own ? `\n       ${own.trim()}` : '';
}

function parseArgs(argv) {
  const args = { verbose: false, filter: undefined, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--verbose' || argv[i] === '-v') args.verbose = true;
    else if (argv[i] === '--filter') args.filter = argv[++i];
    else args.files.push(path.resolve(argv[i]));
  }
  return args;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const files = args.files.length > 0 ? args.files
    : SUITE_ROOTS.flatMap((root) => discoverSuites(path.join(REPO_ROOT, root))).sort();

  const realConsole = { info: console.info, log: console.log, debug: console.debug, warn: console.warn };
  const out = (line) => process.stdout.write(line + '\n');
  if (!args.verbose) {
    console.info = () => undefined;
    console.log = () => undefined;
    console.debug = () => undefined;
    const realError = console.error;
    console.error = (...a) => { if (!(typeof a[0] === 'string' && a[0].startsWith('[Hypium]'))) realError(...a); };
  }

  // DevEco's Local Test runs only what src/test/List.test.ets registers: an .ets suite missing there would
  // pass here and never run on DevEco, so that is an error. (.ts suites are host-only by design.)
  let unregistered = 0;
  if (args.files.length === 0) {
    for (const file of files.filter((f) => f.endsWith('.test.ets'))) {
      const list = path.join(file.slice(0, file.indexOf(`${path.sep}src${path.sep}test${path.sep}`)), 'src', 'test', 'List.test.ets');
      if (!fs.existsSync(list)) continue;
      const rel = './' + path.relative(path.dirname(list), file).split(path.sep).join('/').replace(/\.ets$/, '');
      if (!fs.readFileSync(list, 'utf8').includes(`'${rel}'`)) {
        unregistered++;
        out(`ERR  ${path.relative(REPO_ROOT, file)} is not registered in ${path.relative(REPO_ROOT, list)} (import '${rel}' and call it), so DevEco would not run it`);
      }
    }
  }

  const hypium = require('@ohos/hypium');
  const Core = require('@ohos/hypium/src/main/core').default;
  if (args.filter) filterTests(hypium, args.filter);
  const suites = [];
  let loadErrors = 0;
  for (const file of files) {
    try {
      const mod = require(file);
      const fn = mod.default;
      if (typeof fn !== 'function') throw new Error('has no default export function (the hypium suite)');
      suites.push(fn);
    } catch (e) {
      loadErrors++;
      out(`ERR  ${path.relative(REPO_ROOT, file)}  could not be loaded: ${e && e.stack ? e.stack : e}`);
    }
  }

  const counts = { passed: 0, failed: 0 };
  const report = {
    taskStart() {}, suiteStart() {}, suiteDone() {}, specStart() {}, incorrectFormat() {},
    async specDone() {
      const core = Core.getInstance();
      const spec = core.getDefaultService('spec').currentRunningSpec;
      const suite = core.getDefaultService('suite').getCurrentRunningSuite();
      const name = `${suite.description} › ${spec.description}`;
      if (spec.error) {
        counts.failed++;
        out(`ERR  ${name}\n       ${(spec.error.stack || spec.error.message || String(spec.error)).split('\n').slice(0, 6).join('\n       ')}`);
      } else if (spec.fail) {
        counts.failed++;
        out(`FAIL ${name}\n       ${spec.fail.message}${where(spec.fail)}`);
      } else if (spec.isSkip) {
        out(`skip ${name}`);
      } else {
        counts.passed++;
        out(`ok   ${name}`);
      }
    },
    async taskDone() {},
  };

  const delegator = {
    printSync(msg) { if (args.verbose) realConsole.info(msg); else if (/OHOS_REPORT_RESULT/.test(msg)) keepResult(msg); },
    print(msg) { this.printSync(msg); return Promise.resolve(); },
    executeShellCommand(cmd, timeout, cb) {
      const result = { stdResult: '', exitCode: 0 };
      if (typeof cb === 'function') cb(undefined, result);
      return Promise.resolve(result);
    },
    finishTest(msg, code, cb) {
      if (typeof cb === 'function') cb();
      finish();
      return Promise.resolve();
    },
    getAppContext() { return {}; },
  };

  let resultLine = '';
  function keepResult(msg) {
    const m = /OHOS_REPORT_RESULT: stream=[^\n]*/.exec(msg);
    if (m) resultLine = m[0];
  }

  let finished = false;
  function finish() {
    if (finished) return;
    finished = true;
    const failed = counts.failed + loadErrors + unregistered;
    if (resultLine) out(resultLine);
    const ran = counts.passed + counts.failed;
    if (ran === 0) out('no test ran');
    out(`${counts.passed} passed, ${failed} failed`);
    process.exitCode = failed > 0 || ran === 0 ? 1 : 0;
  }

  const parameters = {};
  hypium.Hypium.hypiumTest(delegator, { bundleName: 'host', parameters }, () => {
    const core = Core.getInstance();
    core.subscribeEvent('spec', report);
    core.subscribeEvent('suite', report);
    core.subscribeEvent('task', report);
    for (const suite of suites) suite();
  });
  process.on('exit', () => { if (!finished) { out('the test run did not finish (an async test never completed?)'); finish(); process.exitCode = 1; } });
}

main();
