// SPDX-License-Identifier: Apache-2.0
// Runs one fuzz sequence: builds a world, performs each step the way an app, the network or the SDK would
// (app actions through the public CallSession only; view mounts as the bind/unbind calls the components
// make), checks the invariants after every step, and at the end leaves as an app would (unmounting its views,
// calling leave()) and checks that nothing of the call is left behind, even when late callbacks still arrive
// after the engine is gone. The result lists every violation with the trace that led to it.

import { PublishChannel, StreamQualityLevel } from '../../components/src/main/ets/engine/EngineTypes';
import { CallPhase } from '../../components/src/main/ets/model/CallModel';
import { RemoteStreamModel } from '../../components/src/main/ets/model/RemoteStreamModel';
import { CallErrorKind, CallKitError, CallKitErrorCode } from '../../components/src/main/ets/session/CallKitError';
import { checkRoomID, checkStreamID, checkUserID, checkUserName } from '../../components/src/main/ets/session/IdRules';
import { CallUser, JoinOptions, StreamPlayPolicy } from '../../components/src/main/ets/session/JoinOptions';
import { makeToken04, START_UNIX } from '../../components/src/test/engine/SimFixture';
import { anyCallback, foreignRoomCallback } from './callbacks';
import { errorProblem, StepChecker } from './invariants';
import { RefJoin } from './reference';
import { describeStep, FuzzCase, JoinVariant, PARTICIPANTS, ROOMS, Step, STREAMS, USERS } from './steps';
import { FuzzWorld } from './world';

/** What one sequence did and found. */
export interface SequenceResult {
  steps: number;
  faults: number;
  violations: string[];
  /** The trace up to and including the first violation (or the whole trace with `fullTrace`). */
  trace: string[];
  /** How often each engine call, callback and app event happened. */
  counters: Map<string, number>;
}

const STREAM_IDS_BY_VARIANT: string[] = ['', 'my_stream', 'bob_main', 'a.b'];

/** Lets promise continuations run without moving simulated time (an app's next tap comes after them). */
async function letPromisesRun(): Promise<void> {
  for (let i = 0; i < 30; i++) {
    await Promise.resolve();
  }
}

class SkipDave implements StreamPlayPolicy {
  shouldPlay(stream: RemoteStreamModel): boolean {
    return stream.userID !== 'dave';
  }
}

class ThrowingPolicy implements StreamPlayPolicy {
  shouldPlay(stream: RemoteStreamModel): boolean {
    throw new Error(`policy bug for ${stream.streamID}`);
  }
}

/** The ZEGO code join() must reject with before anything reaches the engine, or 0 when the input is valid. */
function invalidJoinCode(roomID: string, user: CallUser, o: JoinOptions, tokenMode: boolean): number {
  const checks = [checkRoomID(roomID), checkUserID(user.userID), checkUserName(user.userName)];
  if (o.streamID !== '') {
    checks.push(checkStreamID(o.streamID));
  }
  for (const c of checks) {
    if (!c.ok) {
      return c.code;
    }
  }
  if (o.soundLevelIntervalMs !== 0 && (o.soundLevelIntervalMs < 100 || o.soundLevelIntervalMs > 3000)) {
    return 1006031;
  }
  if (tokenMode && o.token === '' && o.tokenProvider === undefined) {
    return 1002067;
  }
  return 0;
}

/** Performs steps against one world; see runSequence. */
class SequenceRunner {
  readonly world: FuzzWorld;
  private readonly checker: StepChecker;
  private nextPromise: number = 1;
  private stepsRun: number = 0;

  constructor(readonly fuzzCase: FuzzCase) {
    this.world = new FuzzWorld(fuzzCase.world);
    this.checker = new StepChecker(this.world);
    PARTICIPANTS.forEach((id: string, i: number) => {
      const p = this.world.sim.addParticipant(id, id.charAt(0).toUpperCase() + id.slice(1));
      if (i < fuzzCase.world.participantsInRoom) {
        p.join();
        p.publish();
        p.speak(10 + 20 * i);
      }
    });
  }

  async run(stopAtFirstViolation: boolean): Promise<SequenceResult> {
    const w = this.world;
    w.log(`world ${JSON.stringify(this.fuzzCase.world)}`);
    for (let i = 0; i < this.fuzzCase.steps.length; i++) {
      const step = this.fuzzCase.steps[i];
      w.log(`#${i} ${describeStep(step)}`);
      await this.perform(step);
      this.stepsRun += 1;
      this.checker.check(`step #${i} ${describeStep(step)}`);
      if (stopAtFirstViolation && w.violations.length > 0) {
        return this.result();
      }
    }
    await this.finish();
    return this.result();
  }

