// SPDX-License-Identifier: Apache-2.0
// Host fake of the ZEGO Express SDK module ('@zego/zego-express-engine', the ohpm package of ZEGO's ArkTS SDK),
// used when the adapter (components/src/main/ets/engine/Zego*.ets) runs under Node. It exports the classes and
// enums of the host declarations tools/vendor-types/@zego/zego-express-engine/Index.d.ets (same names and values;
// tools/host/test/ZegoFake.test.ts keeps the two in step), records every static and instance call in order, lets
// tests fire the events registered with `engine.on(name, callback)`, and follows ZEGO's ArkTS docs point by point:
//   - where the docs are explicit it is exactly as strict as they are, and THROWS on what they rule out:
//     a ZegoEngineProfile not built as `new ZegoEngineProfile(appID, appSign, scenario, applicationContext)`;
//     setLogConfig once an engine exists (the docs: "before creating the engine", and optional: createEngine
//     without it is accepted); createEngine while an engine exists; the React Native argument order
//     `startPublishingStream(streamID, channel, config)`; a plain object where the SDK takes a class instance
//     (ZegoUser, ZegoRoomConfig, ZegoView, ...); `on()` with a name the ArkTS function list does not have; any
//     call after destroyEngine, and destroyEngine while a room is logged in (the quick start's teardown order);
//   - where the docs are silent (the return values of loginRoom, logoutRoom, renewToken and destroyEngine) it
//     does each documented-elsewhere thing by setting (fakeSettings.returns): a Promise resolving with a result,
//     void, or a rejected Promise; and destroyEngine's Promise can be held open (holdDestroy) to prove that the
//     adapter waits for it;
//   - it exports nothing the ArkTS docs do not name (no ZegoRoomLoginResult, ZegoDeviceType, ...): the numbers
//     onLocalDeviceExceptionOccurred passes are plain numbers here, as for the kit.
// fakeSettings can also make it behave like a real SDK that differs from the docs: `on()` throwing for named
// events, named methods throwing, createEngine returning the live engine (a singleton), and more.
// The signatures are loose on purpose (arguments are checked at run time): the adapter is type-checked
// against the declaration file, and tests of the fake must be able to make the wrong calls.
// Plain TypeScript for Node, never part of the HAR.

// ---------------------------------------------------------------------------------------------------------------
// Enums (values identical to Index.d.ets)
// ---------------------------------------------------------------------------------------------------------------

export enum ZegoScenario {
  General = 0, Communication = 1, Live = 2, Default = 3, StandardVideoCall = 4, HighQualityVideoCall = 5,
  StandardChatroom = 6, HighQualityChatroom = 7, Broadcast = 8, Karaoke = 9, StandardVoiceCall = 10
}
export enum ZegoEngineState { Start = 0, Stop = 1 }
export enum ZegoRoomState { Disconnected = 0, Connecting = 1, Connected = 2 }
export enum ZegoRoomStateChangedReason {
  Logining = 0, Logined = 1, LoginFailed = 2, Reconnecting = 3, Reconnected = 4, ReconnectFailed = 5, KickOut = 6,
  Logout = 7, LogoutFailed = 8
}
export enum ZegoUpdateType { Add = 0, Delete = 1 }
export enum ZegoViewMode { AspectFit = 0, AspectFill = 1, ScaleToFill = 2 }
export enum ZegoPublishChannel { Main = 0, Aux = 1, Third = 2, Fourth = 3 }
export enum ZegoVideoConfigPreset {
  Preset180P = 0, Preset270P = 1, Preset360P = 2, Preset540P = 3, Preset720P = 4, Preset1080P = 5
}
export enum ZegoVideoCodecID { Default = 0, SVC = 1, VP8 = 2, H265 = 3, H264DualStream = 4, Unknown = 100 }
export enum ZegoVideoMirrorMode { OnlyPreviewMirror = 0, BothMirror = 1, NoMirror = 2, OnlyPublishMirror = 3 }
export enum ZegoPublisherState { NoPublish = 0, PublishRequesting = 1, Publishing = 2 }
export enum ZegoPlayerState { NoPlay = 0, PlayRequesting = 1, Playing = 2 }
export enum ZegoStreamResourceMode { Default = 0, OnlyCDN = 1, OnlyL3 = 2, OnlyRTC = 3, CDNPlus = 4, Custom = 5 }
export enum ZegoRemoteDeviceState {
  Open = 0, GenericError = 1, InvalidID = 2, NoAuthorization = 3, ZeroFPS = 4, InUseByOther = 5, Unplugged = 6,
  RebootRequired = 7, SystemMediaServicesLost = 8, Disable = 9, Mute = 10, Interruption = 11, InBackground = 12,
  MultiForegroundApp = 13, BySystemPressure = 14, NotSupport = 15
}
export enum ZegoAudioRoute { Speaker = 0, Headphone = 1, Bluetooth = 2, Receiver = 3, ExternalUSB = 4, AirPlay = 5 }
export enum ZegoStreamQualityLevel { Excellent = 0, Good = 1, Medium = 2, Bad = 3, Die = 4, Unknown = 5 }
export enum ZegoCapabilityNegotiationType { None = 0, All = 1, Publisher = 2 }
export enum ZegoResourceType { CDN = 0, RTC = 1, L3 = 2 }
export enum ZegoStreamResourceSwitchMode { Default = 0, SwitchToRTC = 1, KeepOriginal = 2 }
export enum ZegoStreamResourceType { Default = 0, CDN = 1, L3 = 2 }

