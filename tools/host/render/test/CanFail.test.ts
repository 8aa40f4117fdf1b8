// SPDX-License-Identifier: Apache-2.0
// Host render tests must be able to fail: a suite asserting a label that a click replaced is run through the
// real runner and has to be reported as failing.
import { describe, it, expect } from '@ohos/hypium';
import { spawnSync } from 'child_process';
import * as path from 'path';

const RUNNER = path.join(__dirname, '..', '..', 'run-tests.js');
const SUITE = path.join(__dirname, 'fixtures', 'StaleLabel.test.ts');

export default function renderCanFailTest() {
  describe('HostRenderCanFail', () => {
    it('reports a test that expects a label the click replaced as failed', 0, () => {
      const r = spawnSync(process.execPath, [RUNNER, SUITE], { encoding: 'utf8' });
      const out = `${r.stdout}${r.stderr}`;
      expect(r.status).assertEqual(1);
      expect(out).assertContain('ok   StaleLabel › shows Unmute after a click');
      expect(out).assertContain('FAIL StaleLabel › still shows Mute after a click');
      expect(out).assertContain('FAIL StaleLabel › still lists Mute among the texts after a click');
      expect(out).assertContain('\n1 passed, 2 failed\n');
    });
  });
}
