// SPDX-License-Identifier: Apache-2.0
// The callbacks of issue 16 ("one callback re-renders only what it changes on screen"), each as a scenario on
// the host render runtime, which updates element by element as ArkUI V1 does (tools/host/render/README.md): a
// 1:1 call on the simulated engine with CallView (remote tile + local preview), CallControls and
// ConnectionBadge mounted, the remote user's video showing. A scenario prepares the call, then measures one
// action (usually one engine callback, injected as the SDK would deliver it) and reports how many elements
// updated, how many of them now show something else, and what a fresh render would show differently (stale).
// Used by the render precision tests next to it and by `npm run bench` (tools/bench/src/renderPrecision.ts).
// Host-only helper (not a suite).
import { flush, Measured, measure, render, Rendered, takeWarnings } from '../host/render/harness';
import { CallControls } from '../../components/src/main/ets/components/CallControls';
import { CallView } from '../../components/src/main/ets/components/CallView';
import { CALL_CONTROLS_MIC_ID, CALL_CONTROLS_SWITCH_CAMERA_ID } from '../../components/src/main/ets/components/ComponentIds';
import { ConnectionBadge } from '../../components/src/main/ets/components/ConnectionBadge';
import { CallEngineListener } from '../../components/src/main/ets/engine/CallEngine';
import {
  EngineUser, RemoteDeviceState, RoomStateChangedReason, StreamQualityLevel, UpdateType
} from '../../components/src/main/ets/engine/EngineTypes';
import { simPlayQuality, simPublishQuality } from '../../components/src/main/ets/engine/SimQuality';
import { SimulatedParticipant } from '../../components/src/main/ets/engine/SimulatedParticipant';
import { CallUser } from '../../components/src/main/ets/session/JoinOptions';
import { VideoTileWorld } from './VideoTileWorld';

/** The room, the remote user's stream and ZEGO's "no permission" device error. */
const PRECISION_ROOM: string = 'room1';
const REMOTE_STREAM: string = 'bob_main';
const NO_PERMISSION: number = 1006003;
/** How long a scenario lets the call run after joining, before it measures (streams play, first frames). */
const SETTLE_MS: number = 2000;
/** The frame interval of the simulated screen (60 Hz): pending element updates run this often while time passes. */
const FRAME_MS: number = 16;

/** A 1:1 call with the kit's components on screen. */
export class PrecisionWorld extends VideoTileWorld {
  readonly bob: SimulatedParticipant = this.sim.addParticipant('bob', 'Bob Marley');
  readonly screens: Rendered<object>[] = [];

  constructor() {
    super();
    this.bob.join();
    this.bob.publish();
    this.bob.speak(4);
  }

  /** Mounts CallView, CallControls and ConnectionBadge, as an app's call screen would. */
  mount(): void {
    this.screens.push(render(CallView, { provider: this.provider, userName: 'Alice' }) as Rendered<object>);
    this.screens.push(render(CallControls, { provider: this.provider }) as Rendered<object>);
    this.screens.push(render(ConnectionBadge, { provider: this.provider }) as Rendered<object>);
  }

  /** Lets `ms` of simulated time pass with a frame (pending element updates) every FRAME_MS, as a device would. */
  async wait(ms: number): Promise<void> {
    for (let left = ms; left > 0; left -= FRAME_MS) {
      await super.wait(Math.min(FRAME_MS, left));
      flush();
    }
  }

  /** Joins and lets the call settle (stream playing, first frame rendered, qualities reported), frame by frame. */
  async joinAndSettle(): Promise<void> {
    const joined: Promise<void> = this.session.join(PRECISION_ROOM, new CallUser('alice', 'Alice'));
    await this.wait(SETTLE_MS);
    await joined;
  }

  /** Delivers one engine callback to the kit, as the SDK would. */
  deliver(callback: (listener: CallEngineListener) => void): void {
    this.sim.injectCallback(callback);
  }

  /** The local stream ID being published. */
  localStreamID(): string {
    return this.session.model.local.streamID;
  }

  /** Presses a button of CallControls. */
  press(id: string): void {
    this.screens[1].fire(id, 'onClick');
  }

  remoteSoundLevel(level: number): void {
    const levels: Map<string, number> = new Map<string, number>();
    levels.set(REMOTE_STREAM, level);
    this.deliver((l: CallEngineListener) => l.onRemoteSoundLevelUpdate(levels));
  }

  remoteQuality(level: StreamQualityLevel): void {
    this.deliver((l: CallEngineListener) => l.onPlayerQualityUpdate(REMOTE_STREAM, simPlayQuality(level, true, true)));
  }

  networkQuality(level: StreamQualityLevel): void {
    this.deliver((l: CallEngineListener) => l.onNetworkQuality('', level, level));
  }
}

/** Where a scenario starts from. */
export enum PrecisionStart {
  /** Nothing mounted: the action mounts. */
  Unmounted = 0,
  /** Mounted, no call: the action joins. */
  Mounted = 1,
  /** Mounted and in the call, settled. */
  InCall = 2
}

