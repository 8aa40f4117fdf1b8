// SPDX-License-Identifier: Apache-2.0
// One simulated world for a fuzz sequence: a ManualClock, the SimulatedCallEngine behind a recording engine,
// the provider and its CallSession, a token provider, the event log and the reference model. The recording
// engine sits between the kit and the simulated engine: it writes every engine call the kit makes, every
// result it gets back and every callback the kit's listener receives into the log (and into the reference),
// and it keeps hold of the kit's listener so a step can deliver a callback to it late, after leave() removed
// it or after the engine was destroyed, the way a callback already queued on the SDK's thread would arrive.
// Two invariants are checked here, around each delivery: a callback that arrives when no call is live changes
// no model, emits no event and calls no engine method; and a token renewal never starts while another is on
// its way (one fetch and one renewToken per token).

import { CallEngine, CallEngineListener } from '../../components/src/main/ets/engine/CallEngine';
import {
  EngineProfile, EngineScenario, EngineUser, EngineView, PublishChannel, RoomLoginConfig, RoomOperationResult
} from '../../components/src/main/ets/engine/EngineTypes';
import { ManualClock } from '../../components/src/main/ets/engine/SimClock';
import { SimulatedCallEngine, SimulatedEngineOptions } from '../../components/src/main/ets/engine/SimulatedCallEngine';
import { CallEvent, CallEventKind } from '../../components/src/main/ets/session/CallEvent';
import { CallSession } from '../../components/src/main/ets/session/CallSession';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';
import { TokenProvider } from '../../components/src/main/ets/session/TokenProvider';
import { makeToken04, START_UNIX, TEST_APP_SIGN } from '../../components/src/test/engine/SimFixture';
import { kitSnapshot } from './invariants';
import { ReferenceCall } from './reference';
import { WorldVariant } from './steps';
import { LISTENER_METHODS } from '../host/testing/ListenerMethods';

/** A callback as delivered: the listener method and its arguments. */
export interface Callback {
  name: string;
  args: unknown[];
}

type ListenerMethod = (...args: unknown[]) => void;

function invoke(listener: CallEngineListener, cb: Callback): void {
  const method = (listener as unknown as Record<string, ListenerMethod>)[cb.name];
  method.apply(listener, cb.args);
}

/** A short text for a callback in traces. */
export function describeCallback(cb: Callback): string {
  const args = cb.args.map((a: unknown) => {
    if (a instanceof Map) {
      return JSON.stringify(Array.from(a.entries()));
    }
    if (typeof a === 'object' && a !== null) {
      return JSON.stringify(a);
    }
    return String(a);
  });
  return `${cb.name}(${args.join(', ')})`;
}

/** A token provider whose answers take `delayMs` of simulated time and that fails while `failing`. */
export class FuzzTokenProvider implements TokenProvider {
  failing: boolean = false;
  fetches: number = 0;
  /** Answers still on their way (timers on the world's clock that belong to this app-side provider). */
  pendingTimers: number = 0;
  /** The tokens handed out (the runner checks that none reaches an error message). */
  readonly issued: string[] = [];
  /** Renewal fetches (not for a join) that have not settled yet. */
  private renewalsPending: number = 0;

  constructor(private readonly world: FuzzWorld, private readonly delayMs: number) {}

  fetchToken(roomID: string, userID: string): Promise<string> {
    this.fetches += 1;
    const call = this.world.ref.call;
    // A renewal is asked for from inside onRoomTokenWillExpire; the join's own fetch comes before loginRoom.
    const forJoin = !this.world.inCallback && this.world.ref.currentPhase() === 1 && !this.world.loginCalledInCall(call);
    const failing = this.failing;
    if (!forJoin) {
      if (this.renewalsPending > 0) {
        this.world.violation('a second token renewal started while one was on its way (one renewal per token)');
      }
      this.renewalsPending += 1;
    }
    const token = makeToken04(START_UNIX + Math.floor(this.world.clock.now() / 1000) + 3600);
    this.issued.push(token);
    const answer = new Promise<string>((resolve: (t: string) => void, reject: (e: Error) => void) => {
      const settle = (): void => {
        if (failing) {
          reject(new Error('token server unreachable (fuzz)'));
        } else {
          resolve(token);
        }
      };
      if (this.delayMs > 0) {
        // The app's own timer (its network request), not the kit's: kept out of the leak checks.
        this.pendingTimers += 1;
        this.world.clock.setTimeout(() => {
          this.pendingTimers -= 1;
          settle();
        }, this.delayMs);
      } else {
        settle();
      }
    });
    answer.then(() => {
      if (!forJoin) {
        this.renewalsPending -= 1;
      }
    }, () => {
      if (!forJoin) {
        this.renewalsPending -= 1;
      }
      this.world.log(`token fetch failed (call ${call}${forJoin ? ', for join' : ''})`);
      if (forJoin) {
        this.world.ref.onJoinTokenFailed(call, 2000002);
      }
    });
    return answer;
  }
}

