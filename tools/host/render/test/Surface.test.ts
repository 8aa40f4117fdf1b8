// SPDX-License-Identifier: Apache-2.0
// Host rendering records XComponent and Canvas with their options, so a test can fire onLoad/onDestroy/
// onReady and see what the component did with the surface id or the drawing context.
import { describe, it, expect } from '@ohos/hypium';
import { render } from '../harness';
import { SurfaceSink, VideoSurface } from '../fixtures/src/main/ets/VideoSurface';
import { TestPattern } from '../fixtures/src/main/ets/TestPattern';

class RecordingSink implements SurfaceSink {
  events: string[] = [];
  bind(surfaceId: string): void { this.events.push(`bind ${surfaceId}`); }
  unbind(surfaceId: string): void { this.events.push(`unbind ${surfaceId}`); }
}

export default function renderSurfaceTest() {
  describe('HostRenderSurface', () => {
    it('binds the surface id to the sink when the XComponent loads and unbinds it when destroyed', 0, () => {
      const sink = new RecordingSink();
      const h = render(VideoSurface, { sink });
      expect(sink.events.length).assertEqual(0);
      h.fire('preview', 'onLoad');
      h.fire('preview', 'onDestroy');
      expect(sink.events.join()).assertEqual('bind surface-1,unbind surface-1');
    });
    it('records the XComponent options a test can check', 0, () => {
      const h = render(VideoSurface);
      const options = h.find('XComponent').args[0] as Record<string, unknown>;
      expect(options.id).assertEqual('preview');
      expect(options.type).assertEqual('XComponentType.SURFACE');
      expect(h.attr('preview', 'width')).assertEqual('100%');
    });
    it('refuses to fire an event the node has no handler for, naming the ones it has', 0, () => {
      const h = render(VideoSurface);
      let message = '';
      try {
        h.fire('preview', 'onClick');
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).assertContain("XComponent 'preview' has no onClick handler (it has: onLoad, onDestroy)");
    });
    it('records what the canvas draws when it is ready', 0, () => {
      const h = render(TestPattern);
      const context = h.find('pattern').args[0] as { calls: [string, unknown[]][] };
      expect(context.calls.length).assertEqual(0);
      h.fire('pattern', 'onReady');
      expect(JSON.stringify(context.calls)).assertEqual(JSON.stringify([
        ['fillStyle=', ['#FFFFFF']], ['fillRect', [0, 0, 10, 120]], ['fillStyle=', ['#000000']], ['fillRect', [10, 0, 10, 120]],
      ]));
    });
  });
}
