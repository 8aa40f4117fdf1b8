// SPDX-License-Identifier: Apache-2.0
// Host rendering calls aboutToAppear once per child instance, reuses instances across rebuilds, and calls
// aboutToDisappear when a child is no longer built or the root is unmounted.
import { describe, it, expect } from '@ohos/hypium';
import { render } from '../harness';
import { Conditional } from '../fixtures/src/main/ets/Conditional';
import { KeyedList } from '../fixtures/src/main/ets/KeyedList';

export default function renderLifecycleTest() {
  describe('HostRenderLifecycle', () => {
    it('calls aboutToAppear once per child, not again on a rebuild', 0, () => {
      const h = render(Conditional);
      const header = h.find('Tracked').view;
      h.rerender();
      h.rerender();
      expect(h.root.log.join()).assertEqual('appear:header,appear:details');
      expect(h.find('Tracked').view === header).assertTrue();
    });
    it('calls aboutToDisappear when an if stops building a child, and appears anew when it comes back', 0, () => {
      const h = render(Conditional);
      h.fire('toggle', 'onClick');
      expect(h.root.log.join()).assertEqual('appear:header,appear:details,disappear:details');
      h.fire('toggle', 'onClick');
      expect(h.root.log.join()).assertEqual('appear:header,appear:details,disappear:details,appear:details');
    });
    it('calls aboutToDisappear only for the ForEach item that was removed', 0, () => {
      const h = render(KeyedList, { items: ['a', 'b', 'c'] });
      h.root.items = ['a', 'c'];
      h.rerender();
      expect(h.root.log.join()).assertEqual('appear:a,appear:b,appear:c,disappear:b');
    });
    it('calls aboutToDisappear for every child when the root is unmounted', 0, () => {
      const h = render(Conditional);
      h.unmount();
      expect(h.root.log.join()).assertEqual('appear:header,appear:details,disappear:header,disappear:details');
    });
  });
}
