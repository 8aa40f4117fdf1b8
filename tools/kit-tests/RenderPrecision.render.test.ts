// SPDX-License-Identifier: Apache-2.0
// Render precision (issue 16): for each callback of the table, only the elements whose shown value
// changes re-render on the host runtime (which updates element by element as ArkUI V1 does): as many as the
// issue's minimum, that many show the change a user should see, and no element is left stale. Mount, join and
// leave, which the issue gives no minimum, re-render nothing that does not change. The scenarios are
// PrecisionScenarios.ts, shared with `npm run bench`, which prints the same numbers.
import { describe, expect, it } from '@ohos/hypium';
import { PRECISION_CASES, PrecisionCase, PrecisionResult, runPrecisionCase } from './PrecisionScenarios';

function nameOf(c: PrecisionCase): string {
  if (c.minimum === undefined) {
    return `${c.name}: every element that re-renders shows a change; nothing goes stale`;
  }
  if (c.minimum === 0) {
    return `${c.name}: no element re-renders; nothing goes stale`;
  }
  return `${c.name}: only the ${c.minimum} element(s) that show the change re-render; nothing goes stale`;
}

function check(r: PrecisionResult): void {
  const m = r.measured;
  const expected: number = r.scenario.minimum !== undefined ? r.scenario.minimum : m.changed;
  if (m.updated !== expected || m.changed !== expected) {
    // Names every update in the failure output.
    expect(`${m.updated} updates, ${m.changed} changed:\n${m.describe()}`).assertEqual(`${expected} updates, all changed`);
  }
  expect(r.stale.join('\n')).assertEqual('');
  expect(r.warnings.join('\n')).assertEqual('');
}

export default function renderPrecisionTest() {
  describe('RenderPrecision', () => {
    for (const c of PRECISION_CASES) {
      it(nameOf(c), 0, async (done: Function) => {
        check(await runPrecisionCase(c));
        done();
      });
    }
  });
}