/** One row of issue 16's table. */
export class PrecisionCase {
  /** The callback, as the issue names it. */
  readonly name: string;
  /** The issue's minimum ("needed"); undefined for mount, join and leave (no minimum given). */
  readonly minimum: number | undefined;
  /** The issue's measurement on ArkUI's runtime before the work ("elements updated now"). */
  readonly issueNow: string;
  readonly start: PrecisionStart;
  /** Brings the call to the state the action starts from (not measured). */
  readonly prepare: (w: PrecisionWorld) => Promise<void>;
  /** What is measured. */
  readonly act: (w: PrecisionWorld) => Promise<void>;

  constructor(name: string, minimum: number | undefined, issueNow: string, start: PrecisionStart,
    prepare: (w: PrecisionWorld) => Promise<void>, act: (w: PrecisionWorld) => Promise<void>) {
    this.name = name;
    this.minimum = minimum;
    this.issueNow = issueNow;
    this.start = start;
    this.prepare = prepare;
    this.act = act;
  }
}

const nothing = async (): Promise<void> => undefined;
const STEADY_MS: number = 10000;

/** A steady call: levels (under the threshold), qualities and network quality change, nothing visible does. */
async function steadyCall(w: PrecisionWorld): Promise<void> {
  const levels: number[] = [3, 7, 5, 9, 2, 6];
  const qualities: StreamQualityLevel[] = [StreamQualityLevel.Excellent, StreamQualityLevel.Good];
  for (let t = 100; t <= STEADY_MS; t += 100) {
    await w.wait(100);
    if (t % 300 === 0) {
      w.remoteSoundLevel(levels[(t / 300) % levels.length]);
      const captured: number = levels[(t / 300 + 3) % levels.length];
      w.deliver((l: CallEngineListener) => l.onCapturedSoundLevelUpdate(captured));
    }
    if (t % 3000 === 0) {
      const q: StreamQualityLevel = qualities[(t / 3000) % 2];
      w.remoteQuality(q);
      const id: string = w.localStreamID();
      w.deliver((l: CallEngineListener) => l.onPublisherQualityUpdate(id, simPublishQuality(q, true, true)));
    }
    if (t % 2000 === 0) {
      w.networkQuality(qualities[(t / 2000) % 2]);
    }
  }
}

/** Two more users publish: CallView shows a grid of three remote tiles. */
async function groupCall(w: PrecisionWorld): Promise<void> {
  for (const name of ['carol', 'dave']) {
    const guest: SimulatedParticipant = w.sim.addParticipant(name, name);
    guest.join();
    guest.publish();
  }
  await w.wait(SETTLE_MS);
}

