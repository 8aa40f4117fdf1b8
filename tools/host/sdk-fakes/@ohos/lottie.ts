// SPDX-License-Identifier: Apache-2.0
// Host fake of '@ohos/lottie' (lottieArkTS), the module the kit's connecting animations load through. It draws
// nothing: it records loadAnimation/destroy (and the player-level play/pause/stop calls) in `lottieCalls`, keeps
// the animations that are loaded and not destroyed, and THROWS on usage the package's README (2.0.31) rules out,
// so a component that leaks or misuses an animation fails a test:
//   - loadAnimation without a canvas context (`container`), or with neither `path` nor `animationData`;
//   - a `path` starting with './', '../' or '/' (paths are relative to the module, no parent references);
//   - a `path` that is not a file under the entry module's src/main/ets (on the host, the demo's): the README
//     allows "only relative paths under entry/src/main/ets; cross-package file search is not supported", so a
//     HAR's own animation cannot load by path (reported blank with 2.0.13); a HAR passes
//     `animationData`, "set based on ResourceManager";
//   - `animationData` that is not a parsed Lottie JSON object (no `layers` array);
//   - loading into a canvas context that still holds a live animation (destroy it first);
//   - loading a second live animation under a name already in use (destroy(name) would remove both).
// The declarations the kit is checked against are tools/vendor-types/@ohos/lottie/index.d.ets; this file
// implements only what the kit calls. Plain TypeScript for Node, never part of the HAR.

import * as fs from 'fs';
import * as nodePath from 'path';

/** One recorded call. `name` is the animation name ('' when the call named none). */
export class LottieCall {
  method: string;
  name: string;
  /** loadAnimation only: the `path` given, or '' when `animationData` was given instead. */
  path: string;

  constructor(method: string, name: string, path: string) {
    this.method = method;
    this.name = name;
    this.path = path;
  }
}

/** What loadAnimation received, for assertions (loop, autoplay, renderer). */
export class LottieLoad {
  name: string;
  path: string;
  /** The `nm` (name) of the animationData given, or '' for a load by path. */
  animationName: string = '';
  /** The animationData given (the parsed JSON), or undefined for a load by path. */
  animationData: object | undefined = undefined;
  loop: boolean | number | undefined;
  autoplay: boolean | undefined;
  renderer: string | undefined;
  container: object;

  constructor(name: string, path: string, loop: boolean | number | undefined, autoplay: boolean | undefined,
    renderer: string | undefined, container: object) {
    this.name = name;
    this.path = path;
    this.loop = loop;
    this.autoplay = autoplay;
    this.renderer = renderer;
    this.container = container;
  }
}

/** The entry module's ets folder: where lottie resolves a `path` (on the host, the demo app's). */
const ENTRY_ETS = nodePath.join(__dirname, '..', '..', '..', '..', 'demo', 'src', 'main', 'ets');

/** Every call since the last resetLottieFake(), in order. */
export const lottieCalls: LottieCall[] = [];
/** Every loadAnimation since the last resetLottieFake(), with its parameters. */
export const lottieLoads: LottieLoad[] = [];

/** The fake AnimationItem: state only. */
class FakeAnimationItem {
  name: string;
  container: object;
  isLoaded: boolean = true;
  isPaused: boolean = false;
  destroyed: boolean = false;

  constructor(name: string, container: object) {
    this.name = name;
    this.container = container;
  }

  play(): void { this.isPaused = false; }
  pause(): void { this.isPaused = true; }
  stop(): void { this.isPaused = true; }
  destroy(): void { lottie.destroy(this.name); }
  addEventListener(): () => void { return () => undefined; }
  removeEventListener(): void { return; }
  setSpeed(): void { return; }
  setContentMode(): void { return; }
  changeColor(): void { return; }
  resize(): void { return; }
}

let live: FakeAnimationItem[] = [];
let unnamed = 0;

interface LoadParams {
  container?: object;
  path?: string;
  animationData?: { layers?: object[]; nm?: string };
  name?: string;
  loop?: boolean | number;
  autoplay?: boolean;
  renderer?: string;
}

