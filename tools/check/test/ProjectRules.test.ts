// SPDX-License-Identifier: Apache-2.0
// The rules about module layout and models (layout-rules.js, model-rules.js), on a fixture module laid out like
// the demo HAP (tools/check/fixtures/demo): each fixture file has one known problem, or none.
import { describe, it, expect } from '@ohos/hypium';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const checker = require('../checker');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { filesUnder } = require('../files');
const MODULE = path.join(__dirname, '..', 'fixtures', 'demo', 'src');

/** Fixture file (relative to the module's src/) → the rules it must produce. */
const EXPECTED: Record<string, string[]> = {
  'main/ets/pages/Registered.ets': [],
  'main/ets/pages/Unregistered.ets': ['page-unregistered'],
  'test/SuiteNames.test.ets': ['test-suite-name'],
  'main/ets/model/Counter.ets': [],
  'main/ets/session/CounterStore.ets': [],
  'main/ets/views/TrackedReads.ets': [],
  'main/ets/views/UntrackedRead.ets': ['model-untracked-read'],
  'main/ets/views/UntrackedMethodRead.ets': ['model-untracked-read'],
  'main/ets/views/ModelWrite.ets': ['model-write-outside-session'],
};

interface Problem { file: string; rule: string; message: string; severity: string; line: number; }
let problems: Problem[] | undefined;
function problemsOf(fixture: string): Problem[] {
  if (problems === undefined) problems = checker.check(Object.keys(EXPECTED).map((f) => path.join(MODULE, f))) as Problem[];
  return problems.filter((p) => path.resolve(p.file) === path.join(MODULE, fixture));
}

/** Every .ets fixture of the module, relative to its src/, with '/'. */
function listFixtures(): string[] {
  return (filesUnder(MODULE, (name: string) => name.endsWith('.ets')) as string[])
    .map((f: string) => path.relative(MODULE, f).split(path.sep).join('/'));
}

export default function projectRulesTest() {
  describe('ProjectRules', () => {
    it('has an expectation for every fixture file of the module', 0, () => {
      expect(JSON.stringify(listFixtures().sort())).assertEqual(JSON.stringify(Object.keys(EXPECTED).sort()));
    });
    for (const fixture of Object.keys(EXPECTED)) {
      const want = EXPECTED[fixture];
      it(want.length === 0 ? `reports nothing for ${fixture}` : `reports ${want.join(' and ')} for ${fixture}`, 0, () => {
        expect(JSON.stringify(problemsOf(fixture).map((p) => p.rule).sort())).assertEqual(JSON.stringify(want));
      });
    }
    it('names the page to add to main_pages.json', 0, () => {
      expect(problemsOf('main/ets/pages/Unregistered.ets')[0].message).assertContain('add "pages/Unregistered" to "src"');
    });
    it('flags only the suite name with spaces and commas, and names Local Test\'s error', 0, () => {
      const p = problemsOf('test/SuiteNames.test.ets');
      expect(p.length).assertEqual(1);
      expect(p[0].line).assertEqual(6);
      expect(p[0].message).assertContain('00521002');
    });
    it('names the untracked field a model method reads while rendering', 0, () => {
      expect(problemsOf('main/ets/views/UntrackedMethodRead.ets')[0].message).assertContain("reads 'label', which is not @Track");
    });
  });
}
