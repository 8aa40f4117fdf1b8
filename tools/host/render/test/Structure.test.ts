// SPDX-License-Identifier: Apache-2.0
// Host rendering records the tree a build describes: if/else, keyed ForEach, @Builder and @BuilderParam,
// global @Extend/@Styles, resources, and a readable snapshot.
import { describe, it, expect } from '@ohos/hypium';
import { render } from '../harness';
import { ClickCounter } from '../fixtures/src/main/ets/ClickCounter';
import { Conditional } from '../fixtures/src/main/ets/Conditional';
import { KeyedList } from '../fixtures/src/main/ets/KeyedList';
import { Slots } from '../fixtures/src/main/ets/Slots';
import { Styled } from '../fixtures/src/main/ets/Styled';

export default function renderStructureTest() {
  describe('HostRenderStructure', () => {
    it('prints a snapshot with arguments, attributes and resource names', 0, () => {
      const h = render(ClickCounter);
      expect(h.snapshot()).assertEqual([
        '<ClickCounter>',
        '  Column()',
        '    Text($r("app.string.render_count", 0)).id("count")',
        '    Button($r("app.string.render_increment")).id("increment").onClick(fn)',
        '    Button($r("app.string.render_mute")).id("mute").onClick(fn)',
      ].join('\n'));
    });
    it('swaps the if branch for the else branch after a click', 0, () => {
      const h = render(Conditional);
      expect(h.query('details') !== undefined).assertTrue();
      expect(h.query('empty')).assertUndefined();
      h.fire('toggle', 'onClick');
      expect(h.query('details')).assertUndefined();
      expect(h.textOf('empty')).assertEqual('Nothing yet');
    });
    it('renders a ForEach in item order, with or without a key generator', 0, () => {
      const h = render(KeyedList, { items: ['a', 'b', 'c'], tags: ['x', 'y'] });
      expect(h.find('list').children.map((n) => n.type).join()).assertEqual('Tracked,Tracked,Tracked');
      expect(h.texts().join()).assertEqual('a,b,c,x,y');
    });
    it('keeps each keyed ForEach child instance when items are reordered', 0, () => {
      const h = render(KeyedList, { items: ['a', 'b', 'c'] });
      const before = h.findAll('Tracked').map((n) => n.view);
      h.root.items = ['c', 'a', 'b'];
      h.rerender();
      const after = h.findAll('Tracked').map((n) => n.view);
      expect(after[0] === before[2] && after[1] === before[0] && after[2] === before[1]).assertTrue();
      expect(h.root.log.join()).assertEqual('appear:a,appear:b,appear:c');
    });
    it('fills a @BuilderParam from a trailing closure, from an option, or with its default', 0, () => {
      const h = render(Slots);
      expect(h.textOf(h.find('closure').children[0])).assertEqual('first');
      expect(h.textOf(h.find('option').children[0])).assertEqual('first');
      expect(h.textOf(h.find('default').children[0])).assertEqual('Nothing yet');
      h.root.title = 'second';
      h.rerender();
      expect(h.textOf(h.find('closure').children[0])).assertEqual('second');
      expect(h.textOf(h.find('option').children[0])).assertEqual('second');
    });
    it('records what a global @Builder function builds where it is called', 0, () => {
      const h = render(Slots);
      expect(h.textOf('caption')).assertEqual('Title');
      expect(h.tree.children[0].children[3].type).assertEqual('Text');
    });
    it('expands @Extend and @Styles functions and @Styles methods into their attributes', 0, () => {
      const h = render(Styled);
      expect(h.attr('title', 'fontSize')).assertEqual(14);
      expect((h.attr('title', 'fontColor') as Resource).params?.[0]).assertEqual('app.color.render_accent');
      expect(h.attr('query', 'padding')).assertEqual(8);
      expect(h.attr('query', 'borderRadius')).assertEqual(8);
      expect(h.attr('greeting', 'width')).assertEqual('100%');
    });
    it('resolves a formatted string resource with positional arguments', 0, () => {
      const h = render(Styled);
      expect(h.textOf('greeting')).assertEqual('Hello Ada, you have 2 calls');
    });
    it('records SDK enum members as readable strings', 0, () => {
      const h = render(Styled);
      const options = h.find('switch').args[0] as Record<string, unknown>;
      expect(options.type).assertEqual('ToggleType.Switch');
      expect(Color.White as unknown as string).assertEqual('Color.White');
      expect(HitTestMode.Transparent as unknown as string).assertEqual('HitTestMode.Transparent');
    });
    it('names the ids it has when a node is missing', 0, () => {
      const h = render(ClickCounter);
      let message = '';
      try {
        h.find('nope');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).assertContain("No node with id or type 'nope'");
      expect(message).assertContain('ids: count, increment, mute');
    });
  });
}