  private result(): SequenceResult {
    return {
      steps: this.stepsRun,
      faults: this.world.faultsInjected(),
      violations: this.world.violations.slice(),
      trace: this.world.trace.slice(),
      counters: this.world.counters
    };
  }

  private track(what: string, p: Promise<void>, onResolve: () => void, onReject: (e: unknown) => void): void {
    const id = this.nextPromise++;
    this.world.pending.set(id, what);
    p.then(() => {
      this.world.pending.delete(id);
      this.world.log(`  ${what} resolved`);
      onResolve();
    }, (e: unknown) => {
      this.world.pending.delete(id);
      this.world.log(`  ${what} rejected: ${e instanceof CallKitError ? e.code + ' ' + e.message : e}`);
      onReject(e);
    });
  }

  /** One step; app actions never throw (a throw is a violation). */
  async perform(step: Step): Promise<void> {
    const w = this.world;
    const s = w.session;
    try {
      switch (step.k) {
        case 'join':
          this.join(step.room, step.user, step.opts);
          break;
        case 'leave': {
          w.ref.onLeave();
          this.track('leave()', s.leave(), () => undefined, (e: unknown) => {
            w.violation(`leave() rejected: ${e}`);
          });
          break;
        }
        case 'mic':
          w.ref.onMicrophone(step.on);
          s.setMicrophoneOn(step.on);
          break;
        case 'camera':
          w.ref.onCamera(step.on);
          s.setCameraOn(step.on);
          break;
        case 'switchCamera':
          w.ref.onSwitchCamera();
          s.switchCamera();
          break;
        case 'background':
          w.ref.onBackground(step.on);
          s.setInBackground(step.on);
          break;
        case 'permissionGranted':
          w.ref.onPermissionGranted(step.device);
          if (step.device === 'camera') {
            w.cameraPermitted = true;
          } else {
            w.micPermitted = true;
          }
          s.permissionGranted(step.device);
          break;
        case 'mountPreview': {
          const view = `preview-${step.view}`;
          w.previewViews = w.previewViews.filter((v) => v !== view).concat([view]);
          s.bindPreview(view);
          break;
        }
        case 'unmountPreview': {
          const view = `preview-${step.view}`;
          w.previewViews = w.previewViews.filter((v) => v !== view);
          s.unbindPreview(view);
          break;
        }
        case 'mountStream': {
          const streamID = STREAMS[step.stream];
          const view = `view-${step.stream}-${step.view}`;
          w.streamViews.set(streamID, view);
          w.ref.onBindStream(streamID, view);
          s.bindStreamView(streamID, view);
          break;
        }
        case 'unmountStream': {
          const streamID = STREAMS[step.stream];
          const view = `view-${step.stream}-${step.view}`;
          if (w.streamViews.get(streamID) === view) {
            w.streamViews.delete(streamID);
          }
          w.ref.onUnbindStream(streamID, view);
          s.unbindStreamView(streamID, view);
          break;
        }
        case 'advance':
          await this.advance(step.ms);
          return;
        default:
          this.world.log(`  (world) ${this.performWorld(step)}`);
          break;
      }
    } catch (e) {
      w.violation(`${describeStep(step)} threw to the app: ${e instanceof Error ? e.stack : e}`);
    }
    await letPromisesRun();
  }

  private async advance(ms: number): Promise<void> {
    try {
      await this.world.clock.advanceAsync(ms);
    } catch (e) {
      this.world.violation(`an exception escaped from a timer or callback: ${e instanceof Error ? e.stack : e}`);
    }
  }

