// SPDX-License-Identifier: Apache-2.0
// Puts the host demo's timeline between the kit and the engine without either knowing: the provider gets a
// proxy of the simulated engine that writes every API call (and the result of the asynchronous ones) before
// passing it on, and every listener the kit adds is wrapped so each callback is written before the kit
// handles it. Tokens are written as a description (whose, valid until when), never as text.
//
// Periodic callbacks (quality every 2-3 s, sound levels every 300 ms) would bury the call flow, so each one is
// written only when what it reports changes (its first report, a network drop, ...); the rest are counted
// and summed up at the end. `verbose` writes them all.

import {
  CallEngine, CallEngineListener, EngineProfile, EngineScenario, EngineStream, EngineUser, EngineView, PlayerState,
  PlayQuality, PublishChannel, PublisherState, PublishQuality, RemoteDeviceState, RoomLoginConfig,
  RoomOperationResult, RoomState, RoomStateChangedReason, StreamQualityLevel, UpdateType
} from '@zegocallkit/components';
import { Timeline } from './Timeline';

/** Describes a token without revealing it. */
export type TokenDescriber = (token: string) => string;

/** Engine methods that only read state: not part of the call flow, not written. */
const QUIET_METHODS = new Set(['isCreated', 'listenerCount']);
/** Callbacks the SDK sends on a timer. */
const PERIODIC_CALLBACKS = new Set(['onPublisherQualityUpdate', 'onPlayerQualityUpdate', 'onCapturedSoundLevelUpdate',
  'onRemoteSoundLevelUpdate', 'onNetworkQuality']);

type AnyMethod = (...args: unknown[]) => unknown;

/** A proxy of `target` whose methods are what `wrap` makes of them; every other property passes through. */
function wrapMethods<T extends object>(target: T, wrap: (name: string, method: AnyMethod) => AnyMethod): T {
  return new Proxy(target, {
    get: (t: T, prop: string | symbol): unknown => {
      const value = Reflect.get(t, prop, t) as unknown;
      return typeof value === 'function' && typeof prop === 'string' ? wrap(prop, value as AnyMethod) : value;
    }
  });
}

