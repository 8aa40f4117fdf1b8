// SPDX-License-Identifier: Apache-2.0
// The properties that must hold after every step of a fuzz sequence, and at its end once the app has left:
// the kit's models equal the reference; the engine plays only what the kit knows it plays and each stream at
// most once; nothing plays or publishes once the call is leaving or over; no listener, login or timer is left
// behind after leave(); a call leaves behind exactly the permissions the app and the call established, and
// no preview without a preview view; a remote stream is shown speaking only while its audio can arrive (played,
// player Playing, room not reconnecting, microphone on), with the level and microphone it shows; every error that reaches the app is a CallKitError with a code, a kind
// and a message without secrets; and no exception escapes or is swallowed inside the kit. (What a late
// callback may not do, and one renewal per token, are checked as they happen: see world.ts.)

import { PlayerState, PublishChannel } from '../../components/src/main/ets/engine/EngineTypes';
import { CallModel, CallPhase } from '../../components/src/main/ets/model/CallModel';
import { isSpeaking, RemoteStreamModel } from '../../components/src/main/ets/model/RemoteStreamModel';
import { RoomConnection } from '../../components/src/main/ets/model/RoomModel';
import { CallEventKind } from '../../components/src/main/ets/session/CallEvent';
import { CallErrorKind, CallKitError } from '../../components/src/main/ets/session/CallKitError';
import { TEST_APP_SIGN } from '../../components/src/test/engine/SimFixture';
import { clearHilogLines, hilogLines } from '../../tools/host/sdk-fakes/@kit.PerformanceAnalysisKit';
import { ModelSnapshot } from './reference';
import { FuzzWorld } from './world';

/** Error lines the kit writes when the app's own code threw: expected, not a kit failure. */
const APP_FAULT_LINE: RegExp = /StreamPlayPolicy\.shouldPlay threw|an app CallEventListener threw/;

/** The kit's model in the comparison shape. */
export function kitSnapshot(model: CallModel): ModelSnapshot {
  const room = model.room;
  const local = model.local;
  return {
    phase: model.phase,
    endReason: model.endReason,
    endErrorCode: model.endErrorCode,
    room: {
      roomID: room.roomID, connection: room.connection, reason: room.reason, errorCode: room.errorCode,
      reconnectingSince: room.reconnectingSince, users: room.users.map((u) => `${u.userID}:${u.userName}`),
      onlineUserCount: room.onlineUserCount, networkQuality: room.networkQuality
    },
    local: {
      streamID: local.streamID, publishState: local.publishState, publishErrorCode: local.publishErrorCode,
      micOn: local.micOn, micRequested: local.micRequested, cameraOn: local.cameraOn,
      cameraRequested: local.cameraRequested, frontCamera: local.frontCamera, cameraPermitted: local.cameraPermitted,
      micPermitted: local.micPermitted, inBackground: local.inBackground, soundLevel: local.soundLevel,
      quality: local.quality
    },
    streams: model.streamIDs.map((id: string) => {
      const s = model.stream(id) as RemoteStreamModel;
      if (s === undefined) {
        return {
          streamID: id, userID: '<no model>', userName: '', playerState: 0, playErrorCode: 0, firstFrameSeen: false,
          cameraState: 0, micState: 0, soundLevel: 0, quality: 0, wanted: false, ended: true
        };
      }
      return {
        streamID: s.streamID, userID: s.userID, userName: s.userName, playerState: s.playerState,
        playErrorCode: s.playErrorCode, firstFrameSeen: s.firstFrameSeen, cameraState: s.cameraState,
        micState: s.micState, soundLevel: s.soundLevel, quality: s.quality, wanted: s.wanted, ended: s.ended
      };
    })
  };
}

