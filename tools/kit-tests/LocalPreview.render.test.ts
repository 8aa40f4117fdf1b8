// SPDX-License-Identifier: Apache-2.0
// Host render tests of LocalPreview on the simulated engine: the preview starts only once its XComponent has
// loaded and in that XComponent (on a device-like engine; on the simulated engine as soon as the view
// appears, without binding twice), stops when the view goes away, starts again when it comes back, and the
// tile is never blank: a test pattern on the simulated engine, and otherwise a placeholder that says why
// (including "Starting camera…" before the preview runs). What the host runtime does not model (layout,
// pixels, fine-grained reactivity): ./README.md.
import { describe, expect, it } from '@ohos/hypium';
import { HostNode, render, Rendered } from '../host/render/harness';
import { LocalPreview } from '../../components/src/main/ets/components/LocalPreview';
import {
  LOCAL_PREVIEW_ID_PREFIX, VIDEO_TILE_INITIALS, VIDEO_TILE_PLACEHOLDER, VIDEO_TILE_REASON, VIDEO_TILE_TEST_PATTERN,
  videoTilePartID
} from '../../components/src/main/ets/components/ComponentIds';
import { TEST_PATTERN_FRAME_MS } from '../../components/src/main/ets/components/internal/TestPattern';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';
import { VideoTileWorld, STEP } from './VideoTileWorld';

/** The XComponent's options as the component passed them. */
interface SurfaceOptions {
  id: string;
  type: string;
  libraryname: string;
}

/** A canvas context as the host records it. */
interface RecordedContext {
  calls: [string, unknown[]][];
}

function surfaceOf(h: Rendered<LocalPreview>): SurfaceOptions {
  return h.find('XComponent').args[0] as SurfaceOptions;
}

function part(h: Rendered<LocalPreview>, suffix: string): string {
  return videoTilePartID(surfaceOf(h).id, suffix);
}

function reasonOf(h: Rendered<LocalPreview>): string | undefined {
  return h.textOf(part(h, VIDEO_TILE_REASON));
}

/** The x of every full-height white bar (the sweep) the pattern drew. */
function sweepPositions(context: RecordedContext): number[] {
  const xs: number[] = [];
  for (let i = 1; i < context.calls.length; i++) {
    const [name, args] = context.calls[i];
    const [previous, previousArgs] = context.calls[i - 1];
    if (name === 'fillRect' && previous === 'fillStyle=' && previousArgs[0] === '#FFFFFF' && args[1] === 0) {
      xs.push(args[0] as number);
    }
  }
  return xs;
}

/** Mounts a preview and loads its surface. */
async function loaded(world: VideoTileWorld, props?: object): Promise<Rendered<LocalPreview>> {
  const h = render(LocalPreview, Object.assign({ provider: world.provider }, props || {}));
  h.fire(surfaceOf(h).id, 'onLoad');
  await world.wait(0);
  h.rerender();
  return h;
}

