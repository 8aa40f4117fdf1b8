// SPDX-License-Identifier: Apache-2.0
// The reference model of the call fuzzer: what the kit's models must show, computed from the event log alone
// (the app's actions, the callbacks the kit's listener received, the engine calls the kit made and what they
// returned, and the CallEnded events). It is written from the spec (docs/architecture.md and the model
// classes' comments), not from CallController, and never reads the kit's state: after every step the runner
// compares the kit's CallModel with `snapshot()` field by field. Where the two disagree, either the kit or
// this spec is wrong, and the disagreement is reported with the sequence that produced it.

import {
  EngineStream, EngineUser, PlayerState, PlayQuality, PublisherState, PublishQuality, RemoteDeviceState,
  RoomStateChangedReason, StreamQualityLevel, UpdateType
} from '../../components/src/main/ets/engine/EngineTypes';
import { CallEndReason, CallPhase } from '../../components/src/main/ets/model/CallModel';
import { RoomConnection } from '../../components/src/main/ets/model/RoomModel';
import { deriveStreamID } from '../../components/src/main/ets/session/StreamIds';

/** The plain shape both the kit's model and the reference are reduced to before comparing. */
export interface ModelSnapshot {
  phase: CallPhase;
  endReason: CallEndReason;
  endErrorCode: number;
  room: {
    roomID: string; connection: RoomConnection; reason: RoomStateChangedReason | undefined; errorCode: number;
    reconnectingSince: number; users: string[]; onlineUserCount: number; networkQuality: StreamQualityLevel;
  };
  local: {
    streamID: string; publishState: PublisherState; publishErrorCode: number; micOn: boolean; micRequested: boolean;
    cameraOn: boolean; cameraRequested: boolean; frontCamera: boolean; cameraPermitted: boolean;
    micPermitted: boolean; inBackground: boolean; soundLevel: number; quality: StreamQualityLevel;
  };
  streams: Array<{
    streamID: string; userID: string; userName: string; playerState: PlayerState; playErrorCode: number;
    firstFrameSeen: boolean; cameraState: RemoteDeviceState; micState: RemoteDeviceState; soundLevel: number;
    quality: StreamQualityLevel; wanted: boolean; ended: boolean;
  }>;
}

/** What a join() was given, as far as the reference needs it. */
export interface RefJoin {
  roomID: string;
  userID: string;
  streamID: string;
  publish: boolean;
  mic: boolean;
  camera: boolean;
  front: boolean;
  /** Decides `wanted` for a new stream; may throw (the kit then plays the stream). */
  wants: (userID: string) => boolean;
  hasTokenProvider: boolean;
}

class RefStream {
  playerState: PlayerState = PlayerState.NoPlay;
  playErrorCode: number = 0;
  firstFrameSeen: boolean = false;
  cameraState: RemoteDeviceState = RemoteDeviceState.Open;
  micState: RemoteDeviceState = RemoteDeviceState.Open;
  soundLevel: number = 0;
  quality: StreamQualityLevel = StreamQualityLevel.Unknown;
  wanted: boolean = true;

  constructor(readonly streamID: string, readonly userID: string, readonly userName: string) {}
}

/** A call that is ending and whose CallEnded event has not arrived yet. */
interface PendingEnd {
  call: number;
  reason: CallEndReason;
  code: number;
}

function worse(a: StreamQualityLevel, b: StreamQualityLevel): StreamQualityLevel {
  if (a === StreamQualityLevel.Unknown) {
    return b;
  }
  if (b === StreamQualityLevel.Unknown) {
    return a;
  }
  return Math.max(a, b);
}

/** The expected state of the call, fed by the runner and the recording engine as things happen. */
export class ReferenceCall {
  /** Problems the reference itself detects (an unexpected CallEnded, for example). */
  readonly problems: string[] = [];

  // The model as the spec says it must be.
  private phase: CallPhase = CallPhase.Idle;
  private endReason: CallEndReason = CallEndReason.None;
  private endErrorCode: number = 0;
  private roomID: string = '';
  private connection: RoomConnection = RoomConnection.Idle;
  private reason: RoomStateChangedReason | undefined = undefined;
  private errorCode: number = 0;
  private reconnectingSince: number = 0;
  private users: EngineUser[] = [];
  private onlineUserCount: number = 0;
  private networkQuality: StreamQualityLevel = StreamQualityLevel.Unknown;
  private localStreamID: string = '';
  private publishState: PublisherState = PublisherState.NoPublish;
  private publishErrorCode: number = 0;
  private micOn: boolean = true;
  private micRequested: boolean = true;
  private cameraOn: boolean = true;
  private cameraRequested: boolean = true;
  private frontCamera: boolean = true;
  private cameraPermitted: boolean = true;
  private micPermitted: boolean = true;
  private inBackground: boolean = false;
  private soundLevel: number = 0;
  private quality: StreamQualityLevel = StreamQualityLevel.Unknown;
  private streams: RefStream[] = [];