  private join(roomIndex: number, userIndex: number, v: JoinVariant): void {
    const w = this.world;
    const roomID = ROOMS[roomIndex];
    const user = new CallUser(USERS[userIndex][0], USERS[userIndex][1]);
    const o = new JoinOptions();
    o.publish = v.publish;
    o.microphoneOn = v.mic;
    o.cameraOn = v.camera;
    o.frontCamera = v.front;
    o.playPolicy = v.policy === 1 ? new SkipDave() : v.policy === 2 ? new ThrowingPolicy() : undefined;
    o.streamID = STREAM_IDS_BY_VARIANT[v.streamID];
    o.soundLevelIntervalMs = v.soundLevelMs;
    if (v.token === 'provider') {
      o.tokenProvider = w.tokens;
    } else if (v.token === 'static') {
      o.token = makeToken04(START_UNIX + Math.floor(w.clock.now() / 1000) + 3600);
      w.tokens.issued.push(o.token);
    }
    const invalid = invalidJoinCode(roomID, user, o, w.variant.tokenMode);
    let expectedCode = invalid;
    if (invalid === 0) {
      if (w.ref.inCall() && !w.ref.isSameCall(roomID, user.userID)) {
        expectedCode = CallKitErrorCode.AlreadyInCall;
      } else if (!w.ref.inCall()) {
        const join: RefJoin = {
          roomID, userID: user.userID, streamID: o.streamID, publish: o.publish, mic: o.microphoneOn,
          camera: o.cameraOn, front: o.frontCamera, hasTokenProvider: o.tokenProvider !== undefined,
          wants: (userID: string): boolean => {
            if (v.policy === 2) {
              throw new Error('policy throws');
            }
            return v.policy !== 1 || userID !== 'dave';
          }
        };
        w.ref.onJoinAccepted(join);
      }
    }
    const callsBefore = w.engineCalls;
    const promise = w.session.join(roomID, user, o);
    if (invalid !== 0 && w.engineCalls !== callsBefore) {
      w.violation(`join() with invalid input (${invalid}) reached the engine`);
    }
    const what = `join(${roomID.slice(0, 12)}, ${user.userID.slice(0, 12)})`;
    this.track(what, promise, () => {
      if (expectedCode !== 0) {
        w.violation(`${what} resolved, expected a rejection with ${expectedCode}`);
      }
    }, (e: unknown) => {
      const problem = errorProblem(e, this.checker.secrets());
      if (problem !== undefined) {
        w.violation(`${what} rejected badly: ${problem}`);
      } else if (expectedCode !== 0 && (e as CallKitError).code !== expectedCode) {
        w.violation(`${what} rejected with ${(e as CallKitError).code}, expected ${expectedCode}`);
      } else if (invalid !== 0 && (e as CallKitError).kind !== CallErrorKind.InvalidInput) {
        w.violation(`${what} rejected invalid input with kind ${(e as CallKitError).kind}, expected InvalidInput`);
      }
    });
  }

  /** Steps that change the world around the kit: participants, network, faults, injected callbacks. */
  private performWorld(step: Step): string {
    const w = this.world;
    const sim = w.sim;
    const s = w.session;
    switch (step.k) {
      case 'participant': {
        const p = sim.participant(PARTICIPANTS[step.p]);
        if (p === undefined) {
          return 'no such participant';
        }
        switch (step.op) {
          case 'join': return `${p.join()}`;
          case 'leave': return `${p.leave()}`;
          case 'publish': return `${p.publish()}`;
          case 'unpublish': return `${p.unpublish()}`;
          case 'cameraOn': return `${p.setCamera(true)}`;
          case 'cameraOff': return `${p.setCamera(false)}`;
          case 'micOn': return `${p.setMic(true)}`;
          case 'micOff': return `${p.setMic(false)}`;
          case 'speak': p.speak(20 + 13 * step.p); return 'speaking';
          case 'quality': p.setNetworkQuality(StreamQualityLevel.Bad, StreamQualityLevel.Good); return 'bad uplink';
        }
        return '';
      }
      case 'dropNetwork': return `${sim.dropNetwork()}`;
      case 'restoreNetwork': return `${sim.restoreNetwork()}`;
      case 'failReconnect': return `${sim.failReconnect()}`;
      case 'kickOut': return `${sim.kickOut(step.code)}`;
      case 'expireToken': return `${sim.expireTokenIn(step.seconds)}`;
      case 'tokenServer': w.tokens.failing = step.failing; return `failing=${step.failing}`;
      case 'failNextLogin': sim.failNextLogin(step.code); return 'armed';
      case 'failNextPublish': sim.failNextPublish(step.code); return 'armed';
      case 'failNextPlay': sim.failNextPlay(STREAMS[step.stream], step.code); return 'armed';
      case 'permissions': sim.setPermissions(step.camera, step.mic); return 'set';
      case 'localNetwork': sim.setNetworkQuality(step.up as StreamQualityLevel, step.down as StreamQualityLevel); return 'set';
      case 'localVoice': sim.setLocalSoundLevel(step.level); return 'set';
      case 'duplicate': {
        if (w.history.length === 0) {
          return 'nothing to duplicate';
        }
        w.injectThroughEngine(w.history[step.pick % w.history.length]);
        return 'injected';
      }
      case 'late': {
        if (w.history.length === 0) {
          return 'nothing to deliver late';
        }
        w.deliverLate(w.history[step.pick % w.history.length]);
        return 'delivered';
      }
      case 'lateAny': {
        // Any kind of callback, made up, after the call ended: it must change nothing (see world.deliver).
        if (w.ref.inCall()) {
          return 'a call is live: nothing late to deliver';
        }
        const roomID = s.model.room.roomID !== '' ? s.model.room.roomID : 'room1';
        w.deliverLate(anyCallback(step.pick, roomID, s.model.local.streamID, STREAMS[step.pick % STREAMS.length]));
        return 'delivered';
      }
      case 'foreignRoom':
        w.injectThroughEngine(foreignRoomCallback(step.pick, STREAMS[step.pick % STREAMS.length]));
        return 'injected';
      case 'willExpireAgain': {
        // A second warning for the same token (the SDK may repeat it; the fuzzer also duplicates it).
        const roomID = sim.currentRoomID() !== '' ? sim.currentRoomID() : s.model.room.roomID;
        w.injectThroughEngine({ name: 'onRoomTokenWillExpire', args: [roomID, 20] });
        return 'injected';
      }
      case 'reorder': {
        if (w.history.length < 2) {
          return 'nothing to reorder';
        }
        const last = w.history.slice(-2);
        w.injectThroughEngine(last[1]);
        w.injectThroughEngine(last[0]);
        return 'injected';
      }
      case 'stalePlayer':
        w.injectThroughEngine({ name: 'onPlayerStateUpdate', args: [STREAMS[step.stream], step.state, step.code, ''] });
        return 'injected';
      case 'stalePublisher': {
        const streamID = w.session.model.local.streamID;
        w.injectThroughEngine({ name: 'onPublisherStateUpdate', args: [streamID, step.state, step.code, ''] });
        return 'injected';
      }
      default:
        return 'not a world step';
    }
  }

