// SPDX-License-Identifier: Apache-2.0
// The HAR's consumer obfuscation rules must keep every public name; they are generated from Index.ets, and
// this test fails when someone exports something without regenerating them.
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const rules = require('../consumer-rules');

export default function consumerRulesTest() {
  describe('ConsumerRules', () => {
    it('keeps every name Index.ets exports (run `node tools/check/consumer-rules.js --write` after exporting)', 0, () => {
      expect(fs.readFileSync(rules.RULES, 'utf8') === rules.render()).assertTrue();
    });
    it('keeps the props app authors pass to the components', 0, () => {
      const text: string = rules.render();
      for (const prop of ['streamID', 'provider', 'buttons', 'onAction', 'showWhenGood', 'userName']) {
        expect(text).assertContain(`\n${prop}\n`);
      }
    });
  });
}