function enumName(values: Record<number, string>, value: number): string {
  const name = values[value];
  return typeof name === 'string' ? name : String(value);
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function users(list: EngineUser[]): string {
  return `[${list.map((u: EngineUser) => `${u.userID} ${quote(u.userName)}`).join(', ')}]`;
}

function streams(list: EngineStream[]): string {
  return `[${list.map((s: EngineStream) => `${s.streamID} (${s.user.userID})`).join(', ')}]`;
}

function view(v: EngineView | undefined): string {
  return v === undefined ? 'no view' : `view ${v.viewID}`;
}

function channel(c: PublishChannel): string {
  return enumName(PublishChannel as unknown as Record<number, string>, c);
}

function level(l: StreamQualityLevel): string {
  return enumName(StreamQualityLevel as unknown as Record<number, string>, l);
}

/** Counts what the recorder wrote and hid. */
export class RecorderStats {
  apiCalls = 0;
  callbacks = 0;
  /** Periodic callbacks not written because they repeated the last report, by name. */
  readonly hidden = new Map<string, number>();

  hiddenTotal(): number {
    let total = 0;
    this.hidden.forEach((n: number) => {
      total += n;
    });
    return total;
  }
}

/** Wraps an engine so that the traffic between it and the kit is written to a timeline. */
export class EngineRecorder {
  readonly stats = new RecorderStats();
  private readonly timeline: Timeline;
  private readonly describeToken: TokenDescriber;
  private readonly verbose: boolean;
  private readonly lastPeriodic = new Map<string, string>();

  constructor(timeline: Timeline, describeToken: TokenDescriber, verbose: boolean) {
    this.timeline = timeline;
    this.describeToken = describeToken;
    this.verbose = verbose;
  }

  /** The engine to give the EngineProvider: behaves as `engine`, and writes what passes through. */
  wrap(engine: CallEngine): CallEngine {
    const wrapped = new Map<CallEngineListener, CallEngineListener>();
    return wrapMethods(engine, (prop: string, method: AnyMethod): AnyMethod => {
      if (QUIET_METHODS.has(prop)) {
        return method.bind(engine);
      }
      if (prop === 'addListener') {
        return (added: unknown): void => {
          const listener = added as CallEngineListener;
          const recording = this.wrapListener(listener);
          wrapped.set(listener, recording);
          this.timeline.api('addListener(kit session)');
          engine.addListener(recording);
        };
      }
      if (prop === 'removeListener') {
        return (removed: unknown): void => {
          const listener = removed as CallEngineListener;
          const recording = wrapped.get(listener);
          wrapped.delete(listener);
          this.timeline.api('removeListener(kit session)');
          engine.removeListener(recording !== undefined ? recording : listener);
        };
      }
      return (...args: unknown[]): unknown => {
        this.stats.apiCalls++;
        this.timeline.api(this.formatApi(prop, args));
        const returned = method.apply(engine, args);
        if (returned instanceof Promise) {
          returned.then((result: unknown) => this.writeResult(prop, result), (e: unknown) => {
            this.timeline.result(`${prop} rejected: ${e instanceof Error ? e.message : String(e)}`);
          });
        }
        return returned;
      };
    });
  }

  private writeResult(api: string, result: unknown): void {
    if (result instanceof RoomOperationResult) {
      this.timeline.result(`${api} resolved: errorCode ${result.errorCode}`);
    } else if (api === 'createEngine' || api === 'destroyEngine') {
      this.timeline.result(`${api} resolved`);
    }
  }

  private wrapListener(listener: CallEngineListener): CallEngineListener {
    return wrapMethods(listener, (prop: string, method: AnyMethod): AnyMethod => (...args: unknown[]): unknown => {
      this.writeCallback(prop, args);
      return method.apply(listener, args);
    });
  }

  private writeCallback(name: string, args: unknown[]): void {
    this.stats.callbacks++;
    const text = this.formatCallback(name, args);
    if (PERIODIC_CALLBACKS.has(name) && !this.verbose) {
      const key = `${name}:${this.periodicKey(name, args)}`;
      if (this.lastPeriodic.get(key) === text) {
        this.stats.hidden.set(name, (this.stats.hidden.get(name) || 0) + 1);
        return;
      }
      this.lastPeriodic.set(key, text);
    }
    this.timeline.callback(text);
  }

  private periodicKey(name: string, args: unknown[]): string {
    return name === 'onCapturedSoundLevelUpdate' || name === 'onRemoteSoundLevelUpdate' ? '' : String(args[0]);
  }

  /** `name(arguments)` as the ArkTS SDK takes them; tokens and AppSigns are described, never shown. */
  private formatApi(name: string, a: unknown[]): string {
    switch (name) {
      case 'createEngine': {
        const p = a[0] as EngineProfile;
        const auth = p.appSign === '' ? 'no AppSign: token login' : 'AppSign: <hidden>';
        return `createEngine(new ZegoEngineProfile(appID ${p.appID}, ${auth}, ` +
          `${enumName(EngineScenario as unknown as Record<number, string>, p.scenario)}))`;
      }
      case 'loginRoom': {
        const user = a[1] as EngineUser;
        const config = a[2] as RoomLoginConfig;
        const token = config.token === '' ? "''" : this.describeToken(config.token);
        return `loginRoom(${a[0]}, {${user.userID}, ${quote(user.userName)}}, ` +
          `{token: ${token}, isUserStatusNotify: ${config.isUserStatusNotify}})`;
      }
      case 'renewToken':
        return `renewToken(${a[0]}, ${this.describeToken(a[1] as string)})`;
      case 'startPreview':
        return `startPreview(${view(a[0] as EngineView | undefined)}, ${channel(a[1] as PublishChannel)})`;
      case 'startPublishingStream':
        return `startPublishingStream(${a[0]}, {roomID: ${a[1]}}, ${channel(a[2] as PublishChannel)})`;
      case 'startPlayingStream':
      case 'updatePlayingCanvas':
        return `${name}(${a[0]}, ${view(a[1] as EngineView | undefined)})`;
      case 'stopPreview':
      case 'stopPublishingStream':
        return `${name}(${channel(a[0] as PublishChannel)})`;
      case 'enableCamera':
      case 'useFrontCamera':
        return `${name}(${a[0]}, ${channel(a[1] as PublishChannel)})`;
      default:
        return `${name}(${a.map((x: unknown) => String(x)).join(', ')})`;
    }
  }

  private formatCallback(name: string, a: unknown[]): string {
    switch (name) {
      case 'onRoomStateChanged':
        return `onRoomStateChanged(${a[0]}, ` +
          `${enumName(RoomStateChangedReason as unknown as Record<number, string>, a[1] as number)}, ${a[2]})`;
      case 'onRoomStateUpdate':
        return `onRoomStateUpdate(${a[0]}, ${enumName(RoomState as unknown as Record<number, string>, a[1] as number)}, ` +
          `${a[2]})`;
      case 'onRoomUserUpdate':
        return `onRoomUserUpdate(${a[0]}, ${enumName(UpdateType as unknown as Record<number, string>, a[1] as number)}, ` +
          `${users(a[2] as EngineUser[])})`;
      case 'onRoomStreamUpdate':
        return `onRoomStreamUpdate(${a[0]}, ${enumName(UpdateType as unknown as Record<number, string>, a[1] as number)}, ` +
          `${streams(a[2] as EngineStream[])})`;
      case 'onPublisherStateUpdate':
        return `onPublisherStateUpdate(${a[0]}, ` +
          `${enumName(PublisherState as unknown as Record<number, string>, a[1] as number)}, ${a[2]})`;
      case 'onPlayerStateUpdate':
        return `onPlayerStateUpdate(${a[0]}, ${enumName(PlayerState as unknown as Record<number, string>, a[1] as number)}, ` +
          `${a[2]})`;
      case 'onRemoteCameraStateUpdate':
      case 'onRemoteMicStateUpdate':
        return `${name}(${a[0]}, ${enumName(RemoteDeviceState as unknown as Record<number, string>, a[1] as number)})`;
      case 'onPublisherCapturedVideoFirstFrame':
        return `${name}(${channel(a[0] as PublishChannel)})`;
      case 'onPublisherQualityUpdate': {
        const q = a[1] as PublishQuality;
        return `onPublisherQualityUpdate(${a[0]}, ${level(q.level)}, ${q.videoSendFPS} fps, ${q.videoKBPS} kbps)`;
      }
      case 'onPlayerQualityUpdate': {
        const q = a[1] as PlayQuality;
        return `onPlayerQualityUpdate(${a[0]}, ${level(q.level)}, ${q.videoRecvFPS} fps, ${q.videoKBPS} kbps)`;
      }
      case 'onNetworkQuality':
        return `onNetworkQuality(${a[0] === '' ? "'' (you)" : a[0]}, up ${level(a[1] as StreamQualityLevel)}, ` +
          `down ${level(a[2] as StreamQualityLevel)})`;
      case 'onRemoteSoundLevelUpdate': {
        const levels: string[] = [];
        (a[0] as Map<string, number>).forEach((v: number, id: string) => levels.push(`${id}: ${Math.round(v)}`));
        return `onRemoteSoundLevelUpdate({${levels.join(', ')}})`;
      }
      case 'onCapturedSoundLevelUpdate':
        return `onCapturedSoundLevelUpdate(${Math.round(a[0] as number)})`;
      default:
        return `${name}(${a.map((x: unknown) => String(x)).join(', ')})`;
    }
  }
}