/** The CallEngine the kit is given: records, checks and forwards to the simulated engine. */
export class RecordingEngine implements CallEngine {
  /** The kit's own listener (the CallController), once it registered. */
  kitListener: CallEngineListener | undefined = undefined;
  private wrapper: CallEngineListener | undefined = undefined;

  constructor(private readonly world: FuzzWorld, private readonly sim: SimulatedCallEngine) {}

  private call(text: string): void {
    this.world.log(`  kit → engine: ${text}`);
    this.world.engineCalls += 1;
    this.world.count(text.split('(')[0]);
  }

  createEngine(profile: EngineProfile): Promise<void> {
    this.call('createEngine');
    const p = this.sim.createEngine(profile);
    p.then(() => this.world.ref.onCreated(), (e: Error) => {
      const code = (e as unknown as { code: number }).code;
      this.world.ref.onCreateFailed(typeof code === 'number' ? code : 2000006);
    });
    return p;
  }

  destroyEngine(): Promise<void> {
    this.call('destroyEngine');
    const p = this.sim.destroyEngine();
    this.world.ref.onDestroyed();
    return p;
  }

  isCreated(): boolean {
    return this.sim.isCreated();
  }

  addListener(listener: CallEngineListener): void {
    this.call('addListener');
    if (this.kitListener !== undefined && this.kitListener !== listener) {
      this.world.violation('a second, different listener was registered with the engine');
    }
    this.kitListener = listener;
    if (this.wrapper === undefined) {
      this.wrapper = this.makeWrapper(listener);
    }
    if (this.sim.listenerCount() > 0) {
      this.world.violation('the kit registered its listener twice');
    }
    this.sim.addListener(this.wrapper);
    this.world.ref.onListen();
  }

  removeListener(listener: CallEngineListener): void {
    this.call('removeListener');
    if (this.wrapper !== undefined && listener === this.kitListener) {
      this.sim.removeListener(this.wrapper);
    }
    this.world.ref.onUnlisten();
  }

  listenerCount(): number {
    return this.sim.listenerCount();
  }

  loginRoom(roomID: string, user: EngineUser, config: RoomLoginConfig): Promise<RoomOperationResult> {
    this.call(`loginRoom(${roomID}, ${user.userID})`);
    this.world.loginCalls.add(this.world.ref.call);
    if (!config.isUserStatusNotify) {
      this.world.violation('loginRoom without isUserStatusNotify');
    }
    this.world.ref.onLoginCall();
    const p = this.sim.loginRoom(roomID, user, config);
    p.then((r: RoomOperationResult) => {
      this.world.log(`  engine → kit: loginRoom result ${r.errorCode}`);
      this.world.ref.onLoginResult(r.errorCode);
    });
    return p;
  }

  logoutRoom(roomID: string): Promise<RoomOperationResult> {
    this.call(`logoutRoom(${roomID})`);
    return this.sim.logoutRoom(roomID);
  }

  renewToken(roomID: string, token: string): void {
    this.call(`renewToken(${roomID})`);
    this.sim.renewToken(roomID, token);
  }

  startPreview(view: EngineView | undefined, channel: PublishChannel): void {
    this.call(`startPreview(${view === undefined ? 'none' : view.viewID})`);
    this.sim.startPreview(view, channel);
    this.world.ref.onPreviewCall(true);
  }

  stopPreview(channel: PublishChannel): void {
    this.call('stopPreview');
    this.sim.stopPreview(channel);
    this.world.ref.onPreviewCall(false);
  }

  startPublishingStream(streamID: string, roomID: string, channel: PublishChannel): void {
    this.call(`startPublishingStream(${streamID}, ${roomID})`);
    if (this.sim.publishingStreamID(channel) !== undefined) {
      this.world.violation(`startPublishingStream(${streamID}) while the channel already publishes ` +
        `${this.sim.publishingStreamID(channel)}`);
    }
    this.sim.startPublishingStream(streamID, roomID, channel);
  }

  stopPublishingStream(channel: PublishChannel): void {
    this.call('stopPublishingStream');
    this.sim.stopPublishingStream(channel);
  }

  startPlayingStream(streamID: string, view: EngineView | undefined): void {
    this.call(`startPlayingStream(${streamID}, ${view === undefined ? 'none' : view.viewID})`);
    if (this.sim.playingStreams().indexOf(streamID) >= 0) {
      this.world.violation(`startPlayingStream(${streamID}) while the stream is already playing (played twice)`);
    }
    this.sim.startPlayingStream(streamID, view);
  }

