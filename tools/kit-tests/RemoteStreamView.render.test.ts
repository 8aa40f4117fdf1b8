// SPDX-License-Identifier: Apache-2.0
// Host render tests of RemoteStreamView on the simulated engine: the stream plays only once the view's
// XComponent has loaded and in that XComponent (on a device-like engine; on the simulated engine as soon as
// the view appears), stops when the view goes away and plays again in a new surface when it comes back, waits
// for a stream that has not arrived, and the tile always says why there is no video (connecting with the
// lottie pulse, camera off, ended, play error with its code) until the first frame is rendered. Every surface
// has an id of its own, so an old view going away late never stops a new one. Badges: muted microphone,
// speaking frame, quality bars when poor. Host limits: ./README.md.
import { beforeEach, describe, expect, it } from '@ohos/hypium';
import { render, Rendered } from '../host/render/harness';
import { liveLottieAnimations, lottieLoads, resetLottieFake } from '../host/sdk-fakes/@ohos/lottie';
import { RemoteStreamView } from '../../components/src/main/ets/components/RemoteStreamView';
import {
  REMOTE_STREAM_ID_PREFIX, VIDEO_TILE_CONNECTING, VIDEO_TILE_INITIALS, VIDEO_TILE_MIC_OFF, VIDEO_TILE_NAME,
  VIDEO_TILE_PLACEHOLDER, VIDEO_TILE_QUALITY, VIDEO_TILE_REASON, VIDEO_TILE_SPEAKING, VIDEO_TILE_TEST_PATTERN,
  videoTilePartID
} from '../../components/src/main/ets/components/ComponentIds';
import { CONNECTING_ANIMATION_PATH } from '../../components/src/main/ets/components/internal/VideoPlaceholder';
import { StreamQualityLevel } from '../../components/src/main/ets/engine/EngineTypes';
import { SimulatedParticipant } from '../../components/src/main/ets/engine/SimulatedParticipant';
import { EngineKind, VideoTileWorld, STEP } from './VideoTileWorld';

const BOB: string = 'bob_main';

/** The XComponent's options as the component passed them. */
interface SurfaceOptions {
  id: string;
  type: string;
  libraryname: string;
}

/** A world where bob is in the room and publishes 'bob_main'. */
class RemoteWorld extends VideoTileWorld {
  readonly bob: SimulatedParticipant = this.sim.addParticipant('bob', 'Bob Marley');

  constructor(engine: EngineKind = 'simulated') {
    super(engine);
    this.bob.join();
    this.bob.publish();
  }

  /** Mounts a view of `streamID`. */
  view(streamID: string, props?: object): Rendered<RemoteStreamView> {
    return render(RemoteStreamView, Object.assign({ provider: this.provider, streamID }, props || {}));
  }

  /** Mounts a view of `streamID` and loads its surface. */
  loaded(streamID: string, props?: object): Rendered<RemoteStreamView> {
    const h = this.view(streamID, props);
    h.fire(surfaceOf(h), 'onLoad');
    return h;
  }

  /** Lets `ms` pass and rebuilds `h` (the host does not re-render by itself). */
  async settle(h: Rendered<RemoteStreamView>, ms: number): Promise<void> {
    await this.wait(ms);
    h.rerender();
  }
}

/** The view's XComponent options. */
function surfaceOptions(h: Rendered<RemoteStreamView>): SurfaceOptions {
  return h.find('XComponent').args[0] as SurfaceOptions;
}

/** The id of the view's current XComponent. */
function surfaceOf(h: Rendered<RemoteStreamView>): string {
  return surfaceOptions(h).id;
}

function part(h: Rendered<RemoteStreamView>, suffix: string): string {
  return videoTilePartID(surfaceOf(h), suffix);
}

function reasonOf(h: Rendered<RemoteStreamView>): string | undefined {
  return h.textOf(part(h, VIDEO_TILE_REASON));
}

function hasPart(h: Rendered<RemoteStreamView>, suffix: string): boolean {
  return h.query(part(h, suffix)) !== undefined;
}

