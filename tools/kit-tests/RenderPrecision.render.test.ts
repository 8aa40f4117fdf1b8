// SPDX-License-Identifier: Apache-2.0
// Render precision (issue 16): for each callback of the table, the elements that re-render on the host
// runtime (which updates element by element as ArkUI V1 does) stay within a ceiling, the change a user should
// see happens (that many elements show something new), and no element is left stale. The scenarios are
// PrecisionScenarios.ts, shared with `npm run bench`, which prints the same numbers. The ceilings are today's
// counts until the models and components reach the minimum; then they are the minimum.
import { describe, expect, it } from '@ohos/hypium';
import { PRECISION_CASES, PrecisionCase, PrecisionResult, runPrecisionCase } from './PrecisionScenarios';

/** Element updates allowed per row: today's count (the minimum is the target). */
const CEILING: Map<string, number> = new Map<string, number>([
  ['remote quality update, nothing visible changes', 6],
  ['remote quality Medium → Bad (bar tints change)', 10],
  ['remote sound level, under the threshold', 6],
  ['remote sound level crossing the threshold', 6],
  ['remote camera off', 5],
  ['remote mic off', 6],
  ['mic button pressed', 6],
  ['local captured sound level', 4],
  ['local publish quality', 4],
  ['network quality Good → Good (Excellent → Good: badge stays quiet)', 0],
  ['online user count change', 0],
  ['user list change', 0],
  ['switch-camera pressed', 6],
  ['microphone permission denied', 7],
  ['room → reconnecting', 3],
  ['a steady 10 s of a call (levels and quality flowing, nothing visible changing)', 670],
  ['mount (CallView, CallControls, ConnectionBadge)', 0],
  ['join (until the remote video shows)', 36],
  ['leave', 9],
]);

function ceilingOf(c: PrecisionCase): number {
  const ceiling: number | undefined = CEILING.get(c.name);
  if (ceiling === undefined) {
    throw new Error(`no ceiling for '${c.name}'`);
  }
  return ceiling;
}

function check(r: PrecisionResult, ceiling: number): void {
  const m = r.measured;
  if (m.updated > ceiling) {
    // Names the updates in the failure output.
    expect(`${m.updated} updates:\n${m.describe()}`).assertEqual(`at most ${ceiling}`);
  }
  expect(m.updated <= ceiling).assertTrue();
  if (r.scenario.minimum !== undefined) {
    expect(m.changed).assertEqual(r.scenario.minimum);
  }
  expect(r.stale.join('\n')).assertEqual('');
}

export default function renderPrecisionTest() {
  describe('RenderPrecision', () => {
    for (const c of PRECISION_CASES) {
      const ceiling: number = ceilingOf(c);
      const shown: string = c.minimum === undefined ? '' : c.minimum === 0 ? 'no element shows a change; '
        : `${c.minimum} element(s) show the change; `;
      const target: string = c.minimum !== undefined ? ` (target ${c.minimum})` : '';
      const name: string = `${c.name}: ${shown}at most ${ceiling} element updates${target}; nothing goes stale`;
      it(name, 0,
        async (done: Function) => {
          check(await runPrecisionCase(c), ceiling);
          done();
        });
    }
  });
}
