// SPDX-License-Identifier: Apache-2.0
// Host-only tests of the ZEGO adapter (engine/ZegoCallEngine.ets) against the recording fake of the SDK
// module (tools/host/sdk-fakes/@zego/zego-express-engine.ts), which throws on undocumented usage. They
// prove the documented call flow, the argument orders and config classes, the event mapping, that listener
// exceptions stay inside the adapter and that no secret reaches hilog; and, through the public CallSession, that
// join() keeps its promise (resolved only once logged in) under every reading of loginRoom's return. Host-only (.ts, not in List.test.ets):
// it drives the fake directly, which a device test cannot; it imports the .ets code directly, which the checker allows only for host-only suites in tools/kit-tests/. Written in the
// ArkTS subset all the same.
import { afterEach, beforeEach, describe, expect, it } from '@ohos/hypium';
import { CallEngineListener } from '../../components/src/main/ets/engine/CallEngine';
import { EngineError, EngineErrorCode } from '../../components/src/main/ets/engine/EngineError';
import {
  EngineProfile,
  EngineScenario,
  EngineStream,
  EngineUser,
  EngineView,
  PlayerState,
  PlayQuality,
  PublishChannel,
  PublisherState,
  PublishQuality,
  RemoteDeviceState,
  RoomLoginConfig,
  RoomOperationResult,
  RoomState,
  RoomStateChangedReason,
  StreamQualityLevel,
  UpdateType,
  ViewMode
} from '../../components/src/main/ets/engine/EngineTypes';
import { ZegoCallEngine } from '../../components/src/main/ets/engine/ZegoCallEngine';
import { ZegoErrorCodes } from '../../components/src/main/ets/engine/ZegoErrorCodes';
import { CallEndReason, CallPhase } from '../../components/src/main/ets/model/CallModel';
import { CallKitError, CallKitErrorCode } from '../../components/src/main/ets/session/CallKitError';
import { CallSession } from '../../components/src/main/ets/session/CallSession';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';
import { CallUser } from '../../components/src/main/ets/session/JoinOptions';
import FakeZegoExpressEngine, {
  callNames,
  callsNamed,
  completeDestroy,
  FakeRoomResult,
  FakeSdkError,
  fakeEmit,
  fakeEmitToDestroyed,
  fakeSettings,
  liveEngine,
  pendingDestroys,
  resetFake,
  ReturnStyle,
  SdkCall,
  sdkCalls,
  sdkConstructions,
  ZegoEngineProfile,
  ZegoLogConfig,
  ZegoPlayerConfig,
  ZegoPlayerState,
  ZegoPlayStreamQuality,
  ZegoPublishChannel,
  ZegoPublisherConfig,
  ZegoPublisherState,
  ZegoPublishStreamQuality,
  ZegoRemoteDeviceState,
  ZegoRoomConfig,
  ZegoRoomState,
  ZegoRoomStateChangedReason,
  ZegoSoundLevelConfig,
  ZegoStream,
  ZegoStreamQualityLevel,
  ZegoStreamResourceMode,
  ZegoUpdateType,
  ZegoUser,
  ZegoView,
  ZegoViewMode
} from '../host/sdk-fakes/@zego/zego-express-engine';
import { clearHilogLines, HilogLine, hilogLines } from '../host/sdk-fakes/@kit.PerformanceAnalysisKit';

/** A well-formed AppSign (64 hex characters); it must never appear in a log line. */
const APP_SIGN: string = '9f3c1a7e5b2d4c6e8a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f7a8b9c0d1e2f';
/** A token04-shaped string; it must never appear in a log line. */
const TOKEN: string = '04AAAAAGVT/xAADAcHBwcHBwcHBwcAkNbZ2+qVbTq1yE8ZWdhG4N1rOq8R3kQmU6vK5f0hT2lQ8d9Jb7WcXyZaPq/' +
  'Lm3n4o5p6q7r8s9t0u1v2w3x4y5z6A7B8C9D0E1F2G3H4I5J6K7L8M9N0O1P2Q3R4S5T6U7V8W9X0Y1Z2a3b4c5d6e7f8==';
const APP_ID: number = 1234567890;
const LOG_PATH: string = '/data/storage/el2/base/files/zego';

/** Stands in for the HarmonyOS ApplicationContext. */
class FakeApplicationContext {
  filesDir: string = '/data/storage/el2/base/files';
}

const CONTEXT: FakeApplicationContext = new FakeApplicationContext();

/**
 * The numbers onLocalDeviceExceptionOccurred passes (ZegoDeviceExceptionType / ZegoDeviceType of the other
 * Express SDKs; the ArkTS docs name neither enum, so neither the fake nor the kit exports them).
 */
const EXCEPTION_GENERIC: number = 1;
const EXCEPTION_PERMISSION_NOT_GRANTED: number = 3;
const EXCEPTION_DEVICE_OCCUPIED: number = 5;
const EXCEPTION_SOUND_LEVEL_TOO_LOW: number = 10;
const DEVICE_CAMERA: number = 1;
const DEVICE_MICROPHONE: number = 2;
const DEVICE_SPEAKER: number = 3;

/** Node's process, as far as a test needs it to see rejections nobody handled (no Node typings here). */
interface UnhandledRejections {
  on(event: string, listener: (reason: Object) => void): void;
  off(event: string, listener: (reason: Object) => void): void;
}
const NODE_PROCESS: UnhandledRejections =
  (globalThis as Object as Record<string, Object>)['process'] as UnhandledRejections;

/** Every reading of an SDK return value ZEGO's ArkTS docs leave open. */
const RETURN_STYLES: ReturnStyle[] = [ReturnStyle.Promise, ReturnStyle.Void, ReturnStyle.Rejected];

/** The ZEGO events the adapter must register: one per CallEngineListener event, plus onDebugError. */
const EXPECTED_EVENTS: string[] = [
  'onCapturedSoundLevelUpdate', 'onDebugError', 'onLocalDeviceExceptionOccurred', 'onNetworkQuality',
  'onPlayerQualityUpdate', 'onPlayerRecvVideoFirstFrame', 'onPlayerRenderVideoFirstFrame', 'onPlayerStateUpdate',
  'onPublisherCapturedVideoFirstFrame', 'onPublisherQualityUpdate', 'onPublisherStateUpdate',
  'onRemoteCameraStateUpdate', 'onRemoteMicStateUpdate', 'onRemoteSoundLevelUpdate',
  'onRoomOnlineUserCountUpdate', 'onRoomStateChanged', 'onRoomStateUpdate', 'onRoomStreamUpdate',
  'onRoomTokenWillExpire', 'onRoomUserUpdate'
];

function profile(logPath: string): EngineProfile {
  return new EngineProfile(APP_ID, APP_SIGN, EngineScenario.StandardVideoCall, CONTEXT, logPath);
}

function loginConfig(): RoomLoginConfig {
  const config: RoomLoginConfig = new RoomLoginConfig();
  config.token = TOKEN;
  config.isUserStatusNotify = true;
  config.maxMemberCount = 2;
  return config;
}

/** Every adapter a test made: afterEach destroys their engines, since the SDK engine is one per process. */
const adapters: ZegoCallEngine[] = [];
/** ZegoCallEngine.handoverWaitMs as shipped; tests that shorten it get it back in afterEach. */
const DEFAULT_HANDOVER_WAIT_MS: number = ZegoCallEngine.handoverWaitMs;
/** ZegoCallEngine.loginEventWaitMs as shipped; tests that shorten it get it back in afterEach. */
const DEFAULT_LOGIN_EVENT_WAIT_MS: number = ZegoCallEngine.loginEventWaitMs;

/** A new adapter, remembered so that afterEach frees the SDK engine it may hold. */
function newEngine(): ZegoCallEngine {
  const engine: ZegoCallEngine = new ZegoCallEngine();
  adapters.push(engine);
  return engine;
}

/** An adapter whose engine has been created (the fake is reset by beforeEach). */
async function createdEngine(): Promise<ZegoCallEngine> {
  const engine: ZegoCallEngine = newEngine();
  await engine.createEngine(profile(LOG_PATH));
  return engine;
}

