// SPDX-License-Identifier: Apache-2.0
// The parts of `npm run check:upstream` that run without the upstream sources: what it says and does when they
// are missing, the resource table it generates, how it reads the loader's messages, the accepted-warning list
// and the gesture summary the host transform is compared with.
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { resourceTable } = require('../resource-table');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { parseLoaderProblem } = require('../problems');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { acceptedEntry } = require('../cli');
// eslint-disable-next-line @typescript-eslint/no-var-requires
const { gestureSummary } = require('../gesture-summary');

const ROOT = path.join(__dirname, '..', '..', '..');
const CLI = path.join(__dirname, '..', 'cli.js');

function runCli(env: Record<string, string | undefined>): { code: number | null; out: string } {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (k !== 'OHOS_ETS_SDK' && v !== undefined) clean[k] = v;
  for (const [k, v] of Object.entries(env)) if (v !== undefined) clean[k] = v;
  const r = spawnSync(process.execPath, [CLI], { encoding: 'utf8', env: clean });
  return { code: r.status, out: r.stdout + r.stderr };
}

export default function upstreamDriverTest() {
  describe('UpstreamDriver', () => {
    it('says what it needs and exits 0 when OHOS_ETS_SDK is not set', 0, () => {
      const r = runCli({});
      expect(r.code).assertEqual(0);
      expect(r.out).assertContain('OHOS_ETS_SDK is not set');
      expect(r.out).assertContain('tools/upstream/setup.sh');
      expect(r.out).assertContain('OpenHarmony-6.0-Release');
    });
    it('names every missing piece of an incomplete SDK folder and still exits 0', 0, () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zck-empty-sdk-'));
      fs.mkdirSync(path.join(dir, 'api'));
      fs.writeFileSync(path.join(dir, 'api', '@ohos.hilog.d.ts'), '');
      const r = runCli({ OHOS_ETS_SDK: dir });
      fs.rmSync(dir, { recursive: true, force: true });
      expect(r.code).assertEqual(0);
      expect(r.out).assertContain('missing build-tools/ets-loader/main.js');
      expect(r.out).assertContain('missing component/common.d.ts');
      expect(r.out.includes('missing api/@ohos.hilog.d.ts')).assertFalse();
    });
    it('generates one numbered resource-table line per resource, the HAP\'s own first', 0, () => {
      const table: string = resourceTable([
        path.join(ROOT, 'demo', 'src', 'main', 'resources'),
        path.join(ROOT, 'components', 'src', 'main', 'resources'),
      ]);
      const lines = table.trim().split('\n');
      expect(lines[0]).assertContain(' 16777216');
      expect(table).assertContain('\nstring zck_hang_up ');
      expect(table).assertContain('\nmedia zck_ic_mic ');
      expect(table).assertContain('profile main_pages ');
      const ids = lines.map((l: string) => l.split(' ')[2]);
      expect(new Set(ids).size).assertEqual(lines.length);
      expect(lines.every((l: string) => /^\w+ \w+ \d+$/.test(l))).assertTrue();
    });
    it('reads a coded loader error with its position, and names the TS code of a plain warning', 0, () => {
      const err = parseLoaderProblem({ source: '109', severity: 'error', text: 'A page can contain at most 10 \'@Preview\' decorators.',
        code: '10905404', file: 'File: /x/P.ets' });
      expect(err.code).assertEqual('10905404');
      expect(err.file).assertEqual('/x/P.ets');
      const warn = parseLoaderProblem({ source: 'etsChecker', severity: 'warning',
        text: '\u001b[33mArkTS:WARN File: /x/A.ets:25:5\n Function may throw exceptions. Special handling is required.\n' });
      expect(`${warn.file}:${warn.line}:${warn.col} ${warn.code}`).assertEqual('/x/A.ets:25:5 TS28040');
      expect(warn.message).assertEqual('Function may throw exceptions. Special handling is required.');
      expect(parseLoaderProblem({ source: 'etsChecker', severity: 'warning', text: 'ArkTS:WARN: For details about ArkTS syntax errors, see FAQs' })).assertUndefined();
    });
    it('accepts only the listed warning, in the listed file, with the exact message', 0, () => {
      const file = path.join(ROOT, 'demo', 'src', 'main', 'ets', 'common', 'BackgroundKeeper.ets');
      const message = "The system capacity of this api 'backgroundTaskManager' is not supported on all devices";
      expect(acceptedEntry({ file, message, severity: 'warning' }) !== undefined).assertTrue();
      expect(acceptedEntry({ file, message, severity: 'error' })).assertUndefined();
      expect(acceptedEntry({ file: path.join(ROOT, 'demo', 'Other.ets'), message, severity: 'warning' })).assertUndefined();
      expect(acceptedEntry({ file, message: message + '!', severity: 'warning' })).assertUndefined();
    });
    it('summarises the gestures a ViewPU output keeps, and an empty gesture as empty', 0, () => {
      const js = [
        'Gesture.create(GesturePriority.Low);', 'PanGesture.create({ fingers: 1 });', 'PanGesture.onActionUpdate((e) => {', '});',
        'PanGesture.pop();', 'Gesture.pop();',
        'Gesture.create(GesturePriority.High);', 'GestureGroup.create(GestureMode.Exclusive);', 'TapGesture.create();',
        'TapGesture.onAction(() => {', '});', 'TapGesture.pop();', 'GestureGroup.pop();', 'Gesture.pop();',
        'Gesture.create(GesturePriority.Low);', 'Gesture.pop();',
      ].join('\n');
      expect(JSON.stringify(gestureSummary(js))).assertEqual(JSON.stringify([
        { attribute: 'gesture', kind: 'PanGesture', handlers: ['onActionUpdate'] },
        { attribute: 'priorityGesture', kind: 'GestureGroup', members: [{ kind: 'TapGesture', handlers: ['onAction'] }] },
        { attribute: 'gesture', empty: true },
      ]));
    });
  });
}
