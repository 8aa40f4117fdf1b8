// SPDX-License-Identifier: Apache-2.0
/*
 * Puts a hook around every CallEngineListener method of one listener instance (the session's CallController),
 * so the bench can time or count each callback the engine delivers, whatever path delivered it (the
 * simulator's timers or injectCallback). The hook is an own property of the instance; untap() deletes it and
 * the class's method is used again. Also names callbacks readably, with the argument that matters
 * ('onRoomStateChanged(Reconnecting)', 'onRoomStreamUpdate(Add)').
 */
import {
  PlayerState, PublisherState, RemoteDeviceState, RoomStateChangedReason, UpdateType
} from '../../../components/src/main/ets/engine/EngineTypes';
import { LISTENER_METHODS } from '../../host/testing/ListenerMethods';

/** Called instead of a listener method: `call()` runs the real method with the same arguments. */
export type TapHook = (method: string, args: unknown[], call: () => void) => void;

type AnyMethod = (...args: unknown[]) => unknown;

/** Hooks every listener method of `listener`; returns the function that removes the hooks. */
export function tapListener(listener: object, hook: TapHook): () => void {
  const target = listener as Record<string, AnyMethod>;
  for (const method of LISTENER_METHODS) {
    const original = target[method];
    if (typeof original !== 'function') {
      throw new Error(`listener has no ${method}`);
    }
    target[method] = (...args: unknown[]): void => {
      hook(method, args, () => {
        original.apply(listener, args);
      });
    };
  }
  return (): void => {
    for (const method of LISTENER_METHODS) {
      delete target[method];
    }
  };
}

/** A readable name for one callback, with the argument that selects the code path. */
export function describeCallback(method: string, args: unknown[]): string {
  switch (method) {
    case 'onRoomStateChanged':
      return `${method}(${RoomStateChangedReason[args[1] as number]})`;
    case 'onRoomStreamUpdate':
    case 'onRoomUserUpdate':
      return `${method}(${UpdateType[args[1] as number]})`;
    case 'onPublisherStateUpdate':
      return `${method}(${PublisherState[args[1] as number]})`;
    case 'onPlayerStateUpdate':
      return `${method}(${PlayerState[args[1] as number]})`;
    case 'onRemoteCameraStateUpdate':
    case 'onRemoteMicStateUpdate':
      return `${method}(${RemoteDeviceState[args[1] as number]})`;
    case 'onRemoteSoundLevelUpdate':
      return `${method}(${(args[0] as Map<string, number>).size} entries)`;
    case 'onNetworkQuality':
      return `${method}(${args[0] === '' ? 'local' : 'remote user'})`;
    default:
      return method;
  }
}
