// SPDX-License-Identifier: Apache-2.0
// The checker is a tool we own, so it is tested like product code: every fixture under tools/check/fixtures
// holds one known problem, and the checker must report exactly that rule for it (and nothing for Clean.ets).
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const checker = require('../checker');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { permissionSatisfied } = require('../syscap-permission');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'src', 'main', 'ets');

/** Fixture file → the rules it must produce (several only where DevEco itself reports twice). */
const EXPECTED: Record<string, string[]> = {
  'AnyType.ets': ['arkts-no-any-unknown'],
  'UntypedObjectLiteral.ets': ['arkts-no-untyped-obj-literals'],
  'MisspelledAttribute.ets': ['TS2551'],
  'WrongAttributeType.ets': ['TS2345'],
  'TwoRoots.ets': ['ui-one-root'],
  'InitialisedLink.ets': ['ui-link-initialized'],
  'UnresolvedImport.ets': ['TS2307'],
  'UnknownResource.ets': ['resource-unknown'],
  'SpanOutsideText.ets': ['ui-span-parent'],
  'EntryOutsidePages.ets': ['ui-entry-location'],
  'StructWithoutBuild.ets': ['ui-struct-build'],
  'StateWithoutDefault.ets': ['TS2564', 'ui-state-default'],
  'PlainObjectToObjectLink.ets': ['ui-objectlink-plain'],
  'HardCodedText.ets': ['ui-hardcoded-text'],
  'HardCodedColor.ets': ['ui-hardcoded-color'],
  'ButtonLabelWithChild.ets': ['ui-button-label-child'],
  'NonSpanInText.ets': ['ui-text-child'],
  'WatchMissingMethod.ets': ['ui-watch-method'],
  'StateHoldsController.ets': ['ui-state-controller'],
  'ObjectLinkPrimitive.ets': ['ui-objectlink-primitive'],
  'ObjectLinkUnobserved.ets': ['ui-objectlink-unobserved'],
  'StylesWithParameters.ets': ['ui-styles-params'],
  'RequireNotPassed.ets': ['ui-child-required'],
  'RegularPropertyToLink.ets': ['ui-child-regular'],
  'ClosureWithTwoBuilderParams.ets': ['ui-child-closure'],
  'PrivateSetByParent.ets': ['ui-child-private'],
  'NewerApi.ets': ['api-level'],
  'ElevenPreviews.ets': ['ui-preview-limit'],
  'GestureThroughMethod.ets': ['ui-gesture-inline'],
  'ObjectLinkExpression.ets': ['ui-objectlink-expression'],
  'PropOfResource.ets': ['ui-prop-object'],
  'UnhandledThrow.ets': ['TS28040'],
  'SyscapNotOnAllDevices.ets': ['TS28007'],
  'SyscapGuarded.ets': ['TS28005'],
  'MissingPermission.ets': ['TS28007'],
  'VendorDeclarations.ets': [],
  'Clean.ets': [],
};

interface Problem { file: string; rule: string; message: string; severity: string; }
let problems: Problem[] | undefined;
function problemsOf(fixture: string): Problem[] {
  if (problems === undefined) {
    const files = fs.readdirSync(FIXTURES).map((f) => path.join(FIXTURES, f));
    problems = checker.check(files) as Problem[];
  }
  return problems.filter((p) => path.basename(p.file) === fixture);
}

