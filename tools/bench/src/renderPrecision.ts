// SPDX-License-Identifier: Apache-2.0
/*
 * Part 4 of the bench: element updates per callback (issue 16). Each scenario of
 * tools/kit-tests/PrecisionScenarios.ts mounts CallView, CallControls and ConnectionBadge on a 1:1 call on the
 * simulated engine and measures one action on the host render runtime, which updates element by element as
 * ArkUI V1 does (tools/host/render/README.md): how many elements updated, how many of those now show something
 * else, and whether a fresh render would show anything differently (stale). A row passes when it reaches the
 * issue's minimum (rows without one: no update without a visible change) and nothing is stale.
 */
import { PRECISION_CASES, PrecisionResult, runPrecisionCase } from '../../kit-tests/PrecisionScenarios';

/** Runs every scenario, in the order. */
export async function measureRenderPrecision(): Promise<PrecisionResult[]> {
  const results: PrecisionResult[] = [];
  for (const c of PRECISION_CASES) {
    results.push(await runPrecisionCase(c));
  }
  return results;
}

/** "RemoteStreamOverlay 7/0, QualityBars 4/3": updated/changed per component. */
export function perComponent(r: PrecisionResult): string {
  return Array.from(r.measured.byComponent().entries())
    .map((e: [string, { updated: number; changed: number }]) => `${e[0]} ${e[1].updated}/${e[1].changed}`).join(', ');
}
