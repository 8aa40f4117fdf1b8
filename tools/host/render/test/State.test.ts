// SPDX-License-Identifier: Apache-2.0
// Host rendering keeps ArkUI's state rules: @State, @Watch, @Link, @Prop, @Provide/@Consume, AppStorage
// decorators and $$ bindings behave as a user would see them after a click and a rebuild.
import { describe, it, expect } from '@ohos/hypium';
import { render } from '../harness';
import { ClickCounter } from '../fixtures/src/main/ets/ClickCounter';
import { LinkPair, LinkedStepper } from '../fixtures/src/main/ets/LinkPair';
import { ThemeRoot } from '../fixtures/src/main/ets/ThemeRoot';
import { StorageBadge } from '../fixtures/src/main/ets/StorageBadge';
import { Styled } from '../fixtures/src/main/ets/Styled';

function clearStorage(): void {
  AppStorage.delete('render.connected');
  AppStorage.delete('render.quality');
}

export default function renderStateTest() {
  describe('HostRenderState', () => {
    it('shows the new count after the increment button is clicked', 0, () => {
      const h = render(ClickCounter);
      expect(h.textOf('count')).assertEqual('Count: 0');
      h.fire('increment', 'onClick');
      h.fire('increment', 'onClick');
      expect(h.textOf('count')).assertEqual('Count: 2');
      expect(h.text('count')).assertEqual('app.string.render_count');
    });
    it('runs a @Watch method on each assignment but not at initialisation', 0, () => {
      const h = render(ClickCounter);
      expect(h.root.watchCalls).assertEqual(0);
      h.fire('increment', 'onClick');
      expect(h.root.watchCalls).assertEqual(1);
      h.root.count = 1;
      expect(h.root.watchCalls).assertEqual(1);
    });
    it('flips the mute button label and the old label is gone', 0, () => {
      const h = render(ClickCounter);
      expect(h.textOf('mute')).assertEqual('Mute');
      h.fire('mute', 'onClick');
      expect(h.textOf('mute')).assertEqual('Unmute');
      expect(h.texts().includes('Mute')).assertFalse();
    });
    it('starts from the options a parent would pass', 0, () => {
      const h = render(ClickCounter, { count: 41 });
      h.fire('increment', 'onClick');
      expect(h.textOf('count')).assertEqual('Count: 42');
    });
    it('lets a child write the parent state through @Link passed as this.x or $x', 0, () => {
      const h = render(LinkPair);
      h.fire('byThis', 'onClick');
      expect(h.root.total).assertEqual(1);
      h.fire('byDollar', 'onClick');
      expect(h.root.total).assertEqual(11);
      expect(h.textOf('total')).assertEqual('Count: 11');
    });
    it('lets a test own the state behind a root @Link', 0, () => {
      let total = 40;
      const h = render(LinkedStepper, { step: 2, stepId: 'step' }, {
        value: { get: () => total, set: (v: unknown) => { total = v as number; } },
      });
      h.fire('step', 'onClick');
      expect(total).assertEqual(42);
      expect(h.root.value).assertEqual(42);
    });
    it('updates a @Prop from the parent while a local write stays local', 0, () => {
      const h = render(LinkPair);
      h.fire('bigger', 'onClick');
      expect(h.textOf('step')).assertEqual('5');
      h.fire('byThis', 'onClick');
      expect(h.root.total).assertEqual(5);
      h.fire('step', 'onClick');
      expect(h.textOf('step')).assertEqual('100');
      expect(h.root.step).assertEqual(5);
      h.rerender();
      expect(h.textOf('step')).assertEqual('100');
    });
    it('lets a grandchild read and write the nearest @Provide through @Consume', 0, () => {
      const h = render(ThemeRoot);
      expect(h.textOf('theme')).assertEqual('light');
      h.fire('theme', 'onClick');
      expect(h.root.theme).assertEqual('dark');
      expect(h.textOf('theme')).assertEqual('dark');
    });
    it('creates missing AppStorage keys from the @StorageLink/@StorageProp defaults', 0, () => {
      clearStorage();
      const h = render(StorageBadge);
      expect(AppStorage.get<boolean>('render.connected')).assertFalse();
      expect(AppStorage.get<number>('render.quality')).assertEqual(3);
      expect(h.textOf('status')).assertEqual('Offline');
    });
    it('shows AppStorage through @StorageLink and writes a click back to it', 0, () => {
      clearStorage();
      AppStorage.setOrCreate('render.connected', true);
      const h = render(StorageBadge);
      expect(h.textOf('status')).assertEqual('Connected');
      h.fire('toggle', 'onClick');
      expect(AppStorage.get<boolean>('render.connected')).assertFalse();
      expect(h.textOf('status')).assertEqual('Offline');
      AppStorage.set('render.connected', true);
      h.rerender();
      expect(h.textOf('status')).assertEqual('Connected');
    });
    it('follows AppStorage in a @StorageProp but keeps local writes out of AppStorage', 0, () => {
      clearStorage();
      const h = render(StorageBadge);
      h.fire('lower', 'onClick');
      expect(h.textOf('quality')).assertEqual('1');
      expect(AppStorage.get<number>('render.quality')).assertEqual(3);
      AppStorage.set('render.quality', 4);
      h.rerender();
      expect(h.textOf('quality')).assertEqual('4');
    });
    it('writes user input back to the state bound with $$', 0, () => {
      const h = render(Styled);
      h.write('query', 'text', 'ada');
      expect(h.root.query).assertEqual('ada');
      expect(h.textOf('query')).assertEqual('ada');
      h.write('switch', 'isOn', true);
      expect(h.root.on).assertTrue();
    });
  });
}
