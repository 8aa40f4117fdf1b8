// SPDX-License-Identifier: Apache-2.0
// The property behind `npm run fuzz` and the host fuzz suite: for every generated case (a world and a random
// sequence of steps), running it finds no violation. fast-check generates the cases from a seed, shrinks a
// failing one to a short sequence, and replays it exactly from its seed and path. Totals (sequences, steps,
// faults injected, violations) are collected across runs for the report.

import fc from 'fast-check';
import { FuzzCase, fuzzCase } from './steps';
import { runSequence, SequenceResult } from './runner';

/** How to run. */
export interface FuzzOptions {
  runs: number;
  seed: number;
  /** A fast-check path (from a failure report) to replay one shrunk case. */
  path?: string;
  maxSteps: number;
}

/** What a run found. */
export interface FuzzReport {
  sequences: number;
  steps: number;
  faults: number;
  violations: number;
  seed: number;
  /** How often each engine call, callback and app event happened over all sequences (coverage). */
  coverage: Map<string, number>;
  /** Set when a case failed: the shrunk case, its path and its first violations and trace. */
  failure?: {
    path: string;
    fuzzCase: FuzzCase;
    result: SequenceResult;
  };
}

class Totals {
  sequences: number = 0;
  steps: number = 0;
  faults: number = 0;
  violations: number = 0;
  readonly coverage: Map<string, number> = new Map<string, number>();
}

/** Runs the property; never throws for a violation (it is in the report). */
export async function fuzz(options: FuzzOptions): Promise<FuzzReport> {
  const totals = new Totals();
  let shrinking = false;
  const property = fc.asyncProperty(fuzzCase(options.maxSteps), async (c: FuzzCase): Promise<boolean> => {
    const result = await runSequence(c);
    if (!shrinking) {
      totals.sequences += 1;
      totals.steps += result.steps;
      totals.faults += result.faults;
      totals.violations += result.violations.length;
      result.counters.forEach((n: number, what: string) => {
        totals.coverage.set(what, (totals.coverage.get(what) || 0) + n);
      });
      if (result.violations.length > 0) {
        shrinking = true;
      }
    }
    return result.violations.length === 0;
  });
  const params: fc.Parameters<[FuzzCase]> = { numRuns: options.runs, seed: options.seed };
  if (options.path !== undefined) {
    params.path = options.path;
  }
  const details = await fc.check(property, params);
  const report: FuzzReport = {
    sequences: totals.sequences, steps: totals.steps, faults: totals.faults, violations: totals.violations,
    seed: options.seed, coverage: totals.coverage
  };
  if (details.failed && details.counterexample !== null) {
    const shrunk = details.counterexample[0];
    report.failure = {
      path: details.counterexamplePath !== null ? details.counterexamplePath : '',
      fuzzCase: shrunk,
      result: await runSequence(shrunk)
    };
  } else if (details.failed && details.errorInstance !== null) {
    throw details.errorInstance;
  }
  return report;
}
