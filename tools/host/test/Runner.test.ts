// SPDX-License-Identifier: Apache-2.0
// CI trusts `npm test`'s exit code and closing line, so the runner's reporting is tested on fixture suites.
import { describe, it, expect } from '@ohos/hypium';
import { spawnSync } from 'child_process';
import * as path from 'path';

const RUNNER = path.join(__dirname, '..', 'run-tests.js');
const FIXTURES = path.join(__dirname, '..', 'fixtures');

function run(fixture: string, ...flags: string[]): { code: number; out: string } {
  const r = spawnSync(process.execPath, [RUNNER, ...flags, path.join(FIXTURES, fixture)], { encoding: 'utf8' });
  return { code: r.status === null ? -1 : r.status, out: `${r.stdout}${r.stderr}` };
}

export default function runnerTest() {
  describe('HostTestRunner', () => {
    it('exits non-zero and counts failures when a hypium test fails', 0, () => {
      const r = run('Failing.test.ets');
      expect(r.code).assertEqual(1);
      expect(r.out).assertContain('\n1 passed, 2 failed\n');
    });
    it('prints one line per test with its outcome', 0, () => {
      const r = run('Failing.test.ets');
      expect(r.out).assertContain('ok   Failing › passes');
      expect(r.out).assertContain('FAIL Failing › fails an assertion');
      expect(r.out).assertContain('ERR  Failing › throws');
    });
    it('maps stack traces to the .ets line that threw', 0, () => {
      expect(run('Failing.test.ets').out).assertContain('Failing.test.ets:13:');
    });
    it('exits non-zero when no test ran', 0, () => {
      const r = run('Empty.test.ets');
      expect(r.code).assertEqual(1);
      expect(r.out).assertContain('no test ran');
    });
    it('runs only the tests whose suite and name contain the --filter text', 0, () => {
      const r = run('Failing.test.ets', '--filter', 'failing › FAILS');
      expect(r.code).assertEqual(1);
      expect(r.out).assertContain('FAIL Failing › fails an assertion');
      expect(r.out.includes('Failing › passes')).assertFalse();
      expect(r.out.includes('Failing › throws')).assertFalse();
      expect(r.out).assertContain('\n0 passed, 1 failed\n');
    });
    it('names the SDK module without a host fake and where to add it', 0, () => {
      const r = run('MissingFake.test.ets');
      expect(r.code).assertEqual(1);
      expect(r.out).assertContain("No host fake for the module '@kit.NoSuchKit'");
      expect(r.out).assertContain('tools/host/sdk-fakes/@kit.NoSuchKit.ts');
    });
  });
}