  // What the kit is expected to hold.
  /** Numbers the calls: bumped by every accepted join. */
  call: number = 0;
  private join: RefJoin | undefined = undefined;
  /** The kit's listener is registered with the engine (observed). */
  listening: boolean = false;
  /** The engine is created (observed). */
  created: boolean = false;
  /** The kit called startPreview and has not stopped it (observed); the engine still runs it. */
  previewStarted: boolean = false;
  /** The kit asked to publish and the publisher has not failed or been stopped. */
  publishing: boolean = false;
  /** The streams that must be playing. */
  readonly playing: Set<string> = new Set<string>();
  /** streamID → the view bound to it. */
  readonly views: Map<string, string> = new Map<string, string>();
  /** The call whose loginRoom is pending. */
  private loginCall: number = -1;
  /** The last call for which the kit called loginRoom. */
  private loginIssued: number = -1;
  private readonly pendingEnds: PendingEnd[] = [];

  constructor(private readonly now: () => number) {}

  // ------------------------------------------------------------------ app actions

  /** An accepted join(): a new call. (Rejected joins change nothing and are not passed here.) */
  onJoinAccepted(join: RefJoin): void {
    this.call += 1;
    this.join = join;
    this.phase = CallPhase.Joining;
    this.endReason = CallEndReason.None;
    this.endErrorCode = 0;
    this.roomID = join.roomID;
    this.connection = RoomConnection.Connecting;
    this.reason = undefined;
    this.errorCode = 0;
    this.reconnectingSince = 0;
    this.users = [];
    this.onlineUserCount = 0;
    this.networkQuality = StreamQualityLevel.Unknown;
    this.localStreamID = join.streamID !== '' ? join.streamID : deriveStreamID(join.roomID, join.userID);
    this.publishState = PublisherState.NoPublish;
    this.publishErrorCode = 0;
    this.micRequested = join.mic;
    this.micOn = join.mic;
    this.cameraRequested = join.camera;
    this.cameraOn = join.camera;
    this.frontCamera = join.front;
    this.soundLevel = 0;
    this.quality = StreamQualityLevel.Unknown;
    this.streams = [];
    this.playing.clear();
    this.publishing = false;
  }

  /** Whether a join(roomID, userID) now returns the current call's result instead of starting a new call. */
  isSameCall(roomID: string, userID: string): boolean {
    return this.inCall() && this.join !== undefined && this.join.roomID === roomID && this.join.userID === userID;
  }

  /** Whether a call is joining or in progress (join() for another room must be refused). */
  inCall(): boolean {
    return this.phase === CallPhase.Joining || this.phase === CallPhase.InCall;
  }

  /** The phase the spec expects. */
  currentPhase(): CallPhase {
    return this.phase;
  }

  /** leave(): a joining or running call ends as HungUp; otherwise nothing changes. */
  onLeave(): void {
    if (this.inCall()) {
      this.beginEnd(CallEndReason.HungUp, 0);
    }
  }

  onMicrophone(on: boolean): void {
    this.micRequested = on;
    if (this.join !== undefined) {
      this.join.mic = on;
    }
    if (this.created && this.listening) {
      this.micOn = on;
    }
  }

  onCamera(on: boolean): void {
    this.cameraRequested = on;
    if (this.join !== undefined) {
      this.join.camera = on;
    }
    if (this.created && (this.listening || this.previewStarted)) {
      // Off is immediate; on is confirmed by the first captured frame when something captures in a call
      // (outside a call nobody listens for that frame, so on is immediate there too).
      const capturing = this.listening && (this.previewStarted || this.publishing);
      if (!on || !capturing) {
        this.cameraOn = on;
      }
    }
  }

  onSwitchCamera(): void {
    this.frontCamera = !this.frontCamera;
    if (this.join !== undefined) {
      this.join.front = this.frontCamera;
    }
  }

  onBackground(on: boolean): void {
    this.inBackground = on;
  }

  onPermissionGranted(device: string): void {
    if (device === 'camera') {
      this.cameraPermitted = true;
    }
    if (device === 'microphone') {
      this.micPermitted = true;
    }
  }

  onBindStream(streamID: string, viewID: string): void {
    this.views.set(streamID, viewID);
    this.playIfReady(streamID);
  }