// ---------------------------------------------------------------------------------------------------------------
// Recording
// ---------------------------------------------------------------------------------------------------------------

/** One recorded SDK call: `name` is the method name (or the class name for a constructor). */
export class SdkCall {
  /** Method name, e.g. 'setLogConfig', 'on', 'startPublishingStream'; class name for constructors. */
  name: string;
  /** True for static calls of ZegoExpressEngine (setLogConfig, createEngine, destroyEngine, getSDKVersion). */
  isStatic: boolean;
  /** The arguments exactly as passed (objects by reference). */
  args: Array<Object | undefined>;

  constructor(name: string, isStatic: boolean, args: Array<Object | undefined>) {
    this.name = name;
    this.isStatic = isStatic;
    this.args = args;
  }
}

/** Every ZegoExpressEngine call since the last resetFake(), in call order (constructors are not in it). */
export const sdkCalls: SdkCall[] = [];
/** Every constructor call of a fake SDK class since the last resetFake(), in order (isStatic is false). */
export const sdkConstructions: SdkCall[] = [];

/** A rejection value shaped like the SDK's error results ({ errorCode, message }); for createEngineRejection. */
export class FakeSdkError {
  errorCode: number;
  message: string;

  constructor(errorCode: number, message: string) {
    this.errorCode = errorCode;
    this.message = message;
  }
}

/**
 * What a call whose ArkTS return value ZEGO does not document returns in the fake. Each is a reading some
 * platform or doc supports: RN/Flutter return Promises, the ArkTS docs call these methods as statements (void),
 * and a Promise can reject.
 */
export enum ReturnStyle {
  /** A Promise resolving with the call's result (loginResult / logoutResult, or nothing). */
  Promise = 'promise',
  /** Nothing (`undefined`), as a void method. */
  Void = 'void',
  /** A Promise rejected with fakeSettings.rejection. The call's effect (login, logout, destroy) still happens. */
  Rejected = 'rejected',
}

/** The return style of each undocumented call (fakeSettings.returns). */
export class ReturnStyles {
  loginRoom: ReturnStyle = ReturnStyle.Promise;
  logoutRoom: ReturnStyle = ReturnStyle.Promise;
  renewToken: ReturnStyle = ReturnStyle.Void;
  destroyEngine: ReturnStyle = ReturnStyle.Promise;
}

/**
 * A login or logout result as RN and Flutter resolve it ({ errorCode, extendedData }). The ArkTS docs name no
 * such class, so the fake exports it only under a fake's name, for tests to build results with.
 */
export class FakeRoomResult {
  errorCode: number = 0;
  extendedData: string = '';

  constructor(errorCode: number = 0, extendedData: string = '') {
    this.errorCode = errorCode;
    this.extendedData = extendedData;
  }
}

/** What tests can change about the fake's answers. Reset by resetFake(). */
export class FakeSettings {
  /** When set, createEngine returns a promise rejected with this value. */
  createEngineRejection: Object | undefined = undefined;
  /** How loginRoom, logoutRoom, renewToken and destroyEngine return (their ArkTS return values are undocumented). */
  returns: ReturnStyles = new ReturnStyles();
  /** What a Rejected return style rejects with. */
  rejection: Object = new FakeSdkError(1002099, 'the fake SDK rejected the call');
  /** The value a Promise-style loginRoom resolves with; `undefined` resolves with nothing. */
  loginResult: FakeRoomResult | undefined = undefined;
  /** The value a Promise-style logoutRoom resolves with; `undefined` resolves with nothing. */
  logoutResult: FakeRoomResult | undefined = undefined;
  /**
   * When true, a Promise-style destroyEngine's Promise stays pending until completeDestroy(): the SDK still
   * tearing down, so a test can prove the adapter waits for the completion.
   */
  holdDestroy: boolean = false;
  /**
   * Event names whose `on()` throws, as an SDK build without that event might (the [C-name] events such as
   * onLocalDeviceExceptionOccurred or onDebugError are not confirmed on HarmonyOS). The call is still recorded.
   */
  onThrowsFor: string[] = [];
  /**
   * Instance method names (e.g. 'stopPlayingStream') that throw an Error, as the SDK might from a native
   * failure. The message contains the arguments, so tests can check that they are redacted before logging.
   * The call is still recorded; the arguments are not checked.
   */
  throwingMethods: string[] = [];
  /**
   * When true, createEngine while an engine is live resolves with that engine instead of throwing misuse
   * (and setLogConfig then is accepted too): a singleton SDK, as ZEGO's other platforms behave, which lets
   * tests show what a second adapter's calls would do to the first adapter's engine.
   */
  createReturnsLiveEngine: boolean = false;
}