  updatePlayingCanvas(streamID: string, view: EngineView): void {
    this.call(`updatePlayingCanvas(${streamID}, ${view.viewID})`);
    this.sim.updatePlayingCanvas(streamID, view);
  }

  stopPlayingStream(streamID: string): void {
    this.call(`stopPlayingStream(${streamID})`);
    this.sim.stopPlayingStream(streamID);
  }

  mutePlayStreamAudio(streamID: string, mute: boolean): void {
    this.call(`mutePlayStreamAudio(${streamID}, ${mute})`);
    this.sim.mutePlayStreamAudio(streamID, mute);
  }

  mutePlayStreamVideo(streamID: string, mute: boolean): void {
    this.call(`mutePlayStreamVideo(${streamID}, ${mute})`);
    this.sim.mutePlayStreamVideo(streamID, mute);
  }

  muteMicrophone(mute: boolean): void {
    this.call(`muteMicrophone(${mute})`);
    this.sim.muteMicrophone(mute);
  }

  enableCamera(enable: boolean, channel: PublishChannel): void {
    this.call(`enableCamera(${enable})`);
    this.sim.enableCamera(enable, channel);
  }

  useFrontCamera(enable: boolean, channel: PublishChannel): void {
    this.call(`useFrontCamera(${enable})`);
    this.sim.useFrontCamera(enable, channel);
  }

  startSoundLevelMonitor(millisecond: number): void {
    this.call(`startSoundLevelMonitor(${millisecond})`);
    this.sim.startSoundLevelMonitor(millisecond);
  }

  stopSoundLevelMonitor(): void {
    this.call('stopSoundLevelMonitor');
    this.sim.stopSoundLevelMonitor();
  }

  /** A listener that records each callback (log, history, reference) and passes it on to the kit. */
  private makeWrapper(target: CallEngineListener): CallEngineListener {
    const wrapper: Record<string, ListenerMethod> = {};
    for (const name of LISTENER_METHODS) {
      wrapper[name] = (...args: unknown[]): void => {
        this.world.deliver({ name, args }, target, false);
      };
    }
    return wrapper as unknown as CallEngineListener;
  }
}

/** Everything one sequence runs against. */
export class FuzzWorld {
  readonly clock: ManualClock = new ManualClock();
  readonly sim: SimulatedCallEngine;
  readonly engine: RecordingEngine;
  readonly provider: EngineProvider;
  readonly session: CallSession;
  readonly ref: ReferenceCall;
  readonly tokens: FuzzTokenProvider;
  readonly profile: EngineProfile;
  /** Violations found so far (empty when the kit behaved). */
  readonly violations: string[] = [];
  /** Everything that happened, one line each, for the failure report. */
  readonly trace: string[] = [];
  /** Callbacks the engine delivered to the kit, for duplicate and late re-delivery. */
  readonly history: Callback[] = [];
  /** Every event the app received. */
  readonly events: CallEvent[] = [];
  /** Callbacks delivered straight to the kit's listener outside the engine (counted as injected faults). */
  lateDeliveries: number = 0;
  engineCalls: number = 0;
  /** Calls (reference numbers) that reached loginRoom. */
  readonly loginCalls: Set<number> = new Set<number>();
  /** True while a callback is being delivered by a duplicate/late step (not recorded in the history). */
  private replaying: boolean = false;
  /** True while the kit's listener is handling a callback. */
  inCallback: boolean = false;
  /** How often each engine call, callback and app event happened (coverage). */
  readonly counters: Map<string, number> = new Map<string, number>();
  /** The preview view the app has mounted (the last one bound), or undefined. */
  /** Preview views the app has mounted and not unmounted, in mount order (the kit previews into the last). */
  previewViews: string[] = [];
  /**
   * The camera and microphone permission as the app and the call established it: the app's
   * permissionGranted(), and 1006003 errors received while a call was live. A call leaves exactly this behind.
   */
  cameraPermitted: boolean = true;
  micPermitted: boolean = true;
  /** Views the app has mounted per stream: streamID → view ID of the last bind. */
  readonly streamViews: Map<string, string> = new Map<string, string>();
  /** join()/leave() promises not settled yet, by id → what they were. */
  readonly pending: Map<number, string> = new Map<number, string>();

  constructor(readonly variant: WorldVariant) {
    const options = new SimulatedEngineOptions();
    options.latencyMs = variant.latencyMs;
    options.reconnectTimeoutMs = 60000;
    this.sim = new SimulatedCallEngine(this.clock, options);
    this.engine = new RecordingEngine(this, this.sim);
    this.profile = new EngineProfile(1234567, variant.tokenMode ? '' : TEST_APP_SIGN,
      EngineScenario.StandardVideoCall, undefined, '');
    this.provider = new EngineProvider(this.engine, this.profile, this.clock);
    this.session = this.provider.session();
    this.ref = new ReferenceCall(() => this.clock.now());
    this.tokens = new FuzzTokenProvider(this, variant.tokenDelayMs);
    this.session.addEventListener((e: CallEvent) => this.onEvent(e));
    if (variant.appListenerThrows) {
      this.session.addEventListener((e: CallEvent) => {
        throw new Error(`app listener bug on ${CallEventKind[e.kind]}`);
      });
    }
    if (variant.appOwnsEngine) {
      this.sim.createEngine(this.profile);
      this.ref.onCreated();
    }
  }