  onUnbindStream(streamID: string, viewID: string): void {
    if (this.views.get(streamID) !== viewID) {
      return;
    }
    this.views.delete(streamID);
    this.stopPlaying(streamID);
  }

  // ------------------------------------------------------------------ what the kit did with the engine

  /** The kit registered its listener: it applies the requested local media to the engine now. */
  onListen(): void {
    this.listening = true;
    if (this.inCall()) {
      this.micOn = this.micRequested;
      if (!this.cameraRequested) {
        this.cameraOn = false;
      }
    }
  }

  onUnlisten(): void {
    this.listening = false;
  }

  onCreated(): void {
    this.created = true;
  }

  /** createEngine failed: a call waiting for the engine ends as LoginFailed with the engine's code. */
  onCreateFailed(code: number): void {
    if (this.phase === CallPhase.Joining && !this.listening) {
      this.beginEnd(CallEndReason.LoginFailed, code);
    }
  }

  onDestroyed(): void {
    this.created = false;
    this.previewStarted = false;
  }

  onPreviewCall(started: boolean): void {
    this.previewStarted = started && this.created;
  }

  /** The kit called loginRoom for the current call. */
  onLoginCall(): void {
    this.loginCall = this.call;
    this.loginIssued = this.call;
  }

  /** loginRoom resolved with `code`: a failure ends the call it belongs to, if that call is still going. */
  onLoginResult(code: number): void {
    const call = this.loginCall;
    this.loginCall = -1;
    if (code !== 0 && call === this.call && this.inCall()) {
      this.beginEnd(CallEndReason.LoginFailed, code);
    }
  }

  /** The token for a joining call could not be fetched: the call ends as LoginFailed with 2000002. */
  onJoinTokenFailed(call: number, code: number): void {
    if (call === this.call && this.inCall()) {
      this.beginEnd(CallEndReason.LoginFailed, code);
    }
  }

  /** The CallEnded event: the oldest ending call has ended; only the current call's model changes. */
  onCallEnded(reason: CallEndReason, code: number): void {
    const end = this.pendingEnds.shift();
    if (end === undefined) {
      this.problems.push(`CallEnded(${CallEndReason[reason]}, ${code}) was emitted for no call that was ending`);
      return;
    }
    if (end.reason !== reason || end.code !== code) {
      this.problems.push(`CallEnded(${CallEndReason[reason]}, ${code}) was emitted, expected ` +
        `CallEnded(${CallEndReason[end.reason]}, ${end.code})`);
    }
    if (end.call !== this.call || this.phase !== CallPhase.Leaving) {
      return;
    }
    this.streams = [];
    this.users = [];
    this.connection = RoomConnection.Disconnected;
    this.reconnectingSince = 0;
    this.publishState = PublisherState.NoPublish;
    this.soundLevel = 0;
    this.endReason = end.reason;
    this.endErrorCode = end.code;
    this.phase = CallPhase.Ended;
  }

  /** Calls that began ending and have not had their CallEnded event. */
  pendingEndCount(): number {
    return this.pendingEnds.length;
  }

  private beginEnd(reason: CallEndReason, code: number): void {
    this.pendingEnds.push({ call: this.call, reason, code });
    this.phase = CallPhase.Leaving;
    this.playing.clear();
    for (const s of this.streams) {
      s.soundLevel = 0; // the players are stopped: nobody is heard any more
    }
    this.publishing = false;
  }

  // ------------------------------------------------------------------ engine callbacks the kit received

