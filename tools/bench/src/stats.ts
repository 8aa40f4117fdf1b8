// SPDX-License-Identifier: Apache-2.0
/*
 * Small timing and statistics helpers for the benchmarks: a nanosecond clock (process.hrtime.bigint), the
 * measured cost of reading it, medians and number formatting.
 */

/** Nanoseconds from an arbitrary origin, as a number (safe: hrtime fits in 2^53 ns for ~104 days). */
export function nowNs(): number {
  return Number(process.hrtime.bigint());
}

/** The median of `values` (0 for none). */
export function median(values: number[]): number {
  if (values.length === 0) {
    return 0;
  }
  const sorted = values.slice().sort((a: number, b: number) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * What an empty timed region measures (`t0 = nowNs(); t1 = nowNs(); t1 - t0`), in ns: the median of many.
 * Per-call timings subtract it.
 */
export function timerOverheadNs(): number {
  const samples: number[] = [];
  for (let i = 0; i < 50000; i++) {
    const t0 = nowNs();
    samples.push(nowNs() - t0);
  }
  return median(samples.slice(10000));
}

/** Microseconds with 2 decimals (or 3 below 0.1 µs). */
export function fmtUs(ns: number): string {
  const us = ns / 1000;
  return us < 0.1 ? us.toFixed(3) : us.toFixed(2);
}

/** A byte count as KB/MB with a sign. */
export function fmtBytes(bytes: number): string {
  const sign = bytes < 0 ? '-' : '+';
  const abs = Math.abs(bytes);
  if (abs >= 1024 * 1024) {
    return `${sign}${(abs / 1024 / 1024).toFixed(2)} MB`;
  }
  return `${sign}${(abs / 1024).toFixed(1)} KB`;
}