export default function checkerTest() {
  describe('Checker', () => {
    it('has an expectation for every fixture file', 0, () => {
      const files = fs.readdirSync(FIXTURES).sort();
      expect(JSON.stringify(files)).assertEqual(JSON.stringify(Object.keys(EXPECTED).sort()));
    });
    for (const fixture of Object.keys(EXPECTED)) {
      const want = EXPECTED[fixture];
      const title = want.length === 0
        ? `reports nothing for ${fixture}, which DevEco accepts`
        : `reports ${want.join(' and ')} for ${fixture}`;
      it(title, 0, () => {
        const got = problemsOf(fixture).map((p) => p.rule).sort();
        expect(JSON.stringify(got)).assertEqual(JSON.stringify(want.slice().sort()));
      });
    }
    it('marks a plain object passed to an @ObjectLink child as a warning, not an error', 0, () => {
      const p = problemsOf('PlainObjectToObjectLink.ets')[0];
      expect(p.severity).assertEqual('warning');
    });
    it('marks DevEco-accepted but suspicious child bindings as warnings, not errors', 0, () => {
      expect(problemsOf('PrivateSetByParent.ets')[0].severity).assertEqual('warning');
      expect(problemsOf('ObjectLinkUnobserved.ets')[0].severity).assertEqual('warning');
    });
    it('names the newer API, its level and the target read from build-profile.json5', 0, () => {
      const p = problemsOf('NewerApi.ets')[0];
      expect(p.severity).assertEqual('error');
      expect(p.message).assertContain("'TextAttribute.enableHapticFeedback' is available since API 13");
      expect(p.message).assertContain('the project targets API 12 (compatibleSdkVersion 5.0.0(12))');
    });
    it('warns, as ets-loader does, when an @ObjectLink child is given an expression', 0, () => {
      expect(problemsOf('ObjectLinkExpression.ets')[0].severity).assertEqual('warning');
      expect(problemsOf('ObjectLinkExpression.ets')[0].message).assertContain("'this.first()' is an expression");
    });
    it('points at the eleventh @Preview and names the previewer error', 0, () => {
      const p = problemsOf('ElevenPreviews.ets')[0] as Problem & { line: number };
      expect(p.message).assertContain('10905404');
      expect(p.line).assertEqual(84);
    });
    it('says how to write a gesture that survives ets-loader', 0, () => {
      expect(problemsOf('GestureThroughMethod.ets')[0].message).assertContain('gesture(PanGesture(...)');
    });
    it('names the object type of a @Prop and the fix', 0, () => {
      const m = problemsOf('PropOfResource.ets')[0].message;
      expect(m).assertContain("@Prop 'caption' has the object type 'Resource'");
      expect(m).assertContain('plain fields set once at creation');
    });
    it('names the API whose SysCap a device type lacks, and the permission to request', 0, () => {
      expect(problemsOf('SyscapNotOnAllDevices.ets')[0].message).assertContain("'hasCall' is not supported on all devices");
      expect(problemsOf('SyscapGuarded.ets')[0].message).assertContain('Use the canIUse condition');
      expect(problemsOf('MissingPermission.ets')[0].message).assertContain('apply for the permissions: ohos.permission.INTERNET');
    });
    it('reads permission expressions with and, or and parentheses', 0, () => {
      const granted = new Set(['ohos.permission.A', 'ohos.permission.C']);
      expect(permissionSatisfied('ohos.permission.A', granted)).assertTrue();
      expect(permissionSatisfied('ohos.permission.A and ohos.permission.B', granted)).assertFalse();
      expect(permissionSatisfied('ohos.permission.B or ohos.permission.C', granted)).assertTrue();
      expect(permissionSatisfied('ohos.permission.A and (ohos.permission.B or ohos.permission.C)', granted)).assertTrue();
      expect(permissionSatisfied('(ohos.permission.B or ohos.permission.D) and ohos.permission.A', granted)).assertFalse();
    });
    it('lints a stand-in vendor declaration reached only through an import', 0, () => {
      problemsOf('Clean.ets');
      const vendor = (problems || []).filter((p) => p.file.endsWith(path.join('bad-sdk', 'Index.d.ets')));
      expect(JSON.stringify(vendor.map((p) => p.rule))).assertEqual('["arkts-no-aliases-by-index"]');
    });
    it('names the missing @Watch method', 0, () => {
      expect(problemsOf('WatchMissingMethod.ets')[0].message).assertContain("@Watch('onCountChanged')");
    });
    it('says what to add when a resource is missing', 0, () => {
      expect(problemsOf('UnknownResource.ets')[0].message).assertContain("add 'fixture_lable' to resources/base/element/string.json");
    });
    it('suggests the right attribute name for a misspelling', 0, () => {
      expect(problemsOf('MisspelledAttribute.ets')[0].message).assertContain("Did you mean 'fontColor'?");
    });
  });
}