  /** Applies one callback delivered to the kit's listener. */
  onCallback(name: string, args: unknown[]): void {
    switch (name) {
      case 'onRoomStateChanged':
        this.roomStateChanged(args[0] as string, args[1] as RoomStateChangedReason, args[2] as number);
        break;
      case 'onRoomUserUpdate':
        this.roomUserUpdate(args[0] as string, args[1] as UpdateType, args[2] as EngineUser[]);
        break;
      case 'onRoomStreamUpdate':
        this.roomStreamUpdate(args[0] as string, args[1] as UpdateType, args[2] as EngineStream[]);
        break;
      case 'onRoomOnlineUserCountUpdate':
        if (this.isCurrentRoom(args[0] as string)) {
          this.onlineUserCount = args[1] as number;
        }
        break;
      case 'onPublisherStateUpdate':
        this.publisherStateUpdate(args[0] as string, args[1] as PublisherState, args[2] as number);
        break;
      case 'onPublisherQualityUpdate':
        if (this.inCall() && args[0] === this.localStreamID) {
          this.quality = (args[1] as PublishQuality).level;
        }
        break;
      case 'onPublisherCapturedVideoFirstFrame':
        if (this.inCall() && this.cameraRequested) {
          this.cameraOn = true;
        }
        break;
      case 'onPlayerStateUpdate':
        this.playerStateUpdate(args[0] as string, args[1] as PlayerState, args[2] as number);
        break;
      case 'onPlayerQualityUpdate': {
        const s = this.stream(args[0] as string);
        if (s !== undefined && this.inCall()) {
          s.quality = (args[1] as PlayQuality).level;
        }
        break;
      }
      case 'onPlayerRenderVideoFirstFrame': {
        const s = this.stream(args[0] as string);
        if (s !== undefined && this.inCall() && this.playing.has(s.streamID)) {
          s.firstFrameSeen = true;
        }
        break;
      }
      case 'onRemoteCameraStateUpdate': {
        const s = this.stream(args[0] as string);
        if (s !== undefined && this.inCall()) {
          s.cameraState = args[1] as RemoteDeviceState;
        }
        break;
      }
      case 'onRemoteMicStateUpdate': {
        const s = this.stream(args[0] as string);
        if (s !== undefined && this.inCall()) {
          s.micState = args[1] as RemoteDeviceState;
          if (s.micState !== RemoteDeviceState.Open) {
            s.soundLevel = 0; // a muted or disabled microphone sends no voice
          }
        }
        break;
      }
      case 'onCapturedSoundLevelUpdate':
        if (this.inCall()) {
          this.soundLevel = Math.round(args[0] as number);
        }
        break;
      case 'onRemoteSoundLevelUpdate':
        if (this.inCall()) {
          (args[0] as Map<string, number>).forEach((level: number, streamID: string) => {
            const s = this.stream(streamID);
            // ZEGO reports every stream in the room; only the ones the kit plays, with the player Playing while
            // the room is not reconnecting, can carry audio.
            if (s !== undefined && this.playing.has(streamID) && s.playerState === PlayerState.Playing &&
              this.connection !== RoomConnection.Reconnecting) {
              s.soundLevel = Math.round(level);
            }
          });
        }
        break;
      case 'onNetworkQuality':
        if (this.inCall() && args[0] === '') {
          this.networkQuality = worse(args[1] as StreamQualityLevel, args[2] as StreamQualityLevel);
        }
        break;
      case 'onLocalDeviceError':
        if (!this.inCall()) {
          break; // after the call: the permission state is what the app set
        }
        if (args[0] === 1006003 && args[1] === 'camera') {
          this.cameraPermitted = false;
        }
        if (args[0] === 1006003 && args[1] === 'microphone') {
          this.micPermitted = false;
        }
        break;
      default:
        // onRoomStateUpdate, onRoomTokenWillExpire, onPlayerRecvVideoFirstFrame: no model change.
        break;
    }
  }

  /** Room callbacks count only for the current call's room, once the kit has asked to log in to it. */
  private isCurrentRoom(roomID: string): boolean {
    return this.inCall() && roomID === this.roomID && this.loginIssued === this.call;
  }

  private roomStateChanged(roomID: string, reason: RoomStateChangedReason, code: number): void {
    if (!this.isCurrentRoom(roomID)) {
      return;
    }
    this.reason = reason;
    this.errorCode = code;
    switch (reason) {
      case RoomStateChangedReason.Logining:
        this.connection = RoomConnection.Connecting;
        break;
      case RoomStateChangedReason.Logined:
        this.connection = RoomConnection.Connected;
        this.phase = CallPhase.InCall;
        if (this.join !== undefined && this.join.publish) {
          this.publishing = true;
        }
        for (const s of this.streams) {
          this.playIfReady(s.streamID);
        }
        break;
      case RoomStateChangedReason.Reconnecting:
        if (this.reconnectingSince === 0) {
          this.reconnectingSince = this.now();
        }
        this.connection = RoomConnection.Reconnecting;
        for (const s of this.streams) {
          s.soundLevel = 0; // no audio arrives until the room is back
        }
        break;
      case RoomStateChangedReason.Reconnected:
        this.reconnectingSince = 0;
        this.networkQuality = StreamQualityLevel.Unknown; // the outage's quality is not the network's any more
        this.connection = RoomConnection.Connected;
        break;
      case RoomStateChangedReason.LoginFailed:
        this.beginEnd(CallEndReason.LoginFailed, code);
        break;
      case RoomStateChangedReason.ReconnectFailed:
        this.beginEnd(CallEndReason.ReconnectFailed, code);
        break;
      case RoomStateChangedReason.KickOut:
        this.beginEnd(code === 1002056 ? CallEndReason.TokenExpired : CallEndReason.KickedOut, code);
        break;
      default:
        break;
    }
  }

