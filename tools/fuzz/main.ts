// SPDX-License-Identifier: Apache-2.0
// `npm run fuzz`: runs the call fuzzer and prints sequences run, steps, faults injected and violations found.
// A failing case is shrunk and printed with the one command that replays it.
//
//   npm run fuzz                              10 000 sequences from the default seed (the full run)
//   npm run fuzz -- --runs 500 --seed 42      another amount and seed (--seed random picks one)
//   npm run fuzz -- --seed 42 --path "17:3:0" replays the shrunk failing case of a report, with its trace
//   npm run fuzz -- --replay 42               the same run as --seed 42 (reproduces the report)
//   --steps N  longest random sequence (default 100);  --json  also print the shrunk case as JSON;
//   --trace    print the whole trace of the failing case, not only its end
//   npm run fuzz -- --mutant late-device-error
//              the mutation check: puts a known regression back (tools/fuzz/mutants.ts) for this run only;
//              exits 0 when the fuzzer reports it ("killed"), 1 when it survives the run

import { describeStep } from './steps';
import { fuzz, FuzzOptions, FuzzReport } from './fuzz';
import { Mutant, mutantNamed } from './mutants';

/** The seed of the full run: fixed, so the run that is reported is the run anyone can repeat. */
export const DEFAULT_SEED: number = 20260007;
export const FULL_RUNS: number = 10000;
export const DEFAULT_MAX_STEPS: number = 100;
const TRACE_TAIL: number = 80;

interface Cli {
  options: FuzzOptions;
  json: boolean;
  fullTrace: boolean;
  mutant?: Mutant;
}

function parse(argv: string[]): Cli {
  const options: FuzzOptions = { runs: FULL_RUNS, seed: DEFAULT_SEED, maxSteps: DEFAULT_MAX_STEPS };
  const cli: Cli = { options, json: false, fullTrace: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) {
        throw new Error(`${a} needs a value`);
      }
      return v;
    };
    if (a === '--runs') {
      options.runs = Number(next());
    } else if (a === '--seed' || a === '--replay') {
      const v = next();
      options.seed = v === 'random' ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(v);
    } else if (a === '--path') {
      options.path = next();
    } else if (a === '--steps') {
      options.maxSteps = Number(next());
    } else if (a === '--json') {
      cli.json = true;
    } else if (a === '--trace') {
      cli.fullTrace = true;
    } else if (a === '--mutant') {
      cli.mutant = mutantNamed(next());
    } else {
      throw new Error(`unknown option ${a} (see tools/fuzz/main.ts)`);
    }
  }
  if (!Number.isInteger(options.runs) || options.runs < 1 || !Number.isInteger(options.seed) ||
    !Number.isInteger(options.maxSteps) || options.maxSteps < 0) {
    throw new Error('--runs, --seed and --steps take whole numbers');
  }
  return cli;
}

/** The entry point (called by tools/host/run-ts.js). Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const cli = parse(argv);
  const o = cli.options;
  const out = (line: string): void => {
    console.log(line);
  };
  const started = Date.now();
  out(`fuzz: seed ${o.seed}, ${o.path !== undefined ? `replaying path ${o.path}` : `${o.runs} sequences`} of up to ` +
    `${o.maxSteps + 1} steps`);
  const mutant = cli.mutant;
  if (mutant !== undefined) {
    out(`mutation check: ${mutant.name}: ${mutant.description}`);
  }
  const report = mutant !== undefined ? await fuzzMutant(mutant, o) : await fuzz(o);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  out(`sequences run: ${report.sequences}`);
  out(`steps: ${report.steps}`);
  out(`faults injected: ${report.faults}`);
  out(`violations found: ${report.violations}`);
  out(`time: ${seconds} s`);
  const c = (what: string): number => report.coverage.get(what) || 0;
  out(`coverage: ${c('loginRoom')} logins, ${c('startPublishingStream')} publishes, ${c('startPlayingStream')} plays ` +
    `(${c('updatePlayingCanvas')} view moves, ${c('stopPlayingStream')} stops), ${c('onRoomStreamUpdate')} stream ` +
    `updates, ${c('onPlayerStateUpdate')} player states, ${c('event CallEnded')} calls ended, ` +
    `${c('event Error')} errors told to the app`);
  const failure = report.failure;
  if (mutant !== undefined) {
    const killed = failure !== undefined && failure.result.violations.some((v: string) => v.includes(mutant.expect));
    out(killed ? `mutant ${mutant.name} killed: the fuzzer reported it at sequence ${report.sequences}, shrunk to ` +
      `${failure === undefined ? 0 : failure.fuzzCase.steps.length} step(s): ${failure?.result.violations[0]}` :
      `mutant ${mutant.name} SURVIVED ${report.sequences} sequences: the fuzzer no longer finds this regression`);
    return killed ? 0 : 1;
  }
  if (failure === undefined) {
    out(`fuzz: ${report.sequences} passed, 0 failed`);
    return 0;
  }
  out('');
  out(`FAILED: shrunk to ${failure.fuzzCase.steps.length} step(s); world ${JSON.stringify(failure.fuzzCase.world)}`);
  failure.fuzzCase.steps.forEach((s, i) => out(`  #${i} ${describeStep(s)}`));
  out('violations of the shrunk case:');
  for (const v of failure.result.violations.slice(0, 10)) {
    out(`  - ${v}`);
  }
  const trace = failure.result.trace;
  out(cli.fullTrace ? 'trace:' : `trace (last ${TRACE_TAIL} lines; --trace for all):`);
  for (const line of cli.fullTrace ? trace : trace.slice(-TRACE_TAIL)) {
    out(`  ${line}`);
  }
  if (cli.json) {
    out('case as JSON (paste into a regression test):');
    out(JSON.stringify(failure.fuzzCase));
  }
  out('');
  const steps = o.maxSteps !== DEFAULT_MAX_STEPS ? ` --steps ${o.maxSteps}` : '';
  out(`replay: npm run fuzz -- --seed ${report.seed}${steps} --path "${failure.path}"`);
  out(`fuzz: ${Math.max(0, report.sequences - 1)} passed, 1 failed`);
  return 1;
}

/** Runs the fuzzer with `mutant` put back, and takes it out again whatever happens. */
export async function fuzzMutant(mutant: Mutant, options: FuzzOptions): Promise<FuzzReport> {
  const undo = mutant.apply();
  try {
    return await fuzz(options);
  } finally {
    undo();
  }
}