/** The EngineError code `action` rejects with; 0 when it resolves, -1 for anything else. */
async function rejectionCode(action: Promise<void>): Promise<number> {
  try {
    await action;
  } catch (e) {
    return e instanceof EngineError ? e.code : -1;
  }
  return 0;
}

/** Lets pending promise continuations run (the fake answers in microtasks). */
async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) {
    await Promise.resolve();
  }
}

/** The message `action` throws, or '' when it does not throw. */
function thrownMessage(action: () => void): string {
  try {
    action();
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
  return '';
}

/** The only recorded call named `name`. */
function onlyCall(name: string): SdkCall {
  const calls: SdkCall[] = callsNamed(name);
  expect(calls.length).assertEqual(1);
  return calls[0];
}

/** A ZegoUser as the SDK would deliver it. */
function zegoUser(userID: string, userName: string): ZegoUser {
  const user: ZegoUser = new ZegoUser();
  user.userID = userID;
  user.userName = userName;
  return user;
}

/** Records every event as one line of text, and keeps the last structured values. */
class RecordingListener implements CallEngineListener {
  lines: string[] = [];
  users: EngineUser[] = [];
  streams: EngineStream[] = [];
  publishQuality: PublishQuality | undefined = undefined;
  playQuality: PlayQuality | undefined = undefined;
  soundLevels: Map<string, number> = new Map<string, number>();

  onRoomStateChanged(roomID: string, reason: RoomStateChangedReason, errorCode: number, extendedData: string): void {
    this.lines.push(`onRoomStateChanged ${roomID} ${reason} ${errorCode} ${extendedData}`);
  }

  onRoomStateUpdate(roomID: string, state: RoomState, errorCode: number, extendedData: string): void {
    this.lines.push(`onRoomStateUpdate ${roomID} ${state} ${errorCode} ${extendedData}`);
  }

  onRoomUserUpdate(roomID: string, updateType: UpdateType, userList: EngineUser[]): void {
    this.users = userList;
    this.lines.push(`onRoomUserUpdate ${roomID} ${updateType} ${userList.length}`);
  }

  onRoomStreamUpdate(roomID: string, updateType: UpdateType, streamList: EngineStream[], extendedData: string): void {
    this.streams = streamList;
    this.lines.push(`onRoomStreamUpdate ${roomID} ${updateType} ${streamList.length} ${extendedData}`);
  }

  onRoomOnlineUserCountUpdate(roomID: string, count: number): void {
    this.lines.push(`onRoomOnlineUserCountUpdate ${roomID} ${count}`);
  }

  onRoomTokenWillExpire(roomID: string, remainTimeInSecond: number): void {
    this.lines.push(`onRoomTokenWillExpire ${roomID} ${remainTimeInSecond}`);
  }

  onPublisherStateUpdate(streamID: string, state: PublisherState, errorCode: number, extendedData: string): void {
    this.lines.push(`onPublisherStateUpdate ${streamID} ${state} ${errorCode} ${extendedData}`);
  }

  onPublisherQualityUpdate(streamID: string, quality: PublishQuality): void {
    this.publishQuality = quality;
    this.lines.push(`onPublisherQualityUpdate ${streamID}`);
  }

  onPublisherCapturedVideoFirstFrame(channel: PublishChannel): void {
    this.lines.push(`onPublisherCapturedVideoFirstFrame ${channel}`);
  }

  onPlayerStateUpdate(streamID: string, state: PlayerState, errorCode: number, extendedData: string): void {
    this.lines.push(`onPlayerStateUpdate ${streamID} ${state} ${errorCode} ${extendedData}`);
  }

  onPlayerQualityUpdate(streamID: string, quality: PlayQuality): void {
    this.playQuality = quality;
    this.lines.push(`onPlayerQualityUpdate ${streamID}`);
  }

  onPlayerRecvVideoFirstFrame(streamID: string): void {
    this.lines.push(`onPlayerRecvVideoFirstFrame ${streamID}`);
  }

  onPlayerRenderVideoFirstFrame(streamID: string): void {
    this.lines.push(`onPlayerRenderVideoFirstFrame ${streamID}`);
  }

  onRemoteCameraStateUpdate(streamID: string, state: RemoteDeviceState): void {
    this.lines.push(`onRemoteCameraStateUpdate ${streamID} ${state}`);
  }

  onRemoteMicStateUpdate(streamID: string, state: RemoteDeviceState): void {
    this.lines.push(`onRemoteMicStateUpdate ${streamID} ${state}`);
  }

  onCapturedSoundLevelUpdate(soundLevel: number): void {
    this.lines.push(`onCapturedSoundLevelUpdate ${soundLevel}`);
  }

  onRemoteSoundLevelUpdate(soundLevels: Map<string, number>): void {
    this.soundLevels = soundLevels;
    this.lines.push(`onRemoteSoundLevelUpdate ${soundLevels.size}`);
  }

  onNetworkQuality(userID: string, upstreamQuality: StreamQualityLevel, downstreamQuality: StreamQualityLevel): void {
    this.lines.push(`onNetworkQuality ${userID} ${upstreamQuality} ${downstreamQuality}`);
  }

  onLocalDeviceError(errorCode: number, deviceName: string): void {
    this.lines.push(`onLocalDeviceError ${errorCode} ${deviceName}`);
  }
}

/** A listener whose room-state handler throws an error that carries the token. */
class ThrowingListener extends RecordingListener {
  onRoomStateChanged(roomID: string, reason: RoomStateChangedReason, errorCode: number, extendedData: string): void {
    super.onRoomStateChanged(roomID, reason, errorCode, extendedData);
    throw new Error('listener broke while holding ' + TOKEN);
  }
}

/** Calls every media and room method of the adapter once. */
function callEveryMethod(engine: ZegoCallEngine): void {
  engine.renewToken('room1', TOKEN);
  engine.startPreview(new EngineView('preview', ViewMode.AspectFill), PublishChannel.Main);
  engine.stopPreview(PublishChannel.Main);
  engine.startPublishingStream('stream1', 'room1', PublishChannel.Main);
  engine.stopPublishingStream(PublishChannel.Main);
  engine.startPlayingStream('remote1', new EngineView('tile1', ViewMode.AspectFit));
  engine.updatePlayingCanvas('remote1', new EngineView('tile2', ViewMode.AspectFit));
  engine.stopPlayingStream('remote1');
  engine.mutePlayStreamAudio('remote1', true);
  engine.mutePlayStreamVideo('remote1', true);
  engine.muteMicrophone(true);
  engine.enableCamera(false, PublishChannel.Main);
  engine.useFrontCamera(false, PublishChannel.Main);
  engine.startSoundLevelMonitor(300);
  engine.stopSoundLevelMonitor();
}

/** What a join() came to so far: 'pending', 'resolved', or 'rejected <code>'. */
class JoinOutcome {
  text: string = 'pending';

  constructor(joining: Promise<void>) {
    joining.then(() => {
      this.text = 'resolved';
    }, (e: Object) => {
      this.text = 'rejected ' + (e instanceof CallKitError ? String((e as CallKitError).code) : String(e));
    });
  }
}

/** Every session a test made: afterEach leaves their calls. */
const sessions: CallSession[] = [];

/** A session on a new ZEGO adapter (the session creates the SDK engine on join, and destroys it on leave). */
function zegoSession(): CallSession {
  const session: CallSession = new EngineProvider(newEngine(), profile(LOG_PATH)).session();
  sessions.push(session);
  return session;
}

/** Joins room1 as alice and lets the engine creation and the loginRoom call happen. */
async function joinRoom1(session: CallSession): Promise<JoinOutcome> {
  const outcome: JoinOutcome = new JoinOutcome(session.join('room1', new CallUser('alice', 'Alice')));
  await settle();
  expect(callsNamed('loginRoom').length).assertEqual(1);
  return outcome;
}

export default function zegoCallEngineHostTest(): void {
  describe('ZegoCallEngine', () => {
    beforeEach(() => {
      resetFake();
      clearHilogLines();
    });

    afterEach(async () => {
      ZegoCallEngine.handoverWaitMs = DEFAULT_HANDOVER_WAIT_MS;
      fakeSettings.throwingMethods = [];
      // A test that failed while the SDK held a destroyEngine open must not leave it open for the next one.
      fakeSettings.holdDestroy = false;
      completeDestroy();
      // Twice: a createEngine still waiting for the slot (a test that failed early) takes it when the first
      // round frees it, and is destroyed by the second.
      for (let round = 0; round < 2; round++) {
        for (const adapter of adapters) {
          await adapter.destroyEngine();
        }
        await settle();
      }
      adapters.length = 0;
    });

    it('configures SDK logging, creates the engine, then registers every event handler before any room call', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        await engine.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());

        const names: string[] = callNames();
        expect(names[0]).assertEqual('setLogConfig');
        expect(names[1]).assertEqual('createEngine');
        const registered: string[] = names.slice(2, 2 + EXPECTED_EVENTS.length).map((n: string) => n.substring(3));
        registered.sort();
        expect(JSON.stringify(registered)).assertEqual(JSON.stringify(EXPECTED_EVENTS));
        expect(names[2 + EXPECTED_EVENTS.length]).assertEqual('loginRoom');
        expect(engine.isCreated()).assertTrue();
        done();
      });

    it('writes SDK logs to the profile folder in 3 files of 5 MB', 0, async (done: Function) => {
      await createdEngine();
      const logConfig: Object | undefined = onlyCall('setLogConfig').args[0];
      expect(logConfig instanceof ZegoLogConfig).assertTrue();
      const config: ZegoLogConfig = logConfig as ZegoLogConfig;
      expect(config.logPath).assertEqual(LOG_PATH);
      expect(config.logSize).assertEqual(5 * 1024 * 1024);
      expect(config.logCount).assertEqual(3);
      done();
    });

    it('keeps the SDK default log folder when the profile has no log path', 0, async (done: Function) => {
      await newEngine().createEngine(profile(''));
      const config: ZegoLogConfig = onlyCall('setLogConfig').args[0] as ZegoLogConfig;
      expect(config.logPath).assertEqual('');
      expect(config.logCount).assertEqual(3);
      done();
    });

    it('builds the engine profile from app ID, AppSign, scenario and the application context, in that order', 0,
      async (done: Function) => {
        await createdEngine();
        const built: SdkCall[] = sdkConstructions.filter((c: SdkCall) => c.name === 'ZegoEngineProfile');
        expect(built.length).assertEqual(1);
        expect(built[0].args.length).assertEqual(4);
        expect(built[0].args[0]).assertEqual(APP_ID);
        expect(built[0].args[1]).assertEqual(APP_SIGN);
        expect(built[0].args[2]).assertEqual(EngineScenario.StandardVideoCall);
        expect(built[0].args[3]).assertEqual(CONTEXT);
        expect(onlyCall('createEngine').args[0] instanceof ZegoEngineProfile).assertTrue();
        done();
      });

    it('refuses to create the engine without an application context and leaves the SDK untouched', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = newEngine();
        let code: number = 0;
        try {
          await engine.createEngine(new EngineProfile(APP_ID, APP_SIGN, EngineScenario.Default, undefined, ''));
        } catch (e) {
          code = e instanceof EngineError ? e.code : -1;
        }
        expect(code).assertEqual(EngineErrorCode.NO_APPLICATION_CONTEXT);
        expect(sdkCalls.length).assertEqual(0);
        expect(engine.isCreated()).assertFalse();
        done();
      });

    it('rejects with the SDK error code, without the AppSign, when engine creation fails', 0,
      async (done: Function) => {
        fakeSettings.createEngineRejection = new FakeSdkError(1001005, 'auth failed for appSign ' + APP_SIGN);
        const engine: ZegoCallEngine = newEngine();
        let failure: EngineError | undefined = undefined;
        try {
          await engine.createEngine(profile(LOG_PATH));
        } catch (e) {
          failure = e instanceof EngineError ? e : undefined;
        }
        expect(failure === undefined).assertFalse();
        expect((failure as EngineError).code).assertEqual(1001005);
        expect((failure as EngineError).message.includes(APP_SIGN)).assertFalse();
        expect(engine.isCreated()).assertFalse();
        done();
      });

    it('refuses a second createEngine while the engine exists', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      let code: number = 0;
      try {
        await engine.createEngine(profile(LOG_PATH));
      } catch (e) {
        code = e instanceof EngineError ? e.code : -1;
      }
      expect(code).assertEqual(EngineErrorCode.ALREADY_CREATED);
      expect(callsNamed('createEngine').length).assertEqual(1);
      expect(engine.isCreated()).assertTrue();
      done();
    });

    it('logs in with a ZegoUser and a ZegoRoomConfig carrying the token, and treats an empty result as success', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const result: RoomOperationResult =
          await engine.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());

        const login: SdkCall = onlyCall('loginRoom');
        expect(login.args[0]).assertEqual('room1');
        expect(login.args[1] instanceof ZegoUser).assertTrue();
        expect((login.args[1] as ZegoUser).userID).assertEqual('alice');
        expect((login.args[1] as ZegoUser).userName).assertEqual('Alice');
        expect(login.args[2] instanceof ZegoRoomConfig).assertTrue();
        const config: ZegoRoomConfig = login.args[2] as ZegoRoomConfig;
        expect(config.token).assertEqual(TOKEN);
        expect(config.isUserStatusNotify).assertTrue();
        expect(config.maxMemberCount).assertEqual(2);
        expect(result.errorCode).assertEqual(0);
        done();
      });

    it('reports the login error code and extended data the SDK returns', 0, async (done: Function) => {
      fakeSettings.loginResult = new FakeRoomResult(1002033, '{"reason":"token"}');
      const engine: ZegoCallEngine = await createdEngine();
      const result: RoomOperationResult = await engine.loginRoom('room1', new EngineUser('alice', ''), loginConfig());
      expect(result.errorCode).assertEqual(1002033);
      expect(result.extendedData).assertEqual('{"reason":"token"}');
      done();
    });

    it('publishes with the ArkTS order: stream ID, a publisher config naming the room, then the channel', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        engine.startPublishingStream('stream1', 'room1', PublishChannel.Main);

        const publish: SdkCall = onlyCall('startPublishingStream');
        expect(publish.args.length).assertEqual(3);
        expect(publish.args[0]).assertEqual('stream1');
        expect(publish.args[1] instanceof ZegoPublisherConfig).assertTrue();
        expect((publish.args[1] as ZegoPublisherConfig).roomID).assertEqual('room1');
        expect(publish.args[2]).assertEqual(ZegoPublishChannel.Main);
        done();
      });

    it('plays a stream into a ZegoView named after the view ID with the default resource mode', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        engine.startPlayingStream('remote1', new EngineView('tile-remote1', ViewMode.AspectFill));

        const play: SdkCall = onlyCall('startPlayingStream');
        expect(play.args[0]).assertEqual('remote1');
        expect(play.args[1] instanceof ZegoView).assertTrue();
        expect((play.args[1] as ZegoView).view).assertEqual('tile-remote1');
        expect((play.args[1] as ZegoView).viewMode).assertEqual(ZegoViewMode.AspectFill);
        expect(play.args[2] instanceof ZegoPlayerConfig).assertTrue();
        expect((play.args[2] as ZegoPlayerConfig).resourceMode).assertEqual(ZegoStreamResourceMode.Default);
        done();
      });

    it('plays audio only when no view is given, and moves a playing stream to a new view', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        engine.startPlayingStream('remote1', undefined);
        engine.updatePlayingCanvas('remote1', new EngineView('tile-big', ViewMode.AspectFit));

        const play: SdkCall = onlyCall('startPlayingStream');
        expect(play.args[1]).assertUndefined();
        expect(play.args[2] instanceof ZegoPlayerConfig).assertTrue();
        const update: SdkCall = onlyCall('updatePlayingCanvas');
        expect(update.args[0]).assertEqual('remote1');
        expect((update.args[1] as ZegoView).view).assertEqual('tile-big');
        done();
      });

    it('starts the preview in a ZegoView on the given channel', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      engine.startPreview(new EngineView('local-preview', ViewMode.AspectFill), PublishChannel.Main);

      const preview: SdkCall = onlyCall('startPreview');
      expect(preview.args[0] instanceof ZegoView).assertTrue();
      expect((preview.args[0] as ZegoView).view).assertEqual('local-preview');
      expect((preview.args[0] as ZegoView).viewMode).assertEqual(ZegoViewMode.AspectFill);
      expect(preview.args[1]).assertEqual(ZegoPublishChannel.Main);
      done();
    });

    it('passes device switches, mutes, token renewal and the sound-level period through to the SDK', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const before: number = sdkCalls.length;
        callEveryMethod(engine);

        const names: string[] = callNames().slice(before);
        expect(JSON.stringify(names)).assertEqual(JSON.stringify([
          'renewToken', 'startPreview', 'stopPreview', 'startPublishingStream', 'stopPublishingStream',
          'startPlayingStream', 'updatePlayingCanvas', 'stopPlayingStream', 'mutePlayStreamAudio',
          'mutePlayStreamVideo', 'muteMicrophone', 'enableCamera', 'useFrontCamera', 'startSoundLevelMonitor',
          'stopSoundLevelMonitor']));
        expect(JSON.stringify(onlyCall('renewToken').args)).assertEqual(JSON.stringify(['room1', TOKEN]));
        expect(JSON.stringify(onlyCall('mutePlayStreamAudio').args)).assertEqual('["remote1",true]');
        expect(JSON.stringify(onlyCall('mutePlayStreamVideo').args)).assertEqual('["remote1",true]');
        expect(JSON.stringify(onlyCall('muteMicrophone').args)).assertEqual('[true]');
        expect(JSON.stringify(onlyCall('enableCamera').args)).assertEqual('[false,0]');
        expect(JSON.stringify(onlyCall('useFrontCamera').args)).assertEqual('[false,0]');
        const monitor: Object | undefined = onlyCall('startSoundLevelMonitor').args[0];
        expect(monitor instanceof ZegoSoundLevelConfig).assertTrue();
        expect((monitor as ZegoSoundLevelConfig).millisecond).assertEqual(300);
        done();
      });

    it('logs out of the room before destroying the engine', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      await engine.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
      const logout: RoomOperationResult = await engine.logoutRoom('room1');
      await engine.destroyEngine();

      expect(logout.errorCode).assertEqual(0);
      expect(JSON.stringify(callNames().slice(-3))).assertEqual('["loginRoom","logoutRoom","destroyEngine"]');
      expect(engine.isCreated()).assertFalse();
      expect(liveEngine()).assertUndefined();
      done();
    });

    it('logs out of a room that is still joined when the engine is destroyed', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      await engine.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
      await engine.destroyEngine();

      expect(JSON.stringify(callNames().slice(-2))).assertEqual('["logoutRoom","destroyEngine"]');
      expect(onlyCall('logoutRoom').args[0]).assertEqual('room1');
      expect(liveEngine()).assertUndefined();
      done();
    });

    it('destroys the engine and can create it again whether destroyEngine returns a promise, nothing, or a rejection', 0,
      async (done: Function) => {
        const seen: string[] = [];
        for (const style of RETURN_STYLES) {
          resetFake();
          fakeSettings.returns.destroyEngine = style;
          const engine: ZegoCallEngine = await createdEngine();
          await engine.destroyEngine();
          const destroyed: boolean = !engine.isCreated() && liveEngine() === undefined;
          await engine.createEngine(profile(LOG_PATH));
          seen.push(`${style}: destroyed=${destroyed} recreated=${engine.isCreated()}`);
          await engine.destroyEngine();
          await settle();
        }
        expect(JSON.stringify(seen)).assertEqual(JSON.stringify(RETURN_STYLES.map((style: ReturnStyle) =>
          `${style}: destroyed=true recreated=true`)));
        done();
      });

    it('waits for the SDK to finish destroying the engine before its own destroyEngine resolves', 0,
      async (done: Function) => {
        fakeSettings.holdDestroy = true;
        const engine: ZegoCallEngine = await createdEngine();
        let finished: boolean = false;
        const destruction: Promise<void> = engine.destroyEngine().then(() => {
          finished = true;
        });
        await settle();
        expect(pendingDestroys()).assertEqual(1);
        expect(finished).assertFalse();
        // A new engine waits for the SDK's teardown too, instead of creating over it.
        const creation: Promise<void> = engine.createEngine(profile(LOG_PATH));
        await settle();
        expect(callsNamed('createEngine').length).assertEqual(1);
        completeDestroy();
        await destruction;
        await creation;
        expect(finished).assertTrue();
        expect(callsNamed('createEngine').length).assertEqual(2);
        expect(engine.isCreated()).assertTrue();
        done();
      });

    it('reads a login and a logout the same way whether the SDK returns a promise, nothing, or a rejection', 0,
      async (done: Function) => {
        const seen: string[] = [];
        for (const style of RETURN_STYLES) {
          resetFake();
          fakeSettings.rejection = new FakeSdkError(1002031, 'login timed out');
          fakeSettings.returns.loginRoom = style;
          fakeSettings.returns.logoutRoom = style;
          const engine: ZegoCallEngine = await createdEngine();
          const logging: Promise<RoomOperationResult> =
            engine.loginRoom('room1', new EngineUser('alice', ''), loginConfig());
          await settle();
          // Returning nothing, the SDK tells the login's outcome only through onRoomStateChanged.
          fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logined, 0, '');
          const login: RoomOperationResult = await logging;
          const logout: RoomOperationResult = await engine.logoutRoom('room1');
          seen.push(`${style}: login=${login.errorCode} logout=${logout.errorCode}`);
          await engine.destroyEngine();
        }
        // A void login succeeds with its Logined, a void logout at once; a rejection gives its code.
        expect(JSON.stringify(seen)).assertEqual(JSON.stringify([
          'promise: login=0 logout=0', 'void: login=0 logout=0', 'rejected: login=1002031 logout=1002031']));
        done();
      });

    it('ends a login that returned nothing with 1000001 when the engine is destroyed before the room reports', 0,
      async (done: Function) => {
        fakeSettings.returns.loginRoom = ReturnStyle.Void;
        const engine: ZegoCallEngine = await createdEngine();
        let code: number = -1;
        const logging: Promise<void> = engine.loginRoom('room1', new EngineUser('alice', ''), loginConfig())
          .then((result: RoomOperationResult) => {
            code = result.errorCode;
          });
        await settle();
        expect(code).assertEqual(-1);
        await engine.destroyEngine();
        await logging;
        expect(code).assertEqual(ZegoErrorCodes.ENGINE_NOT_CREATED);
        expect(JSON.stringify(callNames().slice(-2))).assertEqual('["logoutRoom","destroyEngine"]');
        done();
      });

    it('keeps a rejected token renewal inside the adapter and logs it without the token', 0,
      async (done: Function) => {
        const escaped: Object[] = [];
        const onUnhandled = (reason: Object): void => {
          escaped.push(reason);
        };
        NODE_PROCESS.on('unhandledRejection', onUnhandled);
        try {
          for (const style of RETURN_STYLES) {
            resetFake();
            clearHilogLines();
            fakeSettings.returns.renewToken = style;
            fakeSettings.rejection = new FakeSdkError(1002082, 'renewed token lacks privileges ' + TOKEN);
            const engine: ZegoCallEngine = await createdEngine();
            engine.renewToken('room1', TOKEN);
            await settle();
            await new Promise<void>((resolve: () => void) => setTimeout(resolve, 0));
            expect(callsNamed('renewToken').length).assertEqual(1);
            const rejectedLine: boolean = hilogLines.some((line: HilogLine) => line.text.includes('renewToken') &&
              line.text.includes('1002082'));
            expect(`${style}: logged=${rejectedLine}`).assertEqual(`${style}: logged=${style === ReturnStyle.Rejected}`);
            expect(hilogLines.some((line: HilogLine) => line.text.includes(TOKEN))).assertFalse();
            await engine.destroyEngine();
          }
        } finally {
          NODE_PROCESS.off('unhandledRejection', onUnhandled);
        }
        expect(escaped.length).assertEqual(0);
        done();
      });

    it('does nothing and does not throw when called before the engine exists', 0, async (done: Function) => {
      const engine: ZegoCallEngine = newEngine();
      callEveryMethod(engine);
      const login: RoomOperationResult = await engine.loginRoom('room1', new EngineUser('a', 'A'), loginConfig());
      const logout: RoomOperationResult = await engine.logoutRoom('room1');
      await engine.destroyEngine();

      expect(sdkCalls.length).assertEqual(0);
      expect(login.errorCode).assertEqual(EngineErrorCode.ENGINE_NOT_CREATED);
      expect(logout.errorCode).assertEqual(EngineErrorCode.ENGINE_NOT_CREATED);
      const warnings: HilogLine[] = hilogLines.filter((l: HilogLine) => l.level === 'warn');
      expect(warnings.some((l: HilogLine) => l.text.includes('startPublishingStream ignored'))).assertTrue();
      done();
    });

    it('does nothing after the engine is destroyed', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      await engine.destroyEngine();
      const before: number = sdkCalls.length;
      callEveryMethod(engine);
      await engine.loginRoom('room1', new EngineUser('a', 'A'), loginConfig());
      await engine.destroyEngine();
      expect(sdkCalls.length).assertEqual(before);
      done();
    });

    it('ignores events that a destroyed engine still delivers', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      const listener: RecordingListener = new RecordingListener();
      engine.addListener(listener);
      await engine.destroyEngine();
      await engine.createEngine(profile(LOG_PATH));

      const late: number = fakeEmitToDestroyed('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logout, 0, '');
      expect(late).assertEqual(1);
      expect(listener.lines.length).assertEqual(0);
      fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logining, 0, '');
      expect(JSON.stringify(listener.lines)).assertEqual('["onRoomStateChanged room1 0 0 "]');
      done();
    });

    it('delivers room connection, user count and token expiry events with ZEGO values', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      const listener: RecordingListener = new RecordingListener();
      engine.addListener(listener);

      fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Reconnecting, 1002051, '{"k":1}');
      fakeEmit('onRoomStateUpdate', 'room1', ZegoRoomState.Connected, 0, '');
      fakeEmit('onRoomOnlineUserCountUpdate', 'room1', 2);
      fakeEmit('onRoomTokenWillExpire', 'room1', 30);

      expect(JSON.stringify(listener.lines)).assertEqual(JSON.stringify([
        `onRoomStateChanged room1 ${RoomStateChangedReason.Reconnecting} 1002051 {"k":1}`,
        `onRoomStateUpdate room1 ${RoomState.Connected} 0 `,
        'onRoomOnlineUserCountUpdate room1 2',
        'onRoomTokenWillExpire room1 30']));
      done();
    });

    it('delivers joined users and published streams as the kit user and stream classes', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const listener: RecordingListener = new RecordingListener();
        engine.addListener(listener);
        const stream: ZegoStream = new ZegoStream();
        stream.streamID = 'bob_main';
        stream.user = zegoUser('bob', 'Bob');
        stream.extraInfo = 'camera';

        fakeEmit('onRoomUserUpdate', 'room1', ZegoUpdateType.Add, [zegoUser('bob', 'Bob'), zegoUser('carol', 'Carol')]);
        fakeEmit('onRoomStreamUpdate', 'room1', ZegoUpdateType.Delete, [stream], '{}');

        expect(listener.lines[0]).assertEqual(`onRoomUserUpdate room1 ${UpdateType.Add} 2`);
        expect(listener.users[1] instanceof EngineUser).assertTrue();
        expect(listener.users[1].userID).assertEqual('carol');
        expect(listener.users[1].userName).assertEqual('Carol');
        expect(listener.lines[1]).assertEqual(`onRoomStreamUpdate room1 ${UpdateType.Delete} 1 {}`);
        expect(listener.streams[0] instanceof EngineStream).assertTrue();
        expect(listener.streams[0].streamID).assertEqual('bob_main');
        expect(listener.streams[0].user.userID).assertEqual('bob');
        expect(listener.streams[0].extraInfo).assertEqual('camera');
        done();
      });

    it('delivers publisher state, quality and the first captured frame', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      const listener: RecordingListener = new RecordingListener();
      engine.addListener(listener);
      const quality: ZegoPublishStreamQuality = new ZegoPublishStreamQuality();
      quality.level = ZegoStreamQualityLevel.Good;
      quality.videoSendFPS = 15;
      quality.videoKBPS = 600;
      quality.audioKBPS = 48;
      quality.rtt = 40;
      quality.packetLostRate = 0.01;

      fakeEmit('onPublisherStateUpdate', 'stream1', ZegoPublisherState.PublishRequesting, 1003020, '');
      fakeEmit('onPublisherQualityUpdate', 'stream1', quality);
      fakeEmit('onPublisherCapturedVideoFirstFrame', ZegoPublishChannel.Main);

      expect(listener.lines[0]).assertEqual(`onPublisherStateUpdate stream1 ${PublisherState.PublishRequesting} 1003020 `);
      const mapped: PublishQuality = listener.publishQuality as PublishQuality;
      expect(mapped instanceof PublishQuality).assertTrue();
      expect(mapped.level).assertEqual(StreamQualityLevel.Good);
      expect(mapped.videoSendFPS).assertEqual(15);
      expect(mapped.videoKBPS).assertEqual(600);
      expect(mapped.audioKBPS).assertEqual(48);
      expect(mapped.rtt).assertEqual(40);
      expect(mapped.packetLostRate).assertEqual(0.01);
      expect(listener.lines[2]).assertEqual(`onPublisherCapturedVideoFirstFrame ${PublishChannel.Main}`);
      done();
    });

    it('delivers player state, quality with MOS and the first received and rendered frames', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const listener: RecordingListener = new RecordingListener();
        engine.addListener(listener);
        const quality: ZegoPlayStreamQuality = new ZegoPlayStreamQuality();
        quality.level = ZegoStreamQualityLevel.Bad;
        quality.videoRecvFPS = 12;
        quality.mos = 3.5;
        quality.rtt = 180;

        fakeEmit('onPlayerStateUpdate', 'remote1', ZegoPlayerState.Playing, 0, '');
        fakeEmit('onPlayerQualityUpdate', 'remote1', quality);
        fakeEmit('onPlayerRecvVideoFirstFrame', 'remote1');
        fakeEmit('onPlayerRenderVideoFirstFrame', 'remote1');

        expect(listener.lines[0]).assertEqual(`onPlayerStateUpdate remote1 ${PlayerState.Playing} 0 `);
        const mapped: PlayQuality = listener.playQuality as PlayQuality;
        expect(mapped.level).assertEqual(StreamQualityLevel.Bad);
        expect(mapped.videoRecvFPS).assertEqual(12);
        expect(mapped.mos).assertEqual(3.5);
        expect(mapped.rtt).assertEqual(180);
        expect(listener.lines[2]).assertEqual('onPlayerRecvVideoFirstFrame remote1');
        expect(listener.lines[3]).assertEqual('onPlayerRenderVideoFirstFrame remote1');
        done();
      });

    it('delivers a remote camera turned off and a remote microphone muted', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      const listener: RecordingListener = new RecordingListener();
      engine.addListener(listener);

      fakeEmit('onRemoteCameraStateUpdate', 'remote1', ZegoRemoteDeviceState.Disable);
      fakeEmit('onRemoteMicStateUpdate', 'remote1', ZegoRemoteDeviceState.Mute);

      expect(JSON.stringify(listener.lines)).assertEqual(JSON.stringify([
        `onRemoteCameraStateUpdate remote1 ${RemoteDeviceState.Disable}`,
        `onRemoteMicStateUpdate remote1 ${RemoteDeviceState.Mute}`]));
      done();
    });

    it('delivers the local sound level and the remote levels, sent as an object or a map, as a map keyed by stream ID', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const listener: RecordingListener = new RecordingListener();
        engine.addListener(listener);
        // ZEGO's ArkTS guide: the handler takes `(soundLevel: Object)` and casts it to Record<string, number>.
        const levels: Object = JSON.parse('{"remote1": 35.5, "remote2": 80}') as Object;

        fakeEmit('onCapturedSoundLevelUpdate', 12);
        fakeEmit('onRemoteSoundLevelUpdate', levels);

        expect(listener.lines[0]).assertEqual('onCapturedSoundLevelUpdate 12');
        expect(listener.soundLevels.size).assertEqual(2);
        expect(listener.soundLevels.get('remote1')).assertEqual(35.5);
        expect(listener.soundLevels.get('remote2')).assertEqual(80);
        const asMap: Map<string, number> = new Map<string, number>();
        asMap.set('remote3', 5);
        fakeEmit('onRemoteSoundLevelUpdate', asMap);
        expect(listener.soundLevels.size).assertEqual(1);
        expect(listener.soundLevels.get('remote3')).assertEqual(5);
        done();
      });

    it('delivers network quality and reports a level ZEGO does not define as unknown', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      const listener: RecordingListener = new RecordingListener();
      engine.addListener(listener);

      fakeEmit('onNetworkQuality', '', ZegoStreamQualityLevel.Excellent, ZegoStreamQualityLevel.Medium);
      fakeEmit('onNetworkQuality', 'bob', 42, ZegoStreamQualityLevel.Die);

      expect(JSON.stringify(listener.lines)).assertEqual(JSON.stringify([
        `onNetworkQuality  ${StreamQualityLevel.Excellent} ${StreamQualityLevel.Medium}`,
        `onNetworkQuality bob ${StreamQualityLevel.Unknown} ${StreamQualityLevel.Die}`]));
      done();
    });

    it('reports a missing camera permission and a busy microphone as local device errors', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const listener: RecordingListener = new RecordingListener();
        engine.addListener(listener);

        fakeEmit('onLocalDeviceExceptionOccurred', EXCEPTION_PERMISSION_NOT_GRANTED, DEVICE_CAMERA, 'cam0');
        fakeEmit('onLocalDeviceExceptionOccurred', EXCEPTION_DEVICE_OCCUPIED, DEVICE_MICROPHONE, 'mic0');
        fakeEmit('onLocalDeviceExceptionOccurred', EXCEPTION_GENERIC, DEVICE_SPEAKER, 'spk0');
        fakeEmit('onLocalDeviceExceptionOccurred', EXCEPTION_SOUND_LEVEL_TOO_LOW, DEVICE_MICROPHONE, 'mic0');
        fakeEmit('onDebugError', 1006003, 'startPreview', 'no camera permission');
        fakeEmit('onDebugError', 1006031, 'startSoundLevelMonitor', 'interval out of range');

        expect(JSON.stringify(listener.lines)).assertEqual(JSON.stringify([
          'onLocalDeviceError 1006003 camera',
          'onLocalDeviceError 1006005 microphone',
          'onLocalDeviceError 1006003 camera']));
        done();
      });

    it('keeps a throwing listener away from the SDK callback and still informs the other listeners', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const throwing: ThrowingListener = new ThrowingListener();
        const recording: RecordingListener = new RecordingListener();
        engine.addListener(throwing);
        engine.addListener(recording);

        const escaped: string = thrownMessage(() => {
          fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logined, 0, '');
        });

        expect(escaped).assertEqual('');
        expect(throwing.lines.length).assertEqual(1);
        expect(recording.lines.length).assertEqual(1);
        const errors: HilogLine[] = hilogLines.filter((l: HilogLine) => l.level === 'error');
        expect(errors.some((l: HilogLine) => l.text.includes('a listener threw in onRoomStateChanged'))).assertTrue();
        done();
      });

    it('adds a listener once and stops delivering to it once removed', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      const listener: RecordingListener = new RecordingListener();
      engine.addListener(listener);
      engine.addListener(listener);
      expect(engine.listenerCount()).assertEqual(1);
      fakeEmit('onPlayerRecvVideoFirstFrame', 'remote1');
      engine.removeListener(listener);
      fakeEmit('onPlayerRecvVideoFirstFrame', 'remote1');

      expect(engine.listenerCount()).assertEqual(0);
      expect(listener.lines.length).assertEqual(1);
      done();
    });

    it('never writes the AppSign or a token to hilog, even when the SDK or a listener puts them in an error', 0,
      async (done: Function) => {
        fakeSettings.createEngineRejection = new FakeSdkError(1001005, 'bad appSign ' + APP_SIGN);
        const engine: ZegoCallEngine = newEngine();
        try {
          await engine.createEngine(profile(LOG_PATH));
        } catch (e) {
          expect(e instanceof EngineError).assertTrue();
        }
        fakeSettings.createEngineRejection = undefined;
        await engine.createEngine(profile(LOG_PATH));
        engine.addListener(new ThrowingListener());
        await engine.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
        engine.renewToken('room1', TOKEN);
        fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logined, 0, '');
        fakeEmit('onDebugError', 1002033, 'loginRoom', 'token ' + TOKEN + ' rejected');
        await engine.destroyEngine();

        expect(hilogLines.length).assertLarger(5);
        const leaks: HilogLine[] =
          hilogLines.filter((l: HilogLine) => l.text.includes(APP_SIGN) || l.text.includes(TOKEN));
        expect(JSON.stringify(leaks)).assertEqual('[]');
        expect(hilogLines.every((l: HilogLine) => l.domain === 0x0C01 && l.tag === 'ZegoCallKit')).assertTrue();
        done();
      });

    it('still creates the engine and delivers the other events when the SDK has no onDebugError or device events', 0,
      async (done: Function) => {
        fakeSettings.onThrowsFor = ['onDebugError', 'onLocalDeviceExceptionOccurred'];
        const engine: ZegoCallEngine = await createdEngine();
        const listener: RecordingListener = new RecordingListener();
        engine.addListener(listener);
        const login: RoomOperationResult =
          await engine.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
        fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logined, 0, '');
        fakeEmit('onNetworkQuality', '', ZegoStreamQualityLevel.Good, ZegoStreamQualityLevel.Good);

        expect(engine.isCreated()).assertTrue();
        expect(login.errorCode).assertEqual(0);
        expect(listener.lines.length).assertEqual(2);
        const registered: string[] = (liveEngine() as FakeZegoExpressEngine).registeredEvents();
        expect(registered.length).assertEqual(EXPECTED_EVENTS.length - 2);
        const warnings: HilogLine[] = hilogLines.filter((l: HilogLine) => l.level === 'warn');
        expect(warnings.some((l: HilogLine) => l.text.includes('onDebugError'))).assertTrue();
        expect(warnings.some((l: HilogLine) => l.text.includes('onLocalDeviceExceptionOccurred'))).assertTrue();
        done();
      });

    it('registers the four events a call cannot work without before any other', 0, async (done: Function) => {
      await createdEngine();
      const firstFour: string[] = callNames().slice(2, 6).map((n: string) => n.substring(3));
      firstFour.sort();
      expect(JSON.stringify(firstFour)).assertEqual(JSON.stringify(
        ['onPlayerStateUpdate', 'onPublisherStateUpdate', 'onRoomStateChanged', 'onRoomStreamUpdate']));
      done();
    });

    it('fails engine creation with its own code, and destroys the engine, when the SDK has no player state event', 0,
      async (done: Function) => {
        fakeSettings.onThrowsFor = ['onPlayerStateUpdate'];
        const engine: ZegoCallEngine = newEngine();
        let failure: EngineError | undefined = undefined;
        try {
          await engine.createEngine(profile(LOG_PATH));
        } catch (e) {
          failure = e instanceof EngineError ? e : undefined;
        }
        expect((failure as EngineError).code).assertEqual(EngineErrorCode.REQUIRED_EVENT_UNAVAILABLE);
        expect((failure as EngineError).message).assertContain('onPlayerStateUpdate');
        expect(engine.isCreated()).assertFalse();
        expect(liveEngine()).assertUndefined();
        expect(callsNamed('destroyEngine').length).assertEqual(1);
        fakeSettings.onThrowsFor = [];
        await engine.createEngine(profile(LOG_PATH));
        expect(engine.isCreated()).assertTrue();
        done();
      });

    it('refuses a second adapter\'s engine while the first is in a call, and leaves the first one working', 0,
      async (done: Function) => {
        const first: ZegoCallEngine = await createdEngine();
        const listener: RecordingListener = new RecordingListener();
        first.addListener(listener);
        await first.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
        const second: ZegoCallEngine = newEngine();

        let failure: EngineError | undefined = undefined;
        try {
          await second.createEngine(profile(LOG_PATH));
        } catch (e) {
          failure = e instanceof EngineError ? e : undefined;
        }
        expect((failure as EngineError).code).assertEqual(EngineErrorCode.ENGINE_OWNED_ELSEWHERE);
        expect((failure as EngineError).message).assertContain('one EngineProvider per app');
        expect(callsNamed('createEngine').length).assertEqual(1);
        expect(second.isCreated()).assertFalse();
        second.stopPreview(PublishChannel.Main);
        await second.destroyEngine();
        expect(first.isCreated()).assertTrue();
        expect(callsNamed('stopPreview').length).assertEqual(0);
        expect(callsNamed('destroyEngine').length).assertEqual(0);
        fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logined, 0, '');
        expect(listener.lines.length).assertEqual(1);
        done();
      });

    it('never lets a second adapter destroy the first adapter\'s engine, even with an SDK that hands out its one engine', 0,
      async (done: Function) => {
        fakeSettings.createReturnsLiveEngine = true;
        ZegoCallEngine.handoverWaitMs = 20;
        const first: ZegoCallEngine = await createdEngine();
        const sdkEngine: FakeZegoExpressEngine = liveEngine() as FakeZegoExpressEngine;
        const listener: RecordingListener = new RecordingListener();
        first.addListener(listener);
        const second: ZegoCallEngine = newEngine();

        const code: number = await rejectionCode(second.createEngine(profile(LOG_PATH)));
        fakeEmit('onPlayerRecvVideoFirstFrame', 'remote1');
        await second.destroyEngine();

        expect(sdkEngine.isDestroyed()).assertFalse();
        expect(liveEngine() === sdkEngine).assertTrue();
        expect(first.isCreated()).assertTrue();
        expect(JSON.stringify(listener.lines)).assertEqual('["onPlayerRecvVideoFirstFrame remote1"]');
        expect(code).assertEqual(EngineErrorCode.ENGINE_OWNED_ELSEWHERE);
        done();
      });

    it('lets a recreated ability\'s adapter join while the previous call is still logging out: it waits, then creates', 0,
      async (done: Function) => {
        const previous: ZegoCallEngine = await createdEngine();
        await previous.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
        const oldListener: RecordingListener = new RecordingListener();
        previous.addListener(oldListener);
        const leaving: Promise<void> = previous.logoutRoom('room1').then(() => previous.destroyEngine());
        const next: ZegoCallEngine = newEngine();
        const newListener: RecordingListener = new RecordingListener();
        next.addListener(newListener);

        const creating: Promise<void> = next.createEngine(profile(LOG_PATH));
        await leaving;
        await creating;

        expect(next.isCreated()).assertTrue();
        expect(previous.isCreated()).assertFalse();
        expect(JSON.stringify(callNames().filter((n: string) => !n.startsWith('on:')))).assertEqual(JSON.stringify(
          ['setLogConfig', 'createEngine', 'loginRoom', 'logoutRoom', 'destroyEngine', 'setLogConfig', 'createEngine']));
        fakeEmit('onRoomStateChanged', 'room2', ZegoRoomStateChangedReason.Logining, 0, '');
        expect(oldListener.lines.length).assertEqual(0);
        expect(newListener.lines.length).assertEqual(1);
        done();
      });

    it('waits for the previous adapter\'s pending destroyEngine before creating a new engine', 0,
      async (done: Function) => {
        const previous: ZegoCallEngine = await createdEngine();
        await previous.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
        const destroying: Promise<void> = previous.destroyEngine();
        const next: ZegoCallEngine = newEngine();

        const code: number = await rejectionCode(next.createEngine(profile(LOG_PATH)));
        await destroying;

        expect(code).assertEqual(0);
        expect(next.isCreated()).assertTrue();
        expect(JSON.stringify(callNames().filter((n: string) => !n.startsWith('on:')))).assertEqual(JSON.stringify(
          ['setLogConfig', 'createEngine', 'loginRoom', 'logoutRoom', 'destroyEngine', 'setLogConfig', 'createEngine']));
        done();
      });

    it('gives up with the one-provider error when another adapter keeps an idle engine past the wait', 0,
      async (done: Function) => {
        ZegoCallEngine.handoverWaitMs = 20;
        const keeper: ZegoCallEngine = await createdEngine();
        const second: ZegoCallEngine = newEngine();
        const started: number = Date.now();

        const code: number = await rejectionCode(second.createEngine(profile(LOG_PATH)));

        expect(code).assertEqual(EngineErrorCode.ENGINE_OWNED_ELSEWHERE);
        expect(Date.now() - started >= 15).assertTrue();
        expect(keeper.isCreated()).assertTrue();
        expect(callsNamed('createEngine').length).assertEqual(1);
        await keeper.destroyEngine();
        await second.createEngine(profile(LOG_PATH));
        expect(second.isCreated()).assertTrue();
        done();
      });

    it('never throws from preview, publishing, playing, mute, camera or token calls when the SDK throws, and logs a redacted warning', 0,
      async (done: Function) => {
        const engine: ZegoCallEngine = await createdEngine();
        const before: number = sdkCalls.length;
        fakeSettings.throwingMethods = ['renewToken', 'startPreview', 'stopPreview', 'startPublishingStream',
          'stopPublishingStream', 'startPlayingStream', 'updatePlayingCanvas', 'stopPlayingStream',
          'mutePlayStreamAudio', 'mutePlayStreamVideo', 'muteMicrophone', 'enableCamera', 'useFrontCamera',
          'startSoundLevelMonitor', 'stopSoundLevelMonitor'];

        const escaped: string = thrownMessage(() => callEveryMethod(engine));

        expect(escaped).assertEqual('');
        expect(sdkCalls.length - before).assertEqual(15);
        const warnings: HilogLine[] = hilogLines.filter((l: HilogLine) => l.level === 'warn');
        expect(warnings.filter((l: HilogLine) => l.text.includes('failed in the SDK')).length).assertEqual(15);
        expect(warnings.some((l: HilogLine) => l.text.includes('stopPlayingStream failed in the SDK'))).assertTrue();
        expect(hilogLines.some((l: HilogLine) => l.text.includes(TOKEN))).assertFalse();
        expect(engine.isCreated()).assertTrue();
        done();
      });

    it('goes on with a teardown after the SDK throws from stopPlayingStream', 0, async (done: Function) => {
      const engine: ZegoCallEngine = await createdEngine();
      await engine.loginRoom('room1', new EngineUser('alice', 'Alice'), loginConfig());
      engine.startPlayingStream('remote1', undefined);
      fakeSettings.throwingMethods = ['stopPlayingStream'];

      engine.stopPlayingStream('remote1');
      engine.stopPublishingStream(PublishChannel.Main);
      const logout: RoomOperationResult = await engine.logoutRoom('room1');
      await engine.destroyEngine();
      await settle();

      expect(callsNamed('stopPublishingStream').length).assertEqual(1);
      expect(logout.errorCode).assertEqual(0);
      expect(callsNamed('destroyEngine').length).assertEqual(1);
      expect(engine.isCreated()).assertFalse();
      done();
    });
  });

  describe('CallSession on the ZEGO adapter', () => {
    beforeEach(() => {
      resetFake();
      clearHilogLines();
    });

    afterEach(async () => {
      ZegoCallEngine.loginEventWaitMs = DEFAULT_LOGIN_EVENT_WAIT_MS;
      for (const session of sessions) {
        await session.leave();
      }
      sessions.length = 0;
      for (const adapter of adapters) {
        await adapter.destroyEngine();
      }
      await settle();
      adapters.length = 0;
    });

    it('join() waits for the room to report Logined when loginRoom returns nothing', 0, async (done: Function) => {
      fakeSettings.returns.loginRoom = ReturnStyle.Void;
      const session: CallSession = zegoSession();
      const joined: JoinOutcome = await joinRoom1(session);
      fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logining, 0, '');
      await settle();
      expect(joined.text).assertEqual('pending');
      expect(session.model.phase).assertEqual(CallPhase.Joining);

      fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logined, 0, '');
      await settle();
      expect(joined.text).assertEqual('resolved');
      expect(session.model.phase).assertEqual(CallPhase.InCall);
      expect(callsNamed('startPublishingStream').length).assertEqual(1);
      await session.leave();
      done();
    });

    it('join() rejects with ZEGO\'s code when the room reports LoginFailed after a loginRoom that returned nothing', 0,
      async (done: Function) => {
        fakeSettings.returns.loginRoom = ReturnStyle.Void;
        const session: CallSession = zegoSession();
        const joined: JoinOutcome = await joinRoom1(session);
        fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logining, 0, '');
        fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.LoginFailed,
          ZegoErrorCodes.LOGIN_BAD_TOKEN, '');
        await settle();
        expect(joined.text).assertEqual('rejected ' + ZegoErrorCodes.LOGIN_BAD_TOKEN);
        expect(session.model.phase).assertEqual(CallPhase.Ended);
        expect(session.model.endReason).assertEqual(CallEndReason.LoginFailed);
        expect(session.model.endErrorCode).assertEqual(ZegoErrorCodes.LOGIN_BAD_TOKEN);
        expect(callsNamed('startPublishingStream').length).assertEqual(0);
        expect(liveEngine()).assertUndefined();
        done();
      });

    it('join() takes no other room\'s login result for its own', 0, async (done: Function) => {
      fakeSettings.returns.loginRoom = ReturnStyle.Void;
      const session: CallSession = zegoSession();
      const joined: JoinOutcome = await joinRoom1(session);
      fakeEmit('onRoomStateChanged', 'room2', ZegoRoomStateChangedReason.Logined, 0, '');
      fakeEmit('onRoomStateChanged', 'room2', ZegoRoomStateChangedReason.LoginFailed, ZegoErrorCodes.LOGIN_BAD_TOKEN, '');
      await settle();
      expect(joined.text).assertEqual('pending');
      expect(session.model.phase).assertEqual(CallPhase.Joining);
      await session.leave();
      done();
    });

    it('leave() while the SDK has not answered the login rejects join() as cancelled and logs out', 0,
      async (done: Function) => {
        fakeSettings.returns.loginRoom = ReturnStyle.Void;
        const session: CallSession = zegoSession();
        const joined: JoinOutcome = await joinRoom1(session);
        await session.leave();
        await settle();
        expect(joined.text).assertEqual('rejected ' + CallKitErrorCode.JoinCancelled);
        expect(session.model.phase).assertEqual(CallPhase.Ended);
        expect(session.model.endReason).assertEqual(CallEndReason.HungUp);
        expect(JSON.stringify(callNames().filter((n: string) => n === 'logoutRoom' || n === 'destroyEngine')))
          .assertEqual('["logoutRoom","destroyEngine"]');
        // A Logined the SDK had already queued changes nothing.
        fakeEmitToDestroyed('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logined, 0, '');
        expect(session.model.phase).assertEqual(CallPhase.Ended);
        done();
      });

    it('join() gives up with ZEGO\'s login timeout when the SDK never reports how the login went', 0,
      async (done: Function) => {
        fakeSettings.returns.loginRoom = ReturnStyle.Void;
        ZegoCallEngine.loginEventWaitMs = 20;
        const session: CallSession = zegoSession();
        const joined: JoinOutcome = await joinRoom1(session);
        fakeEmit('onRoomStateChanged', 'room1', ZegoRoomStateChangedReason.Logining, 0, '');
        await new Promise<void>((resolve: () => void) => setTimeout(resolve, 40));
        await settle();
        expect(joined.text).assertEqual('rejected ' + ZegoErrorCodes.LOGIN_TIMEOUT);
        expect(session.model.phase).assertEqual(CallPhase.Ended);
        expect(session.model.endReason).assertEqual(CallEndReason.LoginFailed);
        // The SDK may still be logging in: the teardown logs out before destroying the engine.
        expect(JSON.stringify(callNames().filter((n: string) => n === 'logoutRoom' || n === 'destroyEngine')))
          .assertEqual('["logoutRoom","destroyEngine"]');
        done();
      });

    it('join() resolves when a returned Promise resolves, and rejects with the code of a rejected one', 0,
      async (done: Function) => {
        const seen: string[] = [];
        for (const style of [ReturnStyle.Promise, ReturnStyle.Rejected]) {
          resetFake();
          fakeSettings.returns.loginRoom = style;
          fakeSettings.rejection = new FakeSdkError(ZegoErrorCodes.LOGIN_NETWORK, 'network');
          const session: CallSession = zegoSession();
          const joined: JoinOutcome = await joinRoom1(session);
          for (let round = 0; round < 5 && joined.text === 'pending'; round++) {
            await settle();
          }
          seen.push(`${style}: ${joined.text}`);
          await session.leave();
        }
        expect(JSON.stringify(seen)).assertEqual(JSON.stringify(
          ['promise: resolved', 'rejected: rejected ' + ZegoErrorCodes.LOGIN_NETWORK]));
        done();
      });
  });

  describe('ZegoExpressEngineHostFake', () => {
    beforeEach(() => {
      resetFake();
    });

    /** A fake SDK engine created the documented way. */
    const createFakeEngine = async (): Promise<FakeZegoExpressEngine> => {
      FakeZegoExpressEngine.setLogConfig(new ZegoLogConfig());
      return FakeZegoExpressEngine.createEngine(new ZegoEngineProfile(APP_ID, APP_SIGN, 4, CONTEXT));
    };

    it('rejects the React Native argument order of startPublishingStream', 0, async (done: Function) => {
      const engine: FakeZegoExpressEngine = await createFakeEngine();
      const message: string = thrownMessage(() => {
        engine.startPublishingStream('stream1', ZegoPublishChannel.Main, new ZegoPublisherConfig());
      });
      expect(message).assertContain('React Native order');
      expect(thrownMessage(() => {
        engine.startPublishingStream('stream1', new ZegoPublisherConfig(), ZegoPublishChannel.Main);
      })).assertEqual('');
      done();
    });

    it('accepts createEngine without setLogConfig, which ZEGO documents as optional, but not setLogConfig after it', 0,
      async (done: Function) => {
        await FakeZegoExpressEngine.createEngine(new ZegoEngineProfile(APP_ID, APP_SIGN, 4, CONTEXT));
        expect(liveEngine() === undefined).assertFalse();
        expect(thrownMessage(() => {
          FakeZegoExpressEngine.setLogConfig(new ZegoLogConfig());
        })).assertContain('before createEngine');
        done();
      });

    it('rejects a profile built without the application context', 0, () => {
      expect(thrownMessage(() => {
        new ZegoEngineProfile(APP_ID, APP_SIGN, 4);
      })).assertContain('takes 4 arguments');
    });

    it('rejects plain objects where the SDK takes class instances, and unknown event names', 0,
      async (done: Function) => {
        const engine: FakeZegoExpressEngine = await createFakeEngine();
        const user: EngineUser = new EngineUser('alice', 'Alice');
        expect(thrownMessage(() => {
          engine.loginRoom('room1', user);
        })).assertContain('must be a ZegoUser instance');
        expect(thrownMessage(() => {
          engine.on('roomStateChanged', () => {
          });
        })).assertContain('no such event');
        done();
      });

    it('rejects destroyEngine while logged in and any call after destroyEngine', 0, async (done: Function) => {
      const engine: FakeZegoExpressEngine = await createFakeEngine();
      await engine.loginRoom('room1', zegoUser('alice', 'Alice'), new ZegoRoomConfig());
      expect(thrownMessage(() => {
        FakeZegoExpressEngine.destroyEngine();
      })).assertContain('logoutRoom first');
      await engine.logoutRoom('room1');
      await FakeZegoExpressEngine.destroyEngine();
      expect(thrownMessage(() => {
        engine.muteMicrophone(true);
      })).assertContain('after destroyEngine');
      done();
    });
  });
}