  private roomUserUpdate(roomID: string, type: UpdateType, list: EngineUser[]): void {
    if (!this.isCurrentRoom(roomID) || this.join === undefined) {
      return;
    }
    const self = this.join.userID;
    for (const u of list) {
      const known = this.users.some((x: EngineUser) => x.userID === u.userID);
      if (type === UpdateType.Add && !known && u.userID !== self) {
        this.users = this.users.concat([u]);
      } else if (type === UpdateType.Delete && known) {
        this.users = this.users.filter((x: EngineUser) => x.userID !== u.userID);
      }
    }
  }

  private roomStreamUpdate(roomID: string, type: UpdateType, list: EngineStream[]): void {
    if (!this.isCurrentRoom(roomID) || this.join === undefined) {
      return;
    }
    for (const s of list) {
      const existing = this.stream(s.streamID);
      if (type === UpdateType.Add) {
        if (s.streamID === this.localStreamID || existing !== undefined) {
          continue;
        }
        const model = new RefStream(s.streamID, s.user.userID, s.user.userName);
        try {
          model.wanted = this.join.wants(s.user.userID);
        } catch (e) {
          model.wanted = true;
        }
        this.streams.push(model);
        this.playIfReady(s.streamID);
      } else if (existing !== undefined) {
        this.stopPlaying(s.streamID);
        this.streams = this.streams.filter((x: RefStream) => x !== existing);
      }
    }
  }

  private publisherStateUpdate(streamID: string, state: PublisherState, code: number): void {
    if (!this.inCall() || streamID !== this.localStreamID) {
      return;
    }
    this.publishState = state;
    this.publishErrorCode = code;
    if (state === PublisherState.NoPublish && code !== 0) {
      this.publishing = false;
    }
  }

  private playerStateUpdate(streamID: string, state: PlayerState, code: number): void {
    const s = this.stream(streamID);
    if (!this.inCall() || s === undefined || !this.playing.has(streamID)) {
      return;
    }
    s.playerState = state;
    if (state === PlayerState.Playing) {
      s.playErrorCode = 0;
    } else {
      s.soundLevel = 0; // requesting or stopped: no audio arrives
    }
    if (state === PlayerState.NoPlay && code !== 0) {
      this.playing.delete(streamID);
      s.playErrorCode = code;
      s.firstFrameSeen = false;
      s.soundLevel = 0;
    }
  }

  // ------------------------------------------------------------------ playing

  private stream(streamID: string): RefStream | undefined {
    return this.streams.find((s: RefStream) => s.streamID === streamID);
  }

  private playIfReady(streamID: string): void {
    const s = this.stream(streamID);
    if (!this.views.has(streamID) || s === undefined || !s.wanted || this.playing.has(streamID) ||
      this.phase !== CallPhase.InCall || !this.created) {
      return;
    }
    this.playing.add(streamID);
    s.playErrorCode = 0;
  }

  private stopPlaying(streamID: string): void {
    if (!this.playing.delete(streamID)) {
      return;
    }
    const s = this.stream(streamID);
    if (s !== undefined) {
      s.playerState = PlayerState.NoPlay;
      s.firstFrameSeen = false;
      s.soundLevel = 0;
    }
  }

  // ------------------------------------------------------------------ comparison

  /** The expected model in the comparison shape. */
  snapshot(): ModelSnapshot {
    return {
      phase: this.phase,
      endReason: this.endReason,
      endErrorCode: this.endErrorCode,
      room: {
        roomID: this.roomID, connection: this.connection, reason: this.reason, errorCode: this.errorCode,
        reconnectingSince: this.reconnectingSince, users: this.users.map((u: EngineUser) => `${u.userID}:${u.userName}`),
        onlineUserCount: this.onlineUserCount, networkQuality: this.networkQuality
      },
      local: {
        streamID: this.localStreamID, publishState: this.publishState, publishErrorCode: this.publishErrorCode,
        micOn: this.micOn, micRequested: this.micRequested, cameraOn: this.cameraOn,
        cameraRequested: this.cameraRequested, frontCamera: this.frontCamera, cameraPermitted: this.cameraPermitted,
        micPermitted: this.micPermitted, inBackground: this.inBackground, soundLevel: this.soundLevel,
        quality: this.quality
      },
      streams: this.streams.map((s: RefStream) => ({
        streamID: s.streamID, userID: s.userID, userName: s.userName, playerState: s.playerState,
        playErrorCode: s.playErrorCode, firstFrameSeen: s.firstFrameSeen, cameraState: s.cameraState,
        micState: s.micState, soundLevel: s.soundLevel, quality: s.quality, wanted: s.wanted, ended: false
      }))
    };
  }
}