/** Field-by-field differences, as 'path: kit X, expected Y'. */
export function diffSnapshots(kit: ModelSnapshot, expected: ModelSnapshot): string[] {
  const out: string[] = [];
  const walk = (path: string, a: unknown, b: unknown): void => {
    if (Array.isArray(a) && Array.isArray(b) && path !== 'room.users') {
      if (path === 'streams') {
        const ida = (a as Array<{ streamID: string }>).map((s) => s.streamID);
        const idb = (b as Array<{ streamID: string }>).map((s) => s.streamID);
        if (JSON.stringify(ida) !== JSON.stringify(idb)) {
          out.push(`streamIDs: kit ${JSON.stringify(ida)}, expected ${JSON.stringify(idb)}`);
          return;
        }
      }
      for (let i = 0; i < Math.max(a.length, b.length); i++) {
        walk(`${path}[${i}]`, a[i], b[i]);
      }
      return;
    }
    if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && !Array.isArray(a)) {
      const keys = new Set(Object.keys(a as object).concat(Object.keys(b as object)));
      for (const k of keys) {
        walk(path === '' ? k : `${path}.${k}`, (a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]);
      }
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push(`${path}: kit ${JSON.stringify(a)}, expected ${JSON.stringify(b)}`);
    }
  };
  walk('', kit, expected);
  return out;
}

/** Problems with an error the app was given (an Error event or a rejected join), or undefined. */
export function errorProblem(e: unknown, secrets: string[]): string | undefined {
  if (!(e instanceof CallKitError)) {
    return `the app was given an untyped error: ${e}`;
  }
  if (typeof e.code !== 'number' || !Number.isInteger(e.code) || e.code <= 0) {
    return `a CallKitError without a valid code: ${e.code}`;
  }
  if (CallErrorKind[e.kind] === undefined) {
    return `a CallKitError with an unknown kind ${e.kind}`;
  }
  if (typeof e.message !== 'string' || e.message.length === 0) {
    return `CallKitError ${e.code} has no message`;
  }
  for (const secret of secrets) {
    if (secret.length > 0 && e.message.indexOf(secret) >= 0) {
      return `CallKitError ${e.code} carries a secret in its message`;
    }
  }
  return undefined;
}

/** Checks run after every step. `checkedEvents` is how many events were already checked. */
export class StepChecker {
  private checkedEvents: number = 0;
  private listenerErrors: number = 0;

  constructor(private readonly world: FuzzWorld) {
    clearHilogLines();
  }

  /** Secrets that must never appear in an error message. */
  secrets(): string[] {
    return [TEST_APP_SIGN].concat(this.world.tokens.issued);
  }

  check(where: string): void {
    const w = this.world;
    const problems: string[] = [];
    // No exception escapes from a callback to the engine, and none is swallowed inside the kit.
    if (w.sim.listenerErrors !== this.listenerErrors) {
      problems.push(`a kit listener threw to the engine ${w.sim.listenerErrors - this.listenerErrors} time(s)`);
      this.listenerErrors = w.sim.listenerErrors;
    }
    for (const line of hilogLines) {
      // The app's own code throwing (a play policy, an event listener) is logged as an error on purpose.
      if (line.level === 'error' && !APP_FAULT_LINE.test(line.text)) {
        problems.push(`the kit logged an internal failure: ${line.text}`);
      }
    }
    clearHilogLines();
    // Every error the app receives is typed and coded.
    for (; this.checkedEvents < w.events.length; this.checkedEvents++) {
      const e = w.events[this.checkedEvents];
      if (e.kind === CallEventKind.Error) {
        const p = errorProblem(e.error, this.secrets());
        if (p !== undefined) {
          problems.push(p);
        }
      }
    }
    // The models equal the reference.
    for (const p of w.ref.problems.splice(0)) {
      problems.push(p);
    }
    for (const d of diffSnapshots(kitSnapshot(w.session.model), w.ref.snapshot())) {
      problems.push(`model differs from the reference: ${d}`);
    }
    this.checkEngine(problems);
    this.checkSpeaking(problems);
    for (const p of problems) {
      w.violation(`after ${where}: ${p}`);
    }
  }

  /** A stream is shown speaking only while its audio can arrive; its level is 0 whenever none can. */
  private checkSpeaking(problems: string[]): void {
    const model = this.world.session.model;
    const playing = this.world.session.playingStreamIDs();
    for (const s of model.allStreams()) {
      if (s.speaking !== isSpeaking(s.soundLevel, s.micOff())) {
        problems.push(`${s.streamID} shows speaking ${s.speaking} for level ${s.soundLevel}, microphone off ${s.micOff()}`);
      }
      const flowing = playing.indexOf(s.streamID) >= 0 && s.playerState === PlayerState.Playing &&
        model.room.connection !== RoomConnection.Reconnecting && !s.ended;
      if (s.soundLevel !== 0 && !flowing) {
        problems.push(`${s.streamID} keeps sound level ${s.soundLevel} although no audio can arrive (player ` +
          `${PlayerState[s.playerState]}, room ${RoomConnection[model.room.connection]})`);
      }
    }
  }