/** The fake's current settings; mutate the fields, resetFake() restores the defaults. */
export const fakeSettings: FakeSettings = new FakeSettings();

function record(name: string, isStatic: boolean, args: Array<Object | undefined>): void {
  sdkCalls.push(new SdkCall(name, isStatic, args.slice()));
}

function recordConstruction(name: string, args: Array<Object | undefined>): void {
  sdkConstructions.push(new SdkCall(name, false, args.slice()));
}

/** Thrown for every usage the ZEGO documentation does not allow. */
class FakeSdkMisuse extends Error {
  constructor(message: string) {
    super(`ZEGO fake: ${message}`);
    this.name = 'FakeSdkMisuse';
  }
}

function misuse(message: string): never {
  throw new FakeSdkMisuse(message);
}

// Argument checks -----------------------------------------------------------------------------------------------

type AnyClass = new (...args: never[]) => Object;

function describe(v: Object | undefined | null): string {
  if (v === undefined) return 'undefined';
  if (v === null) return 'null';
  if (typeof v === 'object') return v.constructor ? `an object of class ${v.constructor.name}` : 'a plain object';
  return `${typeof v} ${String(v)}`;
}

function checkArity(method: string, args: Array<Object | undefined>, min: number, max: number): void {
  if (args.length < min || args.length > max) {
    misuse(`${method} takes ${min === max ? min : `${min}..${max}`} arguments, got ${args.length}`);
  }
}

function checkType(method: string, index: number, args: Array<Object | undefined>, type: string, optional: boolean): void {
  const v = args[index];
  if (v === undefined && optional) return;
  if (typeof v !== type) misuse(`${method} argument ${index + 1} must be a ${type}, got ${describe(v)}`);
}

function checkInstance(method: string, index: number, args: Array<Object | undefined>, cls: AnyClass, optional: boolean): void {
  const v = args[index];
  if (v === undefined && optional) return;
  if (!(v instanceof cls)) {
    misuse(`${method} argument ${index + 1} must be a ${cls.name} instance (new ${cls.name}()), got ${describe(v)}`);
  }
}