  /** The app leaves as a real one would: its views unmount, it calls leave(); then nothing may remain. */
  private async finish(): Promise<void> {
    const w = this.world;
    const s = w.session;
    w.log('# finish: unmount every view, leave(), wait');
    try {
      for (const entry of Array.from(w.streamViews.entries())) {
        w.ref.onUnbindStream(entry[0], entry[1]);
        s.unbindStreamView(entry[0], entry[1]);
      }
      w.streamViews.clear();
      for (const view of w.previewViews.slice().reverse()) {
        s.unbindPreview(view);
      }
      w.previewViews = [];
      w.ref.onLeave();
      this.track('final leave()', s.leave(), () => undefined, (e: unknown) => {
        w.violation(`leave() rejected: ${e}`);
      });
    } catch (e) {
      w.violation(`leaving threw to the app: ${e instanceof Error ? e.stack : e}`);
    }
    // Let pending token answers and engine timers play out (a token provider may take a while).
    for (let i = 0; i < 5; i++) {
      await this.advance(200);
    }
    this.checker.check('finish');
    const sim = w.sim;
    const problems: string[] = [];
    if (w.pendingPromises() > 0) {
      problems.push(`promises never settled: ${Array.from(w.pending.values()).join(', ')}`);
    }
    if (w.ref.pendingEndCount() > 0) {
      problems.push(`${w.ref.pendingEndCount()} ended call(s) never reported CallEnded`);
    }
    const phase = s.model.phase;
    if (phase !== CallPhase.Ended && phase !== CallPhase.Idle) {
      problems.push(`phase is ${CallPhase[phase]} after leave()`);
    }
    if (!s.isIdle()) {
      problems.push('the session still holds part of the call after leave() (isIdle() is false)');
    }
    if (sim.listenerCount() !== 0) {
      problems.push(`${sim.listenerCount()} listener(s) remain after leave()`);
    }
    if (sim.isLoggedIn() || sim.currentRoomID() !== '') {
      problems.push(`the engine is still in room '${sim.currentRoomID()}' after leave()`);
    }
    if (sim.playingStreams().length > 0 || sim.publishingStreamID(PublishChannel.Main) !== undefined ||
      sim.isPreviewing()) {
      problems.push('the engine still plays, publishes or previews after leave()');
    }
    if (w.variant.appOwnsEngine) {
      // The app's engine stays; once the app destroys it, nothing of the kit may still be scheduled.
      await sim.destroyEngine();
    } else if (sim.isCreated()) {
      problems.push('the engine the session created was not destroyed by leave()');
    }
    if (w.kitTimerCount() !== 0) {
      problems.push(`${w.kitTimerCount()} timer(s) remain after leave()`);
    }
    for (const p of problems) {
      w.violation(`after leave(): ${p}`);
    }
    // Callbacks still queued on the SDK's thread arrive after everything is gone: they must change nothing.
    for (let i = 0; i < Math.min(3, w.history.length); i++) {
      w.deliverLate(w.history[(w.history.length - 1 - i * 7 + w.history.length * 7) % w.history.length]);
      await letPromisesRun();
      this.checker.check('a late callback after leave() and destroy');
    }
  }
}

/** Runs one case and returns what it found. */
export async function runSequence(fuzzCase: FuzzCase, stopAtFirstViolation: boolean = true): Promise<SequenceResult> {
  return new SequenceRunner(fuzzCase).run(stopAtFirstViolation);
}
