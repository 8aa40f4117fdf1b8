// SPDX-License-Identifier: Apache-2.0
// The host transform keeps exactly the gestures ets-loader keeps: the fixtures in fixtures/gesture are compiled
// by both, and what the host renders is compared with upstream-gestures.json, the summary of ets-loader's output
// for the same files (`npm run check:upstream` checks that summary against ets-loader itself).
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';
import { render, HostNode } from '../harness';

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { transpile } = require('../../register');

const DIR = path.join(__dirname, 'fixtures', 'gesture');
const UPSTREAM = JSON.parse(fs.readFileSync(path.join(DIR, 'upstream-gestures.json'), 'utf8')) as Record<string, object[]>;

interface GestureRecord {
  gesture: string;
  handlers: Record<string, Function>;
  members?: GestureRecord[];
}
interface Summary {
  attribute: string;
  kind: string;
  handlers?: string[];
  members?: Summary[];
}

/** A host gesture record in the shape of gesture-summary.js (without the attribute). */
function summarise(g: GestureRecord): Omit<Summary, 'attribute'> {
  if (g.gesture === 'GestureGroup') return { kind: g.gesture, members: (g.members || []).map(summarise) };
  return { kind: g.gesture, handlers: Object.keys(g.handlers).sort() };
}

/** Every gesture attribute the rendered tree holds, as sorted JSON lines (upstream's order is emission order). */
function hostGestures(nodes: HostNode[]): string[] {
  const out: string[] = [];
  for (const node of nodes) {
    for (const a of node.attrs) {
      if (a.name === 'gesture' || a.name === 'priorityGesture' || a.name === 'parallelGesture') {
        out.push(JSON.stringify(Object.assign({ attribute: a.name }, summarise(a.args[0] as GestureRecord))));
      }
    }
  }
  return out.sort();
}

function load(file: string): Record<string, unknown> {
  const full = path.join(DIR, 'src', 'main', 'ets', file);
  const module = { exports: {} as Record<string, unknown> };
  new Function('exports', 'require', 'module', transpile(full, fs.readFileSync(full, 'utf8')))(module.exports, require, module);
  return module.exports;
}

export default function gestureFixtureTest() {
  describe('HostGestureTransform', () => {
    it('keeps every gesture written inline with the handlers ets-loader keeps', 0, () => {
      const h = render(load('InlineGesture.ets').InlineGesture as never);
      const want = (UPSTREAM['InlineGesture.ets'] as object[]).map((g) => JSON.stringify(g)).sort();
      expect(JSON.stringify(hostGestures(h.all()))).assertEqual(JSON.stringify(want));
      h.unmount();
    });
    it('runs the handlers of an inline gesture, also inside a gesture group', 0, () => {
      const h = render(load('InlineGesture.ets').InlineGesture as never);
      const pan = h.attr(h.find('pan'), 'gesture') as GestureRecord;
      pan.handlers.onActionUpdate({ offsetX: 12 });
      const group = h.attr(h.find('group'), 'gesture') as GestureRecord;
      (group.members as GestureRecord[])[0].handlers.onAction();
      h.rerender();
      const root = h.root as unknown as Record<string, number>;
      expect(root.dragged).assertEqual(12);
      expect(root.taps).assertEqual(2);
      h.unmount();
    });
    it('refuses a gesture returned by a method, which ets-loader compiles to an empty gesture', 0, () => {
      expect(JSON.stringify(UPSTREAM['GestureThroughMethod.ets'])).assertEqual('[{"attribute":"gesture","empty":true}]');
      let message = '';
      try {
        load('GestureThroughMethod.ets');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).assertContain('GestureThroughMethod.ets:19:14');
      expect(message).assertContain('ets-loader compiles it to an empty gesture');
    });
  });
}
