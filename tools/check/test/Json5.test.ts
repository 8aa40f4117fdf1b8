// SPDX-License-Identifier: Apache-2.0
// The one JSON5 reader (tools/check/json5.js) that the checker, the upstream runner, the doc-sample checks and
// the host tests read DevEco's config files with: what DevEco's files contain must read, and a broken file must
// be reported with the place where it breaks.
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { parseJson5, readJson5 } = require('../json5');

interface Parsed { value?: Record<string, Object>; error?: string; line?: number; column?: number; }

export default function json5Test() {
  describe('Json5', () => {
    it('reads comments after a value, block comments, trailing commas, unquoted keys and single quotes', 0, () => {
      const text = [
        '{',
        '  // a whole-line comment',
        '  "name": "@zegocallkit/components", // the ohpm name',
        '  /* a block */ "dependencies": { "lib": "file:../lib", },',
        "  version: '1.0.0',",
        '  "url": "https://example.com/a//b",',
        '}',
      ].join('\n');
      const parsed = parseJson5(text) as Parsed;
      expect(parsed.error).assertUndefined();
      expect(JSON.stringify(parsed.value)).assertEqual(JSON.stringify({
        name: '@zegocallkit/components', dependencies: { lib: 'file:../lib' }, version: '1.0.0',
        url: 'https://example.com/a//b',
      }));
    });

    it('says where text that is not JSON5 stops parsing', 0, () => {
      const missingComma = parseJson5('{\n  "a": 1\n  "b": 2\n}') as Parsed;
      expect(missingComma.value).assertUndefined();
      expect(`${missingComma.line}:${missingComma.column} ${missingComma.error}`).assertEqual("3:3 ',' expected.");
      expect((parseJson5('{ "a": 1 /* never closed') as Parsed).error).assertEqual("'*/' expected.");
      expect((parseJson5('   ') as Parsed).error).assertEqual('there is no value');
    });

    it('names the file and the position when a file does not parse', 0, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'json5-'));
      const file = path.join(dir, 'module.json5');
      fs.writeFileSync(file, '{ "module": { "name": "entry" }');
      let message = '';
      try {
        readJson5(file);
      } catch (e) {
        message = (e as Error).message;
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      expect(message).assertEqual(`${file}:1:32: '}' expected.`);
    });
  });
}