function matches(item: FakeAnimationItem, name?: string): boolean {
  return name === undefined || item.name === name;
}

/** The fake default export (LottiePlayer). */
const lottie = {
  loadAnimation(params: LoadParams): FakeAnimationItem {
    if (!params || !params.container) {
      throw new Error('lottie.loadAnimation needs `container`: the CanvasRenderingContext2D of a Canvas (load it in onReady)');
    }
    const path = params.path !== undefined ? params.path : '';
    if (path === '' && params.animationData === undefined) {
      throw new Error('lottie.loadAnimation needs `path` or `animationData`');
    }
    if (path.startsWith('./') || path.startsWith('../') || path.startsWith('/')) {
      throw new Error(`lottie.loadAnimation: path '${path}' must be relative to the module, without './', '../' or '/'`);
    }
    if (path !== '' && !fs.existsSync(nodePath.join(ENTRY_ETS, path))) {
      throw new Error(`lottie.loadAnimation: path '${path}' is not a file under the entry module's src/main/ets; ` +
        'lottie finds nothing outside it (not in a HAR): pass animationData read with the ResourceManager');
    }
    const data = params.animationData;
    if (data !== undefined && (data === null || typeof data !== 'object' || !Array.isArray(data.layers))) {
      throw new Error('lottie.loadAnimation: animationData must be the parsed Lottie JSON (an object with layers)');
    }
    if (live.some((item) => item.container === params.container)) {
      throw new Error('lottie.loadAnimation into a canvas that still holds an animation: call lottie.destroy(name) first');
    }
    const name = params.name !== undefined ? params.name : `__unnamed_${++unnamed}`;
    if (params.name !== undefined && live.some((item) => item.name === name)) {
      throw new Error(`lottie.loadAnimation: an animation named '${name}' is already loaded; names must be unique`);
    }
    const item = new FakeAnimationItem(name, params.container);
    live.push(item);
    lottieCalls.push(new LottieCall('loadAnimation', params.name !== undefined ? params.name : '', path));
    const load = new LottieLoad(name, path, params.loop, params.autoplay, params.renderer, params.container);
    load.animationName = data !== undefined && typeof data.nm === 'string' ? data.nm : '';
    load.animationData = data;
    lottieLoads.push(load);
    return item;
  },
  destroy(name?: string): void {
    lottieCalls.push(new LottieCall('destroy', name !== undefined ? name : '', ''));
    for (const item of live) {
      if (matches(item, name)) {
        item.destroyed = true;
      }
    }
    live = live.filter((item) => !item.destroyed);
  },
  play(name?: string): void {
    lottieCalls.push(new LottieCall('play', name !== undefined ? name : '', ''));
    live.filter((item) => matches(item, name)).forEach((item) => item.play());
  },
  pause(name?: string): void {
    lottieCalls.push(new LottieCall('pause', name !== undefined ? name : '', ''));
    live.filter((item) => matches(item, name)).forEach((item) => item.pause());
  },
  stop(name?: string): void {
    lottieCalls.push(new LottieCall('stop', name !== undefined ? name : '', ''));
    live.filter((item) => matches(item, name)).forEach((item) => item.stop());
  },
  setFrameRate(): void { return; },
  setSpeed(): void { return; },
  setContentMode(): void { return; },
  getRegisteredAnimations(): FakeAnimationItem[] { return live.slice(); },
};

/** Names of the animations loaded and not destroyed, in load order. */
export function liveLottieAnimations(): string[] {
  return live.map((item) => item.name);
}

/** Forgets every call and every live animation. */
export function resetLottieFake(): void {
  lottieCalls.length = 0;
  lottieLoads.length = 0;
  live = [];
  unnamed = 0;
}

/** LogUtil as the package exports it (log switches only). */
export class LogUtil {
  static ON: number = 1;
  static OFF: number = 0;
  static mLogLevel: number = 0;
}

export default lottie;