/** The rows of issue 16, in its order, then a group call's stream list changing, mount, join and leave. */
export const PRECISION_CASES: PrecisionCase[] = [
  new PrecisionCase('remote quality update, nothing visible changes', 0, '7', PrecisionStart.InCall,
    async (w: PrecisionWorld) => w.remoteQuality(StreamQualityLevel.Excellent),
    async (w: PrecisionWorld) => w.remoteQuality(StreamQualityLevel.Good)),
  new PrecisionCase('remote quality Medium → Bad (bar tints change)', 4, '12', PrecisionStart.InCall,
    async (w: PrecisionWorld) => w.remoteQuality(StreamQualityLevel.Medium),
    async (w: PrecisionWorld) => w.remoteQuality(StreamQualityLevel.Bad)),
  new PrecisionCase('remote sound level, under the threshold', 0, '7', PrecisionStart.InCall,
    async (w: PrecisionWorld) => w.remoteSoundLevel(4),
    async (w: PrecisionWorld) => w.remoteSoundLevel(7)),
  new PrecisionCase('remote sound level crossing the threshold', 1, '7', PrecisionStart.InCall,
    async (w: PrecisionWorld) => w.remoteSoundLevel(7),
    async (w: PrecisionWorld) => w.remoteSoundLevel(60)),
  new PrecisionCase('remote camera off', 2, '5', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) =>
      l.onRemoteCameraStateUpdate(REMOTE_STREAM, RemoteDeviceState.Disable))),
  new PrecisionCase('remote mic off', 1, '6', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) =>
      l.onRemoteMicStateUpdate(REMOTE_STREAM, RemoteDeviceState.Mute))),
  new PrecisionCase('mic button pressed', 3, '12', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.press(CALL_CONTROLS_MIC_ID)),
  new PrecisionCase('local captured sound level', 0, '12', PrecisionStart.InCall,
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) => l.onCapturedSoundLevelUpdate(20)),
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) => l.onCapturedSoundLevelUpdate(35))),
  new PrecisionCase('local publish quality', 0, '12', PrecisionStart.InCall,
    async (w: PrecisionWorld) => {
      const id: string = w.localStreamID();
      w.deliver((l: CallEngineListener) => l.onPublisherQualityUpdate(id, simPublishQuality(StreamQualityLevel.Excellent, true, true)));
    },
    async (w: PrecisionWorld) => {
      const id: string = w.localStreamID();
      w.deliver((l: CallEngineListener) => l.onPublisherQualityUpdate(id, simPublishQuality(StreamQualityLevel.Good, true, true)));
    }),
  new PrecisionCase('network quality Good → Good (Excellent → Good: badge stays quiet)', 0, '3–5', PrecisionStart.InCall,
    async (w: PrecisionWorld) => w.networkQuality(StreamQualityLevel.Excellent),
    async (w: PrecisionWorld) => w.networkQuality(StreamQualityLevel.Good)),
  new PrecisionCase('online user count change', 0, '3–5', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) => l.onRoomOnlineUserCountUpdate(PRECISION_ROOM, 7))),
  new PrecisionCase('user list change', 0, '3–5', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) =>
      l.onRoomUserUpdate(PRECISION_ROOM, UpdateType.Add, [new EngineUser('carol', 'Carol')]))),
  new PrecisionCase('switch-camera pressed', 4, '13', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.press(CALL_CONTROLS_SWITCH_CAMERA_ID)),
  // Issue 16 gave 3 (button, hint, the component's options); since then a denied button also tints its icon as
  // disabled (the gallery's visual fixes), a fourth element that must change.
  new PrecisionCase('microphone permission denied', 4, '13', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) => l.onLocalDeviceError(NO_PERMISSION, 'microphone'))),
  new PrecisionCase('room → reconnecting', 3, '3', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => w.deliver((l: CallEngineListener) =>
      l.onRoomStateChanged(PRECISION_ROOM, RoomStateChangedReason.Reconnecting, 1002051, ''))),
  new PrecisionCase('a steady 10 s of a call (levels and quality flowing, nothing visible changing)', 0, '19',
    PrecisionStart.InCall, nothing, steadyCall),
  new PrecisionCase('a fourth remote stream joins the grid', undefined, '-', PrecisionStart.InCall, groupCall,
    async (w: PrecisionWorld) => {
      const erin: SimulatedParticipant = w.sim.addParticipant('erin', 'Erin');
      erin.join();
      erin.publish();
      await w.wait(SETTLE_MS);
    }),
  new PrecisionCase('a remote stream leaves the grid', undefined, '-', PrecisionStart.InCall, groupCall,
    async (w: PrecisionWorld) => {
      w.bob.unpublish();
      await w.wait(SETTLE_MS);
    }),
  new PrecisionCase('mount (CallView, CallControls, ConnectionBadge)', undefined, '-', PrecisionStart.Unmounted, nothing,
    async (w: PrecisionWorld) => w.mount()),
  new PrecisionCase('join (until the remote video shows)', undefined, '-', PrecisionStart.Mounted, nothing,
    async (w: PrecisionWorld) => w.joinAndSettle()),
  new PrecisionCase('leave', undefined, '-', PrecisionStart.InCall, nothing,
    async (w: PrecisionWorld) => {
      const leaving: Promise<void> = w.session.leave();
      await w.wait(SETTLE_MS);
      await leaving;
    }),
];

/** What one scenario measured. */
export class PrecisionResult {
  readonly scenario: PrecisionCase;
  readonly measured: Measured;
  /** Elements a fresh render would show differently after the action (a device would show them stale). */
  readonly stale: string[];
  /** Application errors ArkUI would log during the scenario (preparation included). */
  readonly warnings: string[];
  /** The texts on screen after the action, per mounted component, for checking the UI is right. */
  readonly texts: string[];

  constructor(scenario: PrecisionCase, measured: Measured, stale: string[], warnings: string[], texts: string[]) {
    this.scenario = scenario;
    this.measured = measured;
    this.stale = stale;
    this.warnings = warnings;
    this.texts = texts;
  }

  /** Whether the row reaches its minimum (rows without one: no element updated without a change). */
  get pass(): boolean {
    const m = this.measured;
    const within = this.scenario.minimum !== undefined ? m.updated <= this.scenario.minimum : m.updated === m.changed;
    return within && this.stale.length === 0;
  }
}

/** Runs one scenario in a world of its own. */
export async function runPrecisionCase(scenario: PrecisionCase): Promise<PrecisionResult> {
  takeWarnings();
  const w = new PrecisionWorld();
  if (scenario.start !== PrecisionStart.Unmounted) {
    w.mount();
  }
  if (scenario.start === PrecisionStart.InCall) {
    await w.joinAndSettle();
  }
  await scenario.prepare(w);
  const measured: Measured = await measure(() => scenario.act(w));
  const stale: string[] = [];
  for (const h of w.screens) {
    stale.push(...h.stale());
  }
  const texts: string[] = w.screens.map((h: Rendered<object>) => h.texts().join(' | '));
  const result = new PrecisionResult(scenario, measured, stale, takeWarnings(), texts);
  for (const h of w.screens) {
    h.unmount();
  }
  return result;
}