export default function remoteStreamViewRenderTest() {
  describe('RemoteStreamView', () => {
    beforeEach(() => {
      resetLottieFake();
    });

    it('plays nothing before its XComponent has loaded on a device engine', 0, async (done: Function) => {
      const world = new RemoteWorld('device');
      await world.join();
      const h = world.view(BOB);
      await world.settle(h, 1000);
      expect(world.callsTo('startPlayingStream').length).assertEqual(0);
      expect(reasonOf(h)).assertEqual('Connecting…');
      done();
    });

    it('renders a ZEGO surface with an id of its own that names the stream', 0, () => {
      const world = new RemoteWorld();
      const first = surfaceOptions(world.view(BOB));
      const second = surfaceOptions(world.view(BOB));
      expect(new RegExp(`^${REMOTE_STREAM_ID_PREFIX}[0-9]+-bob_main$`).test(first.id)).assertTrue();
      expect(first.id === second.id).assertFalse();
      expect(first.type).assertEqual('XComponentType.SURFACE');
      expect(first.libraryname).assertEqual('ZegoExpressEngine');
    });

    it('plays the stream in its XComponent once that has loaded on a device engine', 0, async (done: Function) => {
      const world = new RemoteWorld('device');
      await world.join();
      const h = world.loaded(BOB);
      expect(JSON.stringify(world.callsTo('startPlayingStream')))
        .assertEqual(JSON.stringify([`startPlayingStream(bob_main,view:${surfaceOf(h)})`]));
      done();
    });

    it('plays at once on the simulated engine, which needs no surface, and does not bind again on onLoad', 0,
      async (done: Function) => {
        const world = new RemoteWorld();
        await world.join();
        const binds = world.recordBinds();
        const h = world.view(BOB);
        const id = surfaceOf(h);
        expect(JSON.stringify(world.callsTo('startPlayingStream')))
          .assertEqual(JSON.stringify([`startPlayingStream(bob_main,view:${id})`]));
        h.fire(id, 'onLoad');
        await world.settle(h, STEP);
        expect(binds).assertDeepEquals([`bob_main ${id}`]);
        expect(world.callsTo('startPlayingStream').length).assertEqual(1);
        expect(hasPart(h, VIDEO_TILE_TEST_PATTERN)).assertTrue();
        done();
      });

    it('says it is connecting, with the name and a pulse, until the first frame is rendered', 0,
      async (done: Function) => {
        const world = new RemoteWorld();
        await world.join();
        const h = world.loaded(BOB);
        expect(reasonOf(h)).assertEqual('Connecting…');
        expect(h.textOf(part(h, VIDEO_TILE_NAME))).assertEqual('Bob Marley');
        expect(h.textOf(part(h, VIDEO_TILE_INITIALS))).assertEqual('BM');
        h.fire(part(h, VIDEO_TILE_CONNECTING), 'onReady');
        expect(lottieLoads.length).assertEqual(1);
        expect(lottieLoads[0].animationName).assertEqual(CONNECTING_ANIMATION_PATH.replace('.json', ''));
        expect(lottieLoads[0].loop).assertEqual(true);
        await world.settle(h, STEP);
        expect(world.session.model.stream(BOB)?.firstFrameSeen).assertTrue();
        expect(hasPart(h, VIDEO_TILE_PLACEHOLDER)).assertFalse();
        expect(liveLottieAnimations().length).assertEqual(0);
        expect(h.textOf(part(h, VIDEO_TILE_NAME))).assertEqual('Bob Marley');
        expect(hasPart(h, VIDEO_TILE_TEST_PATTERN)).assertTrue();
        done();
      });

    it('destroys the connecting animation when the view goes away', 0, async (done: Function) => {
      const world = new RemoteWorld();
      const h = world.loaded(BOB);
      h.fire(part(h, VIDEO_TILE_CONNECTING), 'onReady');
      expect(liveLottieAnimations().length).assertEqual(1);
      h.unmount();
      expect(liveLottieAnimations().length).assertEqual(0);
      done();
    });

    it('stops playing when it goes away and plays again in a new surface when it comes back', 0,
      async (done: Function) => {
        const world = new RemoteWorld('device');
        await world.join();
        const binds = world.recordBinds();
        const first = world.loaded(BOB);
        const firstID = surfaceOf(first);
        await world.settle(first, STEP);
        first.unmount();
        expect(JSON.stringify(world.callsTo('stopPlayingStream'))).assertEqual(JSON.stringify(['stopPlayingStream(bob_main)']));
        expect(world.session.playingStreamIDs().length).assertEqual(0);
        const second = world.view(BOB);
        const secondID = surfaceOf(second);
        await world.settle(second, STEP);
        expect(world.callsTo('startPlayingStream').length).assertEqual(1);
        second.fire(secondID, 'onLoad');
        expect(binds).assertDeepEquals([`bob_main ${firstID}`, `bob_main ${secondID}`]);
        expect(firstID === secondID).assertFalse();
        expect(world.callsTo('startPlayingStream')[1]).assertEqual(`startPlayingStream(bob_main,view:${secondID})`);
        await world.settle(second, STEP);
        expect(hasPart(second, VIDEO_TILE_PLACEHOLDER)).assertFalse();
        done();
      });

    it('keeps playing in the new view when the view it replaced goes away late (a layout change)', 0,
      async (done: Function) => {
        const world = new RemoteWorld('device');
        await world.join();
        const old = world.loaded(BOB);
        await world.settle(old, STEP);
        // The new layout's view appears and loads before the old one's aboutToDisappear runs.
        const replacement = world.loaded(BOB);
        const newID = surfaceOf(replacement);
        old.unmount();
        await world.settle(replacement, STEP);
        expect(world.callsTo('stopPlayingStream').length).assertEqual(0);
        expect(world.session.playingStreamIDs()).assertDeepEquals([BOB]);
        expect(world.sim.viewOf(BOB)).assertEqual(newID);
        expect(hasPart(replacement, VIDEO_TILE_PLACEHOLDER)).assertFalse();
        replacement.unmount();
        expect(world.session.playingStreamIDs().length).assertEqual(0);
        done();
      });

    it('waits for a stream that has not arrived yet and plays it when it does', 0, async (done: Function) => {
      const world = new RemoteWorld();
      const carol = world.sim.addParticipant('carol', 'Carol');
      carol.join();
      await world.join();
      const h = world.loaded('carol_main');
      const carolView = surfaceOf(h);
      await world.settle(h, 1000);
      expect(world.callsTo('startPlayingStream').length).assertEqual(0);
      expect(reasonOf(h)).assertEqual('Connecting…');
      carol.publish();
      await world.settle(h, STEP);
      expect(JSON.stringify(world.callsTo('startPlayingStream')))
        .assertEqual(JSON.stringify([`startPlayingStream(carol_main,view:${carolView})`]));
      await world.settle(h, STEP);
      expect(hasPart(h, VIDEO_TILE_PLACEHOLDER)).assertFalse();
      done();
    });

    it('says the camera is off when the remote user turns it off', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB);
      await world.settle(h, STEP);
      world.bob.setCamera(false);
      await world.settle(h, STEP);
      expect(reasonOf(h)).assertEqual('Camera is off');
      expect(h.textOf(part(h, VIDEO_TILE_NAME))).assertEqual('Bob Marley');
      expect(hasPart(h, VIDEO_TILE_TEST_PATTERN)).assertFalse();
      done();
    });

    it('says the video has ended when the stream leaves the room', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB);
      await world.settle(h, STEP);
      world.bob.unpublish();
      await world.settle(h, STEP);
      expect(world.session.model.stream(BOB)).assertUndefined();
      expect(reasonOf(h)).assertEqual('Video has ended');
      done();
    });

    it('says the video has ended when the stream came and went before the tile ever rendered it', 0,
      async (done: Function) => {
        // Was: the tile only remembered a stream it had rendered, so one that arrived and left between two
        // renders left it saying "Connecting…" forever.
        const world = new RemoteWorld();
        await world.join();
        const carol = world.sim.addParticipant('carol', 'Carol');
        const h = world.loaded('carol_main');
        expect(h.query(part(h, VIDEO_TILE_CONNECTING))).not().assertUndefined();
        carol.join();
        carol.publish();
        await world.wait(STEP * 2);
        carol.unpublish();
        await world.wait(STEP * 2);
        h.rerender();
        expect(world.session.model.stream('carol_main')).assertUndefined();
        expect(reasonOf(h)).assertEqual('Video has ended');
        expect(hasPart(h, VIDEO_TILE_CONNECTING)).assertFalse();
        done();
      });

    it('says playing failed, with the error code', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      world.sim.failNextPlay(BOB, 1004002);
      const h = world.loaded(BOB);
      await world.settle(h, STEP);
      expect(reasonOf(h)).assertEqual("Can't play this video (error 1004002)");
      done();
    });

    it('says the video is not played when the play policy left it out', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const stream = world.session.model.stream(BOB);
      if (stream !== undefined) {
        stream.wanted = false; // what a StreamPlayPolicy returning false leaves in the model
      }
      const h = world.loaded(BOB);
      await world.settle(h, STEP);
      expect(reasonOf(h)).assertEqual('Video is not being played');
      done();
    });

    it('marks a muted microphone and does not show a muted user as speaking', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB);
      world.bob.speak(60);
      await world.settle(h, 1000);
      expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertTrue();
      expect(hasPart(h, VIDEO_TILE_MIC_OFF)).assertFalse();
      world.bob.setMic(false);
      await world.settle(h, STEP);
      // The mute has arrived before the next sound-level report: the last level (60) is cleared with it.
      expect(world.session.model.stream(BOB)?.soundLevel).assertEqual(0);
      expect(hasPart(h, VIDEO_TILE_MIC_OFF)).assertTrue();
      expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertFalse();
      await world.settle(h, 1000);
      expect(hasPart(h, VIDEO_TILE_MIC_OFF)).assertTrue();
      expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertFalse();
      done();
    });

    it('takes the speaking frame off the tile while the room reconnects, and puts it back once the user is heard', 0,
      async (done: Function) => {
        const world = new RemoteWorld();
        await world.join();
        const h = world.loaded(BOB);
        world.bob.speak(60);
        await world.settle(h, 1000);
        expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertTrue();
        world.sim.dropNetwork();
        await world.settle(h, STEP);
        expect(reasonOf(h)).assertEqual('Connecting…');
        expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertFalse();
        await world.settle(h, 3000);
        expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertFalse();
        world.sim.restoreNetwork();
        await world.settle(h, 1000);
        expect(hasPart(h, VIDEO_TILE_PLACEHOLDER)).assertFalse();
        expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertTrue();
        expect(h.stale()).assertDeepEquals([]);
        done();
      });

    it('does not frame a user whose sound level is background noise', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB);
      world.bob.speak(5);
      await world.settle(h, 1000);
      expect(world.session.model.stream(BOB)?.soundLevel).assertEqual(5);
      expect(hasPart(h, VIDEO_TILE_SPEAKING)).assertFalse();
      done();
    });

    it('shows quality bars only while the quality is poor', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB);
      await world.settle(h, 3500);
      expect(world.session.model.stream(BOB)?.quality).assertEqual(StreamQualityLevel.Excellent);
      expect(hasPart(h, VIDEO_TILE_QUALITY)).assertFalse();
      world.bob.setNetworkQuality(StreamQualityLevel.Bad, StreamQualityLevel.Bad);
      await world.settle(h, 3000);
      expect(hasPart(h, VIDEO_TILE_QUALITY)).assertTrue();
      expect(h.find(part(h, VIDEO_TILE_QUALITY)).children.length).assertEqual(3);
      world.bob.setNetworkQuality(StreamQualityLevel.Good, StreamQualityLevel.Good);
      await world.settle(h, 3000);
      expect(hasPart(h, VIDEO_TILE_QUALITY)).assertFalse();
      done();
    });

    it('lights two orange bars at Medium quality and one red bar at Bad', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB);
      const tints = (): string => h.find(part(h, VIDEO_TILE_QUALITY)).children
        .map((bar) => ((h.attr(bar, 'backgroundColor') as Resource).params as string[])[0].replace('app.color.zck_quality_', ''))
        .join();
      world.bob.setNetworkQuality(StreamQualityLevel.Medium, StreamQualityLevel.Medium);
      await world.settle(h, 3500);
      expect(tints()).assertEqual('poor,poor,unlit');
      world.bob.setNetworkQuality(StreamQualityLevel.Bad, StreamQualityLevel.Bad);
      await world.settle(h, 3000);
      expect(tints()).assertEqual('bad,unlit,unlit');
      expect(h.stale().join()).assertEqual('');
      done();
    });

    it('hides the name when told to', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB, { showName: false });
      expect(hasPart(h, VIDEO_TILE_NAME)).assertFalse();
      await world.settle(h, STEP);
      expect(hasPart(h, VIDEO_TILE_NAME)).assertFalse();
      done();
    });

    it('stops the old stream and plays the new one in a new surface when the stream ID changes', 0,
      async (done: Function) => {
        const world = new RemoteWorld('device');
        const carol = world.sim.addParticipant('carol', 'Carol');
        carol.join();
        carol.publish();
        await world.join();
        const h = world.loaded(BOB);
        const bobView = surfaceOf(h);
        await world.settle(h, STEP);
        h.root.streamID = 'carol_main';
        h.rerender();
        expect(world.callsTo('stopPlayingStream')[0]).assertEqual('stopPlayingStream(bob_main)');
        const carolView = surfaceOf(h);
        expect(carolView.endsWith('-carol_main')).assertTrue();
        expect(h.query(bobView)).assertUndefined();
        expect(world.callsTo('startPlayingStream').length).assertEqual(1);
        h.fire(carolView, 'onLoad');
        expect(world.callsTo('startPlayingStream')[1]).assertEqual(`startPlayingStream(carol_main,view:${carolView})`);
        done();
      });

    it('switches streams at once on the simulated engine, binding each surface once', 0, async (done: Function) => {
      const world = new RemoteWorld();
      const carol = world.sim.addParticipant('carol', 'Carol');
      carol.join();
      carol.publish();
      await world.join();
      const binds = world.recordBinds();
      const h = world.view(BOB);
      const bobView = surfaceOf(h);
      h.root.streamID = 'carol_main';
      h.rerender();
      const carolView = surfaceOf(h);
      h.fire(carolView, 'onLoad');
      expect(binds).assertDeepEquals([`bob_main ${bobView}`, `carol_main ${carolView}`]);
      expect(world.session.playingStreamIDs()).assertDeepEquals(['carol_main']);
      done();
    });

    it('gives the connecting pulse the new surface\'s id when the stream ID changes, leaving nothing stale', 0,
      async (done: Function) => {
        const world = new RemoteWorld();
        await world.join();
        const h = world.view('dave_main'); // not in the room: the tile is connecting, with the pulse
        const daveView = surfaceOf(h);
        expect(hasPart(h, VIDEO_TILE_CONNECTING)).assertTrue();
        h.root.streamID = 'erin_main'; // not in the room either: the pulse stays on screen
        h.rerender();
        const erinView = surfaceOf(h);
        expect(erinView === daveView).assertFalse();
        expect(hasPart(h, VIDEO_TILE_CONNECTING)).assertTrue();
        expect(h.query(videoTilePartID(daveView, VIDEO_TILE_CONNECTING))).assertUndefined();
        expect(h.stale()).assertDeepEquals([]);
        done();
      });

    it('keeps its surface id within ArkUI\'s 128 characters for a stream ID of 255 characters', 0, () => {
      const world = new RemoteWorld();
      const id = surfaceOf(world.view('s'.repeat(255)));
      expect(id.length <= 128).assertTrue();
      expect(id.startsWith(REMOTE_STREAM_ID_PREFIX)).assertTrue();
    });

    it('says the video has ended on a tile still on screen after the call ends', 0, async (done: Function) => {
      const world = new RemoteWorld();
      await world.join();
      const h = world.loaded(BOB);
      await world.settle(h, STEP);
      expect(hasPart(h, VIDEO_TILE_PLACEHOLDER)).assertFalse();
      const leaving = world.session.leave();
      await world.settle(h, STEP * 4);
      await leaving;
      h.rerender();
      expect(world.session.model.streamIDs.length).assertEqual(0);
      expect(reasonOf(h)).assertEqual('Video has ended');
      expect(hasPart(h, VIDEO_TILE_CONNECTING)).assertFalse();
      done();
    });

    it('waits for its stream again in the next call instead of saying the previous call\'s video ended', 0,
      async (done: Function) => {
        const world = new RemoteWorld();
        await world.join();
        const h = world.loaded(BOB);
        await world.settle(h, STEP);
        const leaving = world.session.leave();
        await world.settle(h, STEP * 4);
        await leaving;
        h.rerender();
        expect(reasonOf(h)).assertEqual('Video has ended');
        world.bob.unpublish();
        await world.join();
        await world.settle(h, STEP * 2);
        expect(world.session.model.endedStream(BOB)).assertUndefined();
        expect(reasonOf(h)).assertEqual('Connecting…');
        expect(hasPart(h, VIDEO_TILE_CONNECTING)).assertTrue();
        done();
      });
  });
}