  private checkEngine(problems: string[]): void {
    const w = this.world;
    const sim = w.sim;
    const model = w.session.model;
    const kitPlaying = w.session.playingStreamIDs();
    const simPlaying = sim.playingStreams();
    const phase = w.ref.currentPhase();
    for (const id of simPlaying) {
      if (kitPlaying.indexOf(id) < 0) {
        problems.push(`the engine plays ${id}, which the kit does not know it plays (it would never stop it)`);
      }
    }
    if (new Set(kitPlaying).size !== kitPlaying.length) {
      problems.push(`the kit plays a stream twice: ${JSON.stringify(kitPlaying)}`);
    }
    const expected = Array.from(w.ref.playing).sort();
    if (JSON.stringify(kitPlaying.slice().sort()) !== JSON.stringify(expected)) {
      problems.push(`the kit plays ${JSON.stringify(kitPlaying.slice().sort())}, expected ${JSON.stringify(expected)}`);
    }
    if (model.local.previewing !== sim.isPreviewing()) {
      problems.push(`local.previewing is ${model.local.previewing} but the engine ${sim.isPreviewing() ? 'previews' : 'does not preview'}`);
    }
    if (w.ref.listening && sim.isCreated()) {
      if (model.local.micOn === sim.isMicrophoneMuted()) {
        problems.push(`local.micOn is ${model.local.micOn} but the engine's microphone is ${sim.isMicrophoneMuted() ? 'muted' : 'on'}`);
      }
      if (model.local.cameraRequested !== sim.isCameraEnabled()) {
        problems.push(`local.cameraRequested is ${model.local.cameraRequested} but the engine's camera is ${sim.isCameraEnabled() ? 'enabled' : 'disabled'}`);
      }
      if (model.local.cameraOn && !sim.isCameraEnabled()) {
        problems.push('local.cameraOn is true but the engine\'s camera is disabled');
      }
      if (model.local.frontCamera !== sim.isFrontCamera()) {
        problems.push(`local.frontCamera is ${model.local.frontCamera} but the engine uses the ${sim.isFrontCamera() ? 'front' : 'back'} camera`);
      }
    }
    if (phase !== CallPhase.Joining && phase !== CallPhase.InCall) {
      // Leaving or over: nothing plays or publishes, and the kit no longer listens.
      if (simPlaying.length > 0) {
        problems.push(`the engine still plays ${JSON.stringify(simPlaying)} after leave`);
      }
      if (sim.publishingStreamID(PublishChannel.Main) !== undefined) {
        problems.push(`the engine still publishes ${sim.publishingStreamID(PublishChannel.Main)} after leave`);
      }
      if (sim.listenerCount() !== 0) {
        problems.push(`${sim.listenerCount()} listener(s) still registered after leave`);
      }
    }
    if (model.local.previewing && w.previewViews.length === 0) {
      problems.push('local.previewing is true although the app has no preview view mounted');
    }
    if (phase !== CallPhase.Joining && phase !== CallPhase.InCall) {
      // What the call leaves behind is what the app (and the live call) set, whatever arrived late.
      if (model.local.cameraPermitted !== w.cameraPermitted || model.local.micPermitted !== w.micPermitted) {
        problems.push(`after the call the permissions are camera ${model.local.cameraPermitted}, microphone ` +
          `${model.local.micPermitted}; the app and the call set camera ${w.cameraPermitted}, microphone ${w.micPermitted}`);
      }
    }
    if (phase === CallPhase.Ended || phase === CallPhase.Idle) {
      if (sim.currentRoomID() !== '' && w.pendingPromises() === 0) {
        problems.push(`the engine is still in room ${sim.currentRoomID()} after the call ended`);
      }
      if (!w.variant.appOwnsEngine && w.previewViews.length === 0 && w.pendingPromises() === 0) {
        if (sim.isCreated()) {
          problems.push('the engine the session created is still alive after the call ended');
        } else if (w.kitTimerCount() !== 0) {
          problems.push(`${w.kitTimerCount()} timer(s) still scheduled after the call ended`);
        }
      }
    }
  }
}
