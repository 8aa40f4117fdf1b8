// SPDX-License-Identifier: Apache-2.0
// Host rendering propagates changes element by element as ArkUI V1 does (state_mgmt's ViewPU and observed
// properties): an element re-renders only when a state variable it read notifies; an @Observed class without
// @Track notifies every reader of the object, @Track only the readers of the written field, and reading an
// untracked field on the UI throws; a @Prop compares primitives by value and counts any object as changed; an
// @ObjectLink compares by reference; plain fields go stale. Each rule is measured with measure().
import { describe, it, expect } from '@ohos/hypium';
import { measure, render } from '../harness';
import {
  CardHolder, HiddenReader, TrackedCard, TrackedModel, WholeCard, WholeModel
} from '../fixtures/src/main/ets/Observation';
import { Dependencies, PropParent, WritesInBuild } from '../fixtures/src/main/ets/Propagation';

export default function renderPropagationTest() {
  describe('HostRenderPropagation', () => {
    it('re-renders every element that read an @Observed object without @Track when any field is written', 0, () => {
      const card = new WholeModel();
      const h = render(WholeCard, { card });
      const m = measure(() => { card.level = 1; });
      expect(m.describe()).assertEqual("WholeCard Text 'name' (same)\nWholeCard Text 'level' (changed)");
      expect(h.textOf('level')).assertEqual('1');
    });
    it('re-renders nothing when a field is written with the value it has', 0, () => {
      const card = new WholeModel();
      render(WholeCard, { card });
      expect(measure(() => { card.level = 0; }).updated).assertEqual(0);
    });
    it('re-renders only the elements that read the written field of a class with @Track', 0, () => {
      const card = new TrackedModel('Ada', 0);
      const h = render(TrackedCard, { card });
      const m = measure(() => { card.level = 3; });
      expect(m.describe()).assertEqual("TrackedCard Text 'trackedLevel' (changed)");
      expect(h.textOf('trackedLevel')).assertEqual('3');
    });
    it('re-renders nothing when a field without @Track is written', 0, () => {
      const card = new TrackedModel('Ada', 0);
      render(TrackedCard, { card });
      expect(measure(() => { card.hidden = 9; }).updated).assertEqual(0);
    });
    it('throws as a device does when build() shows a field without @Track of a class with @Track fields', 0, () => {
      let message = '';
      try {
        render(HiddenReader, { card: new TrackedModel('Ada', 0) });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).assertContain("Illegal usage of not @Track'ed property 'hidden' on UI!");
    });
    it('lets code outside build() read a field without @Track', 0, () => {
      const card = new TrackedModel('Ada', 0);
      render(TrackedCard, { card });
      card.hidden = 4;
      expect(card.hidden).assertEqual(4);
    });
    it('re-runs a parent element that passes a held object, and runs the @Watch of the variable', 0, () => {
      const h = render(CardHolder);
      const m = measure(() => { h.root.whole.level = 2; });
      // The parent's @State notifies its readers (the name Text and the child's element); the child's
      // @ObjectLink notifies the child's readers. The same object is passed again: the child is not reset.
      expect(m.describe()).assertEqual([
        "CardHolder Text 'holderName' (same)", 'CardHolder WholeCard #' + m.updates[1].element + ' (same)',
        "WholeCard Text 'name' (same)", "WholeCard Text 'level' (changed)"].join('\n'));
      expect(h.root.watchCalls).assertEqual(1);
    });
    it('updates only the differing @Track fields when a new object of the class replaces the held one', 0, () => {
      const h = render(CardHolder);
      const m = measure(() => { h.root.tracked = new TrackedModel('Ada', 5); });
      expect(m.updates.filter((u) => u.component === 'TrackedCard').map((u) => u.id).join()).assertEqual('trackedLevel');
      expect(h.textOf('trackedLevel')).assertEqual('5');
    });
    it('leaves a child with a primitive @Prop alone when the parent passes the same value', 0, () => {
      const h = render(PropParent);
      const m = measure(() => { h.root.count = 2; });
      expect(m.updates.some((u) => u.component === 'EvenLabel')).assertFalse();
      expect(h.textOf('evenLabel')).assertEqual('even');
    });
    it('counts a Resource @Prop as changed on every parent render, even the same constant', 0, () => {
      const h = render(PropParent);
      h.warnings();
      const m = measure(() => { h.root.count = 2; });
      const tinted = m.updates.filter((u) => u.component === 'TintedLabel');
      expect(tinted.length).assertEqual(2);
      expect(tinted.every((u) => !u.changed)).assertTrue();
    });
    it('reports a Resource @Prop as an object whose class lacks @Observed', 0, () => {
      const h = render(PropParent);
      const warnings = h.warnings().filter((w) => w.includes('TintedLabel.tint'));
      expect(warnings.length).assertEqual(2);
      expect(warnings[0]).assertContain('lacks @Observed class decorator');
    });
    it('leaves a plain field at its first value, and stale() names it', 0, () => {
      const h = render(PropParent);
      h.root.label = 'second';
      expect(h.textOf('plainLabel')).assertEqual('first');
      expect(h.stale().join('\n')).assertContain('PlainLabel.label (plain field) holds string:first, the parent now passes string:second');
    });
    it('finds nothing stale in a tree whose changes all went through observed variables', 0, () => {
      const h = render(PropParent);
      h.root.count = 3;
      expect(h.stale().join('\n')).assertEqual('');
      expect(h.textOf('tintedOdd')).assertEqual('odd');
    });
    it('keeps a dependency on a variable an element read once, as ArkUI drops it only with the element', 0, () => {
      const h = render(Dependencies);
      h.root.useA = false;
      expect(h.textOf('either')).assertEqual('b');
      const m = measure(() => { h.root.a = 'A'; });
      expect(m.describe()).assertEqual("Dependencies Text 'either' (same)");
    });
    it('does not update an element that the same change removes', 0, () => {
      const h = render(Dependencies);
      const m = measure(() => { h.fire('hide', 'onClick'); });
      expect(m.updated).assertEqual(1);
      expect(m.updates[0].type).assertEqual('If');
      expect(m.deleted).assertEqual(1);
      expect(h.query('label')).assertUndefined();
    });
    it('reports a state change made while building', 0, () => {
      const h = render(WritesInBuild);
      expect(h.warnings().join('\n')).assertContain("state variable 'renders' has changed during render");
    });
  });
}