  /** Timers on the clock that belong to the kit or the engine (the app's token requests excluded). */
  kitTimerCount(): number {
    return this.clock.pendingTimerCount() - this.tokens.pendingTimers;
  }

  /** How many join()/leave() promises are still pending. */
  pendingPromises(): number {
    return this.pending.size;
  }

  /** Whether the call numbered `call` already reached loginRoom. */
  loginCalledInCall(call: number): boolean {
    return this.loginCalls.has(call);
  }

  log(line: string): void {
    this.trace.push(`${this.clock.now()}ms ${line}`);
  }

  violation(text: string): void {
    this.violations.push(text);
    this.log(`!! VIOLATION: ${text}`);
  }

  /**
   * Delivers a callback to the kit's listener, recording it; `late` ones bypass the engine. When no call is
   * live (leaving, ended, or none yet), the callback must change no model, emit no event and call no engine
   * method: it can only belong to a call that is over.
   */
  deliver(cb: Callback, target: CallEngineListener, late: boolean): void {
    this.log(`  engine → kit${late ? ' (late, direct)' : this.replaying ? ' (injected)' : ''}: ${describeCallback(cb)}`);
    if (!late && !this.replaying) {
      this.history.push(cb);
    }
    this.count(cb.name);
    const live = this.ref.inCall();
    if (live && cb.name === 'onLocalDeviceError' && cb.args[0] === 1006003) {
      this.cameraPermitted = this.cameraPermitted && cb.args[1] !== 'camera';
      this.micPermitted = this.micPermitted && cb.args[1] !== 'microphone';
    }
    const before = live ? '' : this.stateText();
    const events = this.events.length;
    const calls = this.engineCalls;
    this.ref.onCallback(cb.name, cb.args);
    this.inCallback = true;
    try {
      invoke(target, cb);
    } catch (e) {
      this.violation(`${cb.name}${late ? ' delivered late' : ''} threw to the engine's thread: ${e}`);
    } finally {
      this.inCallback = false;
    }
    if (!live) {
      const what = `${describeCallback(cb)} after the call ended (phase ${this.ref.currentPhase()})`;
      if (this.stateText() !== before) {
        this.violation(`${what} changed the models`);
      }
      if (this.events.length !== events) {
        this.violation(`${what} told the app something`);
      }
      if (this.engineCalls !== calls) {
        this.violation(`${what} called the engine`);
      }
    }
  }

  /** Every model field the views read, as text (to compare before and after a callback). */
  private stateText(): string {
    return JSON.stringify(kitSnapshot(this.session.model)) + ` previewing ${this.session.model.local.previewing}`;
  }

  /** Re-delivers a callback through the engine (sim.injectCallback): it reaches the kit only if listening. */
  injectThroughEngine(cb: Callback): void {
    this.replaying = true;
    try {
      this.sim.injectCallback((l: CallEngineListener) => invoke(l, cb));
    } finally {
      this.replaying = false;
    }
  }

  /** Delivers a callback straight to the kit's listener, registered or not (late, after leave or destroy). */
  deliverLate(cb: Callback): void {
    const target = this.engine.kitListener;
    if (target === undefined) {
      return;
    }
    this.lateDeliveries += 1;
    this.deliver(cb, target, true);
  }

  /** The faults injected so far: the engine's count (including injected callbacks) plus late deliveries. */
  faultsInjected(): number {
    return this.sim.faultsInjected + this.lateDeliveries;
  }

  /** Counts one occurrence of something (engine calls, callbacks, events) for the coverage report. */
  count(what: string): void {
    this.counters.set(what, (this.counters.get(what) || 0) + 1);
  }

  private onEvent(e: CallEvent): void {
    this.events.push(e);
    this.count(`event ${CallEventKind[e.kind]}`);
    const detail = e.kind === CallEventKind.Error && e.error !== undefined ? ` ${e.error.code} ${e.error.message}`
      : e.kind === CallEventKind.CallEnded ? ` reason ${e.endReason} code ${e.errorCode}` : ` ${e.streamID || e.userID}`;
    this.log(`  kit → app: ${CallEventKind[e.kind]}${detail}`);
    if (e.kind === CallEventKind.CallEnded) {
      this.ref.onCallEnded(e.endReason, e.errorCode);
    }
  }
}
