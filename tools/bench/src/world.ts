// SPDX-License-Identifier: Apache-2.0
/*
 * The room every benchmark runs in: a ManualClock, a SimulatedCallEngine with 12 remote participants that are
 * in the room and publishing, an EngineProvider and its CallSession, exactly as an app (or SessionFixture)
 * builds them. Views are bound like the components bind them (preview + one tile per stream), so the session
 * plays all 12 streams, and the sound-level monitor runs every 100 ms.
 */
import { CallEngineListener } from '../../../components/src/main/ets/engine/CallEngine';
import { EngineProfile, EngineScenario, StreamQualityLevel } from '../../../components/src/main/ets/engine/EngineTypes';
import { ManualClock } from '../../../components/src/main/ets/engine/SimClock';
import { SimulatedCallEngine } from '../../../components/src/main/ets/engine/SimulatedCallEngine';
import { SimulatedParticipant } from '../../../components/src/main/ets/engine/SimulatedParticipant';
import { CallEventListener } from '../../../components/src/main/ets/session/CallEvent';
import { CallSession } from '../../../components/src/main/ets/session/CallSession';
import { EngineProvider } from '../../../components/src/main/ets/session/EngineProvider';
import { CallUser, JoinOptions } from '../../../components/src/main/ets/session/JoinOptions';

/** Remote streams in the benchmark room (ZEGO plays at most 12 at once). */
export const REMOTE_STREAMS = 12;
/** Sound-level monitor interval of the benchmark call. */
export const SOUND_LEVEL_MS = 100;
/** The room and local user of the benchmark call. */
export const ROOM_ID = 'bench-room';
const LOCAL_USER = new CallUser('host', 'Host');
/** A syntactically valid AppSign (64 hex characters); not a real one. */
const APP_SIGN = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/**
 * What the bench reads from the session's internal CallController. CallSession keeps the controller private
 * and exposes no listener count, so host code reaches it through this cast (never done in kit code).
 */
export interface ControllerInternals extends CallEngineListener {
  eventListenerCount(): number;
  isIdle(): boolean;
  playingStreamIDs(): string[];
  boundStreamViewCount(): number;
}

/** The controller behind a session (host-only cast; see ControllerInternals). */
function controllerOf(session: CallSession): ControllerInternals {
  return (session as unknown as { controller: ControllerInternals }).controller;
}

/** One simulated world: clock, engine with 12 publishing participants, provider and session. */
export class BenchWorld {
  readonly clock: ManualClock = new ManualClock();
  readonly sim: SimulatedCallEngine;
  readonly provider: EngineProvider;
  readonly session: CallSession;
  readonly controller: ControllerInternals;
  readonly guests: SimulatedParticipant[] = [];
  private step = 0;

  constructor() {
    this.sim = new SimulatedCallEngine(this.clock);
    for (let i = 1; i <= REMOTE_STREAMS; i++) {
      const guest = this.sim.addParticipant(`guest${i}`, `Guest ${i}`);
      guest.join();
      guest.publish();
      guest.speak((i * 17) % 100);
      this.guests.push(guest);
    }
    const profile = new EngineProfile(1234567, APP_SIGN, EngineScenario.StandardVideoCall, undefined, '');
    this.provider = new EngineProvider(this.sim, profile, this.clock);
    this.session = this.provider.session();
    this.controller = controllerOf(this.session);
  }

  /** The stream ID of guest `i` (1-based). */
  static streamID(i: number): string {
    return `guest${i}_main`;
  }

  /** Binds the preview and one tile per remote stream, as LocalPreview/RemoteStreamView do on onLoad. */
  bindViews(): void {
    this.session.bindPreview('bench-preview');
    for (let i = 1; i <= REMOTE_STREAMS; i++) {
      this.session.bindStreamView(BenchWorld.streamID(i), `bench-tile-${i}`);
    }
  }

  /** Unbinds every view, as the components do in aboutToDisappear. */
  unbindViews(): void {
    for (let i = 1; i <= REMOTE_STREAMS; i++) {
      this.session.unbindStreamView(BenchWorld.streamID(i), `bench-tile-${i}`);
    }
    this.session.unbindPreview('bench-preview');
  }

  /** Joins the room and runs the clock until every stream plays and has shown its first frame. */
  async join(): Promise<void> {
    const options = new JoinOptions();
    options.soundLevelIntervalMs = SOUND_LEVEL_MS;
    const joined = this.session.join(ROOM_ID, LOCAL_USER, options);
    await this.clock.advanceAsync(200);
    await joined;
    await this.clock.advanceAsync(0);
  }

  /** Leaves and runs the clock until the logout completed (leave() resolved). */
  async leave(): Promise<void> {
    const left = this.session.leave();
    await this.clock.advanceAsync(0);
    await left;
  }

  /**
   * Runs `seconds` of the call on the simulator's own timers in 100 ms steps (ManualClock.advance). With
   * `moving`, every guest's speaking level and the local level change before each step, and the local network
   * quality toggles between Excellent and Good every 3 s (so play, publish and network quality change); without
   * it, every level and quality stays where it is.
   */
  runSeconds(seconds: number, moving: boolean): void {
    for (let s = 0; s < seconds * 10; s++) {
      const step = this.step++;
      if (moving) {
        this.guests.forEach((g: SimulatedParticipant, i: number) => g.speak((step * 7 + i * 13) % 101));
        this.sim.setLocalSoundLevel((step * 11) % 101);
        if (step % 30 === 0) {
          this.sim.setNetworkQuality(StreamQualityLevel.Excellent,
            (step / 30) % 2 === 1 ? StreamQualityLevel.Good : StreamQualityLevel.Excellent);
        }
      }
      this.clock.advance(100);
    }
  }

  /** A new world, joined, with all 12 streams playing. */
  static async inCall(appListener?: CallEventListener): Promise<BenchWorld> {
    const world = new BenchWorld();
    if (appListener !== undefined) {
      world.session.addEventListener(appListener);
    }
    world.bindViews();
    await world.join();
    const playing = world.controller.playingStreamIDs().length;
    if (playing !== REMOTE_STREAMS) {
      throw new Error(`bench set-up: expected ${REMOTE_STREAMS} streams playing, got ${playing}`);
    }
    return world;
  }
}