function checkNoArgs(cls: string, args: Array<Object | undefined>): void {
  if (args.length > 0) misuse(`new ${cls}() takes no arguments on ArkTS (set the fields afterwards), got ${args.length}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Data classes
// ---------------------------------------------------------------------------------------------------------------

/** `new ZegoEngineProfile(appID, appSign, scenario, applicationContext)`: exactly these four, in this order. */
export class ZegoEngineProfile {
  appID: number;
  appSign?: string;
  scenario: ZegoScenario;
  applicationContext: Object;

  constructor(...args: Array<Object | undefined>) {
    const m = 'new ZegoEngineProfile';
    checkArity(m, args, 4, 4);
    checkType(m, 0, args, 'number', false);
    checkType(m, 1, args, 'string', false);
    checkType(m, 2, args, 'number', false);
    if (args[3] === null || typeof args[3] !== 'object') {
      misuse(`${m} argument 4 must be the ApplicationContext object, got ${describe(args[3])}`);
    }
    recordConstruction('ZegoEngineProfile', args);
    this.appID = args[0] as number;
    this.appSign = args[1] as string;
    this.scenario = args[2] as ZegoScenario;
    this.applicationContext = args[3] as Object;
  }
}

export class ZegoLogConfig {
  logPath: string = '';
  logSize: number = 5 * 1024 * 1024;
  logCount: number = 3;

  constructor(...args: Array<Object | undefined>) {
    checkNoArgs('ZegoLogConfig', args);
    recordConstruction('ZegoLogConfig', args);
  }
}

export class ZegoUser {
  userID: string = '';
  userName: string = '';

  constructor(...args: Array<Object | undefined>) {
    checkNoArgs('ZegoUser', args);
    recordConstruction('ZegoUser', args);
  }
}

export class ZegoRoomConfig {
  isUserStatusNotify: boolean = false;
  maxMemberCount: number = 0;
  token: string = '';

  constructor(...args: Array<Object | undefined>) {
    checkNoArgs('ZegoRoomConfig', args);
    recordConstruction('ZegoRoomConfig', args);
  }
}

export class ZegoView {
  view: string = '';
  viewMode: ZegoViewMode = ZegoViewMode.AspectFit;
  backgroundColor: number = 0x000000;
  alphaBlend: boolean = false;
  surfaceId: number = 0;

  constructor(...args: Array<Object | undefined>) {
    checkNoArgs('ZegoView', args);
    recordConstruction('ZegoView', args);
  }
}

export class ZegoPublisherConfig {
  roomID?: string = undefined;
  forceSynchronousNetworkTime?: number = undefined;
  streamTitle?: string = undefined;
  codecNegotiationType: ZegoCapabilityNegotiationType = ZegoCapabilityNegotiationType.None;
  streamCensorFlag: number = 0;

  constructor(...args: Array<Object | undefined>) {
    checkNoArgs('ZegoPublisherConfig', args);
    recordConstruction('ZegoPublisherConfig', args);
  }
}

export class ZegoCDNConfig {
  url: string = '';
  authParam: string = '';
  protocol: string = '';
  quicVersion: string = '';

  constructor(...args: Array<Object | undefined>) {
    checkNoArgs('ZegoCDNConfig', args);
    recordConstruction('ZegoCDNConfig', args);
  }
}

export class ZegoPlayerConfig {
  resourceMode: ZegoStreamResourceMode = ZegoStreamResourceMode.Default;
  roomID?: string = undefined;
  cdnConfig?: ZegoCDNConfig = undefined;
  videoCodecID?: ZegoVideoCodecID = undefined;
  sourceResourceType?: ZegoResourceType = undefined;
  codecTemplateID?: number = undefined;
  resourceSwitchMode?: ZegoStreamResourceSwitchMode = undefined;
  resourceWhenStopPublish?: ZegoStreamResourceType = undefined;

  constructor(...args: Array<Object | undefined>) {
    checkNoArgs('ZegoPlayerConfig', args);
    recordConstruction('ZegoPlayerConfig', args);
  }
}

/** Built by tests to feed onRoomStreamUpdate (the SDK creates these; apps never do). */
export class ZegoStream {
  user: ZegoUser = new ZegoUser();
  streamID: string = '';
  extraInfo: string = '';
}

export class ZegoSoundLevelConfig {
  millisecond: number = 100;
  enableVAD: boolean = false;

  constructor(...args: Array<Object | undefined>) {
    // The harmony docs use the no-argument form; RN/Flutter's (millisecond, enableVAD) is not documented here.
    checkNoArgs('ZegoSoundLevelConfig', args);
    recordConstruction('ZegoSoundLevelConfig', args);
  }
}

export class ZegoVideoConfig {
  captureWidth: number = 360;
  captureHeight: number = 640;
  encodeWidth: number = 360;
  encodeHeight: number = 640;
  fps: number = 15;
  bitrate: number = 600;
  codecID: ZegoVideoCodecID = ZegoVideoCodecID.Default;
  keyFrameInterval: number = 2;

  constructor(...args: Array<Object | undefined>) {
    checkArity('new ZegoVideoConfig', args, 0, 1);
    checkType('new ZegoVideoConfig', 0, args, 'number', true);
    recordConstruction('ZegoVideoConfig', args);
  }
}

/** Built by tests to feed onPublisherQualityUpdate. */
export class ZegoPublishStreamQuality {
  videoCaptureFPS: number = 0;
  videoEncodeFPS: number = 0;
  videoSendFPS: number = 0;
  videoKBPS: number = 0;
  audioCaptureFPS: number = 0;
  audioSendFPS: number = 0;
  audioKBPS: number = 0;
  rtt: number = 0;
  packetLostRate: number = 0;
  level: ZegoStreamQualityLevel = ZegoStreamQualityLevel.Unknown;
  isHardwareEncode: boolean = false;
  videoCodecID: ZegoVideoCodecID = ZegoVideoCodecID.Default;
  totalSendBytes: number = 0;
  audioSendBytes: number = 0;
  videoSendBytes: number = 0;
}

/** Built by tests to feed onPlayerQualityUpdate. */
export class ZegoPlayStreamQuality {
  videoRecvFPS: number = 0;
  videoDejitterFPS: number = 0;
  videoDecodeFPS: number = 0;
  videoRenderFPS: number = 0;
  videoKBPS: number = 0;
  videoBreakRate: number = 0;
  audioRecvFPS: number = 0;
  audioDejitterFPS: number = 0;
  audioDecodeFPS: number = 0;
  audioRenderFPS: number = 0;
  audioKBPS: number = 0;
  audioBreakRate: number = 0;
  mos: number = -1;
  rtt: number = 0;
  packetLostRate: number = 0;
  peerToPeerDelay: number = 0;
  peerToPeerPacketLostRate: number = 0;
  level: ZegoStreamQualityLevel = ZegoStreamQualityLevel.Unknown;
  delay: number = 0;
  avTimestampDiff: number = 0;
  isHardwareDecode: boolean = false;
  videoCodecID: ZegoVideoCodecID = ZegoVideoCodecID.Default;
  totalRecvBytes: number = 0;
  audioRecvBytes: number = 0;
  videoRecvBytes: number = 0;
}

export class ZegoRoomExtraInfo {
  key: string = '';
  value: string = '';
  updateUser: ZegoUser = new ZegoUser();
  updateTime: number = 0;
}

export class ZegoBroadcastMessageInfo {
  message: string = '';
  messageID: number = 0;
  sendTime: number = 0;
  fromUser: ZegoUser = new ZegoUser();
}

export class ZegoBarrageMessageInfo {
  message: string = '';
  messageID: string = '';
  sendTime: number = 0;
  fromUser: ZegoUser = new ZegoUser();
}

// ---------------------------------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------------------------------

/** Every event name of ZegoEventListener in Index.d.ets; `on()` with any other name throws. */
export const ZEGO_EVENT_NAMES: string[] = [
  'onRoomStateUpdate', 'onRoomStateChanged', 'onRoomUserUpdate', 'onRoomStreamUpdate', 'onRoomOnlineUserCountUpdate',
  'onRoomStreamExtraInfoUpdate', 'onRoomExtraInfoUpdate', 'onRoomTokenWillExpire',
  'onPublisherStateUpdate', 'onPublisherQualityUpdate', 'onPublisherCapturedAudioFirstFrame',
  'onPublisherCapturedVideoFirstFrame', 'onPublisherRenderVideoFirstFrame', 'onPublisherVideoSizeChanged',
  'onPlayerStateUpdate', 'onPlayerQualityUpdate', 'onPlayerRecvAudioFirstFrame', 'onPlayerRecvVideoFirstFrame',
  'onPlayerRenderVideoFirstFrame', 'onPlayerRenderCameraVideoFirstFrame', 'onPlayerVideoSizeChanged',
  'onPlayerRecvSEI',
  'onRemoteCameraStateUpdate', 'onRemoteMicStateUpdate', 'onRemoteSpeakerStateUpdate',
  'onLocalDeviceExceptionOccurred', 'onAudioRouteChange', 'onCapturedSoundLevelUpdate', 'onRemoteSoundLevelUpdate',
  'onCapturedAudioSpectrumUpdate', 'onRemoteAudioSpectrumUpdate',
  'onNetworkQuality', 'onDebugError', 'onApiCalledResult', 'onEngineStateUpdate', 'onRecvExperimentalAPI',
  'onIMRecvBroadcastMessage', 'onIMRecvBarrageMessage', 'onIMRecvCustomCommand'
];

type Handler = (...args: Array<Object | undefined>) => void;

// ---------------------------------------------------------------------------------------------------------------
// Engine
// ---------------------------------------------------------------------------------------------------------------

/** Module state (reset by resetFake). */
class FakeState {
  live: ZegoExpressEngine | undefined = undefined;
  creating: boolean = false;
  destroyed: ZegoExpressEngine[] = [];
  /** Held destroyEngine Promises (holdDestroy) waiting for completeDestroy(). */
  destroyCompletions: Array<() => void> = [];
  destroysPending: number = 0;
}
let state = new FakeState();

/** What an undocumented-return call hands back in `style`: a Promise of `result`, undefined, or a rejection. */
function returned(style: ReturnStyle, result: Object | undefined): Promise<Object | undefined> | undefined {
  if (style === ReturnStyle.Void) return undefined;
  if (style === ReturnStyle.Rejected) return Promise.reject(fakeSettings.rejection);
  return Promise.resolve(result);
}

export default class ZegoExpressEngine {
  /** Handlers registered with on(), by event name, in registration order. */
  private readonly handlers: Map<string, Handler[]> = new Map<string, Handler[]>();
  /** Rooms logged in and not logged out. */
  private readonly rooms: Set<string> = new Set<string>();
  private destroyed: boolean = false;

  private constructor() {
  }

  // Static ------------------------------------------------------------------------------------------------------

  static setLogConfig(...args: Array<Object | undefined>): void {
    record('setLogConfig', true, args);
    checkArity('setLogConfig', args, 1, 1);
    checkInstance('setLogConfig', 0, args, ZegoLogConfig, false);
    const singleton = fakeSettings.createReturnsLiveEngine && !state.creating;
    if (!singleton && (state.live !== undefined || state.creating)) misuse('setLogConfig must be called before createEngine');
  }

  static createEngine(...args: Array<Object | undefined>): Promise<ZegoExpressEngine> {
    record('createEngine', true, args);
    checkArity('createEngine', args, 1, 1);
    checkInstance('createEngine', 0, args, ZegoEngineProfile, false);
    if (fakeSettings.createReturnsLiveEngine && state.live !== undefined) return Promise.resolve(state.live);
    if (state.live !== undefined || state.creating) misuse('createEngine called while an engine exists (destroyEngine first)');
    if (fakeSettings.createEngineRejection !== undefined) {
      return Promise.reject(fakeSettings.createEngineRejection);
    }
    state.creating = true;
    const current = state;
    return Promise.resolve().then(() => {
      const engine = new ZegoExpressEngine();
      if (current === state) {
        state.creating = false;
        state.live = engine;
      }
      return engine;
    });
  }

  static destroyEngine(...args: Array<Object | undefined>): Promise<void> | undefined {
    record('destroyEngine', true, args);
    checkArity('destroyEngine', args, 0, 0);
    const engine = state.live;
    if (engine !== undefined) {
      if (engine.rooms.size > 0) {
        misuse(`destroyEngine called while still logged in to ${Array.from(engine.rooms).join(', ')} (logoutRoom first)`);
      }
      engine.destroyed = true;
      state.destroyed.push(engine);
      state.live = undefined;
    }
    const style = fakeSettings.returns.destroyEngine;
    if (style === ReturnStyle.Promise && fakeSettings.holdDestroy) {
      state.destroysPending++;
      return new Promise<void>((resolve) => {
        state.destroyCompletions.push(() => {
          state.destroysPending--;
          resolve();
        });
      });
    }
    return returned(style, undefined) as unknown as Promise<void> | undefined;
  }

  static getSDKVersion(...args: Array<Object | undefined>): string {
    record('getSDKVersion', true, args);
    checkArity('getSDKVersion', args, 0, 0);
    return '3.23.0-host-fake';
  }

  // Instance ----------------------------------------------------------------------------------------------------

  private call(name: string, args: Array<Object | undefined>, min: number, max: number): void {
    record(name, false, args);
    if (this.destroyed) misuse(`${name} called on an engine after destroyEngine`);
    if (fakeSettings.throwingMethods.includes(name)) {
      throw new Error(`${name}(${args.map((a) => String(a)).join(', ')}) failed in the native SDK (fakeSettings.throwingMethods)`);
    }
    checkArity(name, args, min, max);
  }

  on(...args: Array<Object | undefined>): void {
    this.call('on', args, 2, 2);
    checkType('on', 0, args, 'string', false);
    const event = args[0] as string;
    if (!ZEGO_EVENT_NAMES.includes(event)) misuse(`on('${event}'): ZegoEventListener has no such event`);
    if (fakeSettings.onThrowsFor.includes(event)) {
      throw new TypeError(`on('${event}'): this SDK build has no such event (fakeSettings.onThrowsFor)`);
    }
    checkType('on', 1, args, 'function', false);
    const list = this.handlers.get(event) ?? [];
    list.push(args[1] as Handler);
    this.handlers.set(event, list);
  }

  loginRoom(...args: Array<Object | undefined>): Promise<FakeRoomResult | undefined> | undefined {
    this.call('loginRoom', args, 2, 3);
    checkType('loginRoom', 0, args, 'string', false);
    checkInstance('loginRoom', 1, args, ZegoUser, false);
    checkInstance('loginRoom', 2, args, ZegoRoomConfig, true);
    const style = fakeSettings.returns.loginRoom;
    const result = style === ReturnStyle.Promise ? fakeSettings.loginResult : undefined;
    if (result === undefined || result.errorCode === 0) this.rooms.add(args[0] as string);
    return returned(style, result) as Promise<FakeRoomResult | undefined> | undefined;
  }

  logoutRoom(...args: Array<Object | undefined>): Promise<FakeRoomResult | undefined> | undefined {
    this.call('logoutRoom', args, 0, 1);
    checkType('logoutRoom', 0, args, 'string', true);
    if (args[0] === undefined) this.rooms.clear(); else this.rooms.delete(args[0] as string);
    const style = fakeSettings.returns.logoutRoom;
    return returned(style, style === ReturnStyle.Promise ? fakeSettings.logoutResult : undefined) as
      Promise<FakeRoomResult | undefined> | undefined;
  }

  renewToken(...args: Array<Object | undefined>): Promise<void> | undefined {
    this.call('renewToken', args, 2, 2);
    checkType('renewToken', 0, args, 'string', false);
    checkType('renewToken', 1, args, 'string', false);
    return returned(fakeSettings.returns.renewToken, undefined) as unknown as Promise<void> | undefined;
  }

  startPreview(...args: Array<Object | undefined>): void {
    this.call('startPreview', args, 0, 2);
    checkInstance('startPreview', 0, args, ZegoView, true);
    checkType('startPreview', 1, args, 'number', true);
  }

  stopPreview(...args: Array<Object | undefined>): void {
    this.call('stopPreview', args, 0, 1);
    checkType('stopPreview', 0, args, 'number', true);
  }

  startPublishingStream(...args: Array<Object | undefined>): void {
    this.call('startPublishingStream', args, 1, 3);
    checkType('startPublishingStream', 0, args, 'string', false);
    if (typeof args[1] === 'number') {
      misuse('startPublishingStream(streamID, channel, config) is the React Native order; ' +
        'ArkTS takes (streamID, config, channel)');
    }
    checkInstance('startPublishingStream', 1, args, ZegoPublisherConfig, true);
    checkType('startPublishingStream', 2, args, 'number', true);
  }

  stopPublishingStream(...args: Array<Object | undefined>): void {
    this.call('stopPublishingStream', args, 0, 1);
    checkType('stopPublishingStream', 0, args, 'number', true);
  }

  setVideoConfig(...args: Array<Object | undefined>): void {
    this.call('setVideoConfig', args, 1, 2);
    checkInstance('setVideoConfig', 0, args, ZegoVideoConfig, false);
    checkType('setVideoConfig', 1, args, 'number', true);
  }

  setVideoMirrorMode(...args: Array<Object | undefined>): void {
    this.call('setVideoMirrorMode', args, 1, 2);
    checkType('setVideoMirrorMode', 0, args, 'number', false);
    checkType('setVideoMirrorMode', 1, args, 'number', true);
  }

  mutePublishStreamAudio(...args: Array<Object | undefined>): void {
    this.boolAndChannel('mutePublishStreamAudio', args);
  }

  mutePublishStreamVideo(...args: Array<Object | undefined>): void {
    this.boolAndChannel('mutePublishStreamVideo', args);
  }

  startPlayingStream(...args: Array<Object | undefined>): void {
    this.call('startPlayingStream', args, 1, 3);
    checkType('startPlayingStream', 0, args, 'string', false);
    checkInstance('startPlayingStream', 1, args, ZegoView, true);
    checkInstance('startPlayingStream', 2, args, ZegoPlayerConfig, true);
  }

  stopPlayingStream(...args: Array<Object | undefined>): void {
    this.call('stopPlayingStream', args, 1, 1);
    checkType('stopPlayingStream', 0, args, 'string', false);
  }

  mutePlayStreamAudio(...args: Array<Object | undefined>): void {
    this.streamAndBool('mutePlayStreamAudio', args);
  }

  mutePlayStreamVideo(...args: Array<Object | undefined>): void {
    this.streamAndBool('mutePlayStreamVideo', args);
  }

  updatePlayingCanvas(...args: Array<Object | undefined>): void {
    this.call('updatePlayingCanvas', args, 2, 2);
    checkType('updatePlayingCanvas', 0, args, 'string', false);
    checkInstance('updatePlayingCanvas', 1, args, ZegoView, false);
  }

  muteMicrophone(...args: Array<Object | undefined>): void {
    this.call('muteMicrophone', args, 1, 1);
    checkType('muteMicrophone', 0, args, 'boolean', false);
  }

  isMicrophoneMuted(...args: Array<Object | undefined>): boolean {
    this.call('isMicrophoneMuted', args, 0, 0);
    return false;
  }

  enableAudioCaptureDevice(...args: Array<Object | undefined>): void {
    this.call('enableAudioCaptureDevice', args, 1, 1);
    checkType('enableAudioCaptureDevice', 0, args, 'boolean', false);
  }

  enableCamera(...args: Array<Object | undefined>): void {
    this.boolAndChannel('enableCamera', args);
  }

  useFrontCamera(...args: Array<Object | undefined>): void {
    this.boolAndChannel('useFrontCamera', args);
  }

  setAudioRouteToSpeaker(...args: Array<Object | undefined>): void {
    this.call('setAudioRouteToSpeaker', args, 1, 1);
    checkType('setAudioRouteToSpeaker', 0, args, 'boolean', false);
  }

  startSoundLevelMonitor(...args: Array<Object | undefined>): void {
    this.call('startSoundLevelMonitor', args, 0, 1);
    checkInstance('startSoundLevelMonitor', 0, args, ZegoSoundLevelConfig, true);
  }

  stopSoundLevelMonitor(...args: Array<Object | undefined>): void {
    this.call('stopSoundLevelMonitor', args, 0, 0);
  }

  enableDebugAssistant(...args: Array<Object | undefined>): void {
    this.call('enableDebugAssistant', args, 1, 1);
    checkType('enableDebugAssistant', 0, args, 'boolean', false);
  }

  setRoomScenario(...args: Array<Object | undefined>): void {
    this.call('setRoomScenario', args, 1, 1);
    checkType('setRoomScenario', 0, args, 'number', false);
  }

  uploadLog(...args: Array<Object | undefined>): void {
    this.call('uploadLog', args, 0, 0);
  }

  private boolAndChannel(name: string, args: Array<Object | undefined>): void {
    this.call(name, args, 1, 2);
    checkType(name, 0, args, 'boolean', false);
    checkType(name, 1, args, 'number', true);
  }

  private streamAndBool(name: string, args: Array<Object | undefined>): void {
    this.call(name, args, 2, 2);
    checkType(name, 0, args, 'string', false);
    checkType(name, 1, args, 'boolean', false);
  }

  /** Test hook: the handlers registered for `event` on this engine. */
  handlersFor(event: string): Handler[] {
    return (this.handlers.get(event) ?? []).slice();
  }

  /** Test hook: the event names this engine has handlers for, in first-registration order. */
  registeredEvents(): string[] {
    return Array.from(this.handlers.keys());
  }

  /** Test hook: whether destroyEngine has destroyed this engine. */
  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Test hook: the rooms logged in on this engine. */
  loggedInRooms(): string[] {
    return Array.from(this.rooms);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Test helpers
// ---------------------------------------------------------------------------------------------------------------

/** Forgets every call, engine and setting: call in each test's setup. */
export function resetFake(): void {
  sdkCalls.length = 0;
  sdkConstructions.length = 0;
  state = new FakeState();
  const defaults = new FakeSettings();
  fakeSettings.createEngineRejection = defaults.createEngineRejection;
  fakeSettings.returns = defaults.returns;
  fakeSettings.rejection = defaults.rejection;
  fakeSettings.loginResult = defaults.loginResult;
  fakeSettings.logoutResult = defaults.logoutResult;
  fakeSettings.holdDestroy = defaults.holdDestroy;
  fakeSettings.onThrowsFor = defaults.onThrowsFor;
  fakeSettings.throwingMethods = defaults.throwingMethods;
  fakeSettings.createReturnsLiveEngine = defaults.createReturnsLiveEngine;
}

/** Completes every held destroyEngine Promise (holdDestroy): the SDK has finished tearing down. */
export function completeDestroy(): void {
  const completions = state.destroyCompletions;
  state.destroyCompletions = [];
  completions.forEach((complete) => complete());
}

/** How many held destroyEngine Promises have not completed yet. */
export function pendingDestroys(): number {
  return state.destroysPending;
}

/** The engine createEngine resolved with and destroyEngine has not destroyed, if any. */
export function liveEngine(): ZegoExpressEngine | undefined {
  return state.live;
}

/** The names of the recorded calls, in order (instance `on` calls as `on:<event>`). */
export function callNames(): string[] {
  return sdkCalls.map((c) => (c.name === 'on' ? `on:${String(c.args[0])}` : c.name));
}

/** The recorded calls named `name`, in order. */
export function callsNamed(name: string): SdkCall[] {
  return sdkCalls.filter((c) => c.name === name);
}

function emitTo(engines: ZegoExpressEngine[], event: string, args: Array<Object | undefined>): number {
  if (!ZEGO_EVENT_NAMES.includes(event)) misuse(`fakeEmit('${event}'): ZegoEventListener has no such event`);
  let delivered = 0;
  for (const engine of engines) {
    for (const handler of engine.handlersFor(event)) {
      // Like the native thread: a handler that throws is a crash, so it propagates to the test.
      handler(...args);
      delivered++;
    }
  }
  return delivered;
}

/**
 * Fires `event` with `args` on the live engine's handlers, as the SDK's native thread would.
 * Returns how many handlers ran (0 when no engine is live).
 */
export function fakeEmit(event: string, ...args: Array<Object | undefined>): number {
  return emitTo(state.live === undefined ? [] : [state.live], event, args);
}

/**
 * Fires `event` on the handlers of every DESTROYED engine: a callback the native thread had queued before
 * destroyEngine. Returns how many handlers ran; the adapter must ignore them.
 */
export function fakeEmitToDestroyed(event: string, ...args: Array<Object | undefined>): number {
  return emitTo(state.destroyed, event, args);
}