export default function localPreviewRenderTest() {
  describe('LocalPreview', () => {
    it('starts no preview before its XComponent has loaded on a device engine', 0, async (done: Function) => {
      const world = new VideoTileWorld('device');
      const h = render(LocalPreview, { provider: world.provider });
      await world.join();
      await world.wait(1000);
      h.rerender();
      expect(world.callsTo('startPreview').length).assertEqual(0);
      done();
    });

    it('renders a ZEGO surface with an id of its own', 0, () => {
      const world = new VideoTileWorld();
      const first = surfaceOf(render(LocalPreview, { provider: world.provider }));
      const second = surfaceOf(render(LocalPreview, { provider: world.provider }));
      expect(first.id.startsWith(LOCAL_PREVIEW_ID_PREFIX)).assertTrue();
      expect(first.id === second.id).assertFalse();
      expect(first.type).assertEqual('XComponentType.SURFACE');
      expect(first.libraryname).assertEqual('ZegoExpressEngine');
    });

    it('starts the preview in its own XComponent once that has loaded on a device engine', 0,
      async (done: Function) => {
        const world = new VideoTileWorld('device');
        const h = render(LocalPreview, { provider: world.provider });
        const id = surfaceOf(h).id;
        await world.wait(0);
        expect(world.callsTo('startPreview').length).assertEqual(0);
        h.fire(id, 'onLoad');
        await world.wait(0);
        expect(JSON.stringify(world.callsTo('startPreview'))).assertEqual(JSON.stringify([`startPreview(view:${id})`]));
        done();
      });

    it('starts the preview as soon as it appears on the simulated engine, and not again on onLoad', 0,
      async (done: Function) => {
        const world = new VideoTileWorld();
        const binds = world.recordBinds();
        const h = render(LocalPreview, { provider: world.provider });
        const id = surfaceOf(h).id;
        await world.wait(0);
        h.rerender();
        expect(JSON.stringify(world.callsTo('startPreview'))).assertEqual(JSON.stringify([`startPreview(view:${id})`]));
        expect(h.query(part(h, VIDEO_TILE_TEST_PATTERN)) !== undefined).assertTrue();
        h.fire(id, 'onLoad');
        await world.wait(STEP);
        expect(binds).assertDeepEquals([`preview ${id}`]);
        expect(world.callsTo('startPreview').length).assertEqual(1);
        h.unmount();
        expect(world.callsTo('stopPreview').length).assertEqual(1);
        done();
      });

    it('says the camera is starting until the preview runs, and that the video ended once the call has', 0,
      async (done: Function) => {
        const world = new VideoTileWorld('device');
        await world.join();
        const h = render(LocalPreview, { provider: world.provider, userName: 'Ada Lovelace' });
        expect(reasonOf(h)).assertEqual('Starting camera…');
        expect(h.textOf(part(h, VIDEO_TILE_INITIALS))).assertEqual('AL');
        h.fire(surfaceOf(h).id, 'onLoad');
        await world.wait(0);
        h.rerender();
        expect(world.session.model.local.previewing).assertTrue();
        expect(h.query(part(h, VIDEO_TILE_PLACEHOLDER))).assertUndefined();
        const leaving = world.session.leave();
        await world.wait(STEP * 4);
        await leaving;
        h.rerender();
        expect(world.session.model.local.previewing).assertFalse();
        expect(reasonOf(h)).assertEqual('Video has ended');
        done();
      });

    it('says the camera is starting while the simulated engine is being created', 0, () => {
      const world = new VideoTileWorld();
      const h = render(LocalPreview, { provider: world.provider });
      expect(world.session.model.local.previewing).assertFalse();
      expect(reasonOf(h)).assertEqual('Starting camera…');
      expect(h.query(part(h, VIDEO_TILE_TEST_PATTERN))).assertUndefined();
    });

    it('stops the preview when it goes away, and starts it again in the new surface when it comes back', 0,
      async (done: Function) => {
        const world = new VideoTileWorld();
        await world.join();
        const first = await loaded(world);
        first.unmount();
        expect(world.callsTo('stopPreview').length).assertEqual(1);
        const second = await loaded(world);
        const id = surfaceOf(second).id;
        expect(world.callsTo('startPreview').length).assertEqual(2);
        expect(world.callsTo('startPreview')[1]).assertEqual(`startPreview(view:${id})`);
        expect(world.sim.previewView()).assertEqual(id);
        done();
      });

    it('finds the provider the app installed when none is given', 0, async (done: Function) => {
      const world = new VideoTileWorld();
      EngineProvider.install(world.provider);
      try {
        const h = render(LocalPreview);
        h.fire(surfaceOf(h).id, 'onLoad');
        await world.wait(0);
        expect(world.callsTo('startPreview').length).assertEqual(1);
      } finally {
        EngineProvider.uninstall();
      }
      done();
    });

    it('shows a moving test pattern on the simulated engine once the preview runs', 0, async (done: Function) => {
      const world = new VideoTileWorld();
      const h = render(LocalPreview, { provider: world.provider });
      expect(h.query(part(h, VIDEO_TILE_TEST_PATTERN))).assertUndefined();
      h.fire(surfaceOf(h).id, 'onLoad');
      await world.wait(0);
      h.rerender();
      const canvasID = part(h, VIDEO_TILE_TEST_PATTERN);
      const context = h.find(canvasID).args[0] as RecordedContext;
      h.fire(canvasID, 'onReady');
      world.clock.advance(TEST_PATTERN_FRAME_MS * 3);
      const xs = sweepPositions(context);
      expect(xs.length).assertEqual(4);
      expect(xs[1] > xs[0] && xs[2] > xs[1] && xs[3] > xs[2]).assertTrue();
      expect(h.query(part(h, VIDEO_TILE_PLACEHOLDER))).assertUndefined();
      done();
    });

    it('stops the test pattern timer when it goes away', 0, async (done: Function) => {
      const world = new VideoTileWorld();
      const h = await loaded(world);
      const canvasID = part(h, VIDEO_TILE_TEST_PATTERN);
      const context = h.find(canvasID).args[0] as RecordedContext;
      h.fire(canvasID, 'onReady');
      expect(world.clock.intervalsOf(TEST_PATTERN_FRAME_MS)).assertEqual(1);
      h.unmount();
      expect(world.clock.intervalsOf(TEST_PATTERN_FRAME_MS)).assertEqual(0);
      const drawn = context.calls.length;
      world.clock.advance(TEST_PATTERN_FRAME_MS * 10);
      expect(context.calls.length).assertEqual(drawn);
      done();
    });

    it('mirrors the front camera picture and not the back camera one; the SDK mirrors the real surface', 0,
      async (done: Function) => {
        const world = new VideoTileWorld();
        const h = await loaded(world);
        const scale = h.attr(part(h, VIDEO_TILE_TEST_PATTERN), 'scale') as { x: number };
        expect(scale.x).assertEqual(-1);
        expect(h.attr('XComponent', 'scale')).assertUndefined();
        world.session.switchCamera();
        h.rerender();
        expect((h.attr(part(h, VIDEO_TILE_TEST_PATTERN), 'scale') as { x: number }).x).assertEqual(1);
        done();
      });

    it('says the camera is off instead of showing a black tile, and shows the picture again when it is on', 0,
      async (done: Function) => {
        const world = new VideoTileWorld();
        await world.join();
        const h = await loaded(world, { userName: 'Ada Lovelace' });
        world.session.setCameraOn(false);
        h.rerender();
        expect(reasonOf(h)).assertEqual('Camera is off');
        expect(h.textOf(part(h, VIDEO_TILE_INITIALS))).assertEqual('AL');
        expect(h.query(part(h, VIDEO_TILE_TEST_PATTERN))).assertUndefined();
        world.session.setCameraOn(true);
        await world.wait(STEP);
        h.rerender();
        expect(h.query(part(h, VIDEO_TILE_PLACEHOLDER))).assertUndefined();
        expect(h.query(part(h, VIDEO_TILE_TEST_PATTERN)) !== undefined).assertTrue();
        done();
      });

    it('says camera access is off when the camera may not be used', 0, async (done: Function) => {
      const world = new VideoTileWorld();
      world.sim.setPermissions(false, true);
      await world.join();
      const h = await loaded(world);
      expect(reasonOf(h)).assertEqual('Camera access is off');
      expect(h.query(part(h, VIDEO_TILE_TEST_PATTERN))).assertUndefined();
      done();
    });

    it('says video is paused while the app is in the background', 0, async (done: Function) => {
      const world = new VideoTileWorld();
      await world.join();
      const h = await loaded(world);
      world.session.setInBackground(true);
      h.rerender();
      expect(reasonOf(h)).assertEqual('Video is paused while the app is in the background');
      world.session.setInBackground(false);
      h.rerender();
      expect(h.query(part(h, VIDEO_TILE_PLACEHOLDER))).assertUndefined();
      done();
    });

    it('shows only the initials when told not to explain', 0, async (done: Function) => {
      const world = new VideoTileWorld();
      await world.join();
      const h = await loaded(world, { userName: 'Grace', showPlaceholderReason: false });
      world.session.setCameraOn(false);
      h.rerender();
      expect(h.query(part(h, VIDEO_TILE_PLACEHOLDER)) !== undefined).assertTrue();
      expect(h.query(part(h, VIDEO_TILE_REASON))).assertUndefined();
      expect(h.textOf(part(h, VIDEO_TILE_INITIALS))).assertEqual('G');
      done();
    });

    it('shows the default avatar when there is no name to take initials from', 0, async (done: Function) => {
      const world = new VideoTileWorld();
      await world.join();
      const h = await loaded(world);
      world.session.setCameraOn(false);
      h.rerender();
      const avatar: HostNode = h.find(part(h, VIDEO_TILE_INITIALS));
      expect(avatar.type).assertEqual('Image');
      done();
    });
  });
}
