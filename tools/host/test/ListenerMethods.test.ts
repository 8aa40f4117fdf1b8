// SPDX-License-Identifier: Apache-2.0
// The host tools' list of listener methods must stay equal to the CallEngineListener interface, or the
// benchmark and the fuzzer would silently miss a callback.
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';
import { LISTENER_METHODS } from '../testing/ListenerMethods';

export default function listenerMethodsTest() {
  describe('ListenerMethods', () => {
    it('lists exactly the methods of CallEngineListener, in order', 0, () => {
      const file = path.join(__dirname, '..', '..', '..', 'components', 'src', 'main', 'ets', 'engine', 'CallEngine.ets');
      const text = fs.readFileSync(file, 'utf8');
      const body = text.slice(text.indexOf('export interface CallEngineListener'), text.indexOf('export interface CallEngine {'));
      const names = Array.from(body.matchAll(/^\s+(on\w+)\(/gm)).map((m) => m[1]);
      expect(JSON.stringify(LISTENER_METHODS)).assertEqual(JSON.stringify(names));
    });
  });
}
