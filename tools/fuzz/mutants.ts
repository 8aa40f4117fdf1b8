// SPDX-License-Identifier: Apache-2.0
// Mutation checks for the fuzzer: known regressions put back into the kit for one run, in a test build only
// (the kit's prototypes are patched in this Node process; nothing under components/ changes). The fuzzer must
// report each one within the default run (`npm run fuzz -- --mutant <name>`, or the CallFuzz host suite); a
// mutant that survives means the fuzzer has lost the ability to find its class of bug.

import { CallController } from '../../components/src/main/ets/session/CallController';
import { RemoteStreams } from '../../components/src/main/ets/session/RemoteStreams';

/** A regression and how to put it back; `apply` returns the function that takes it out again. */
export interface Mutant {
  name: string;
  /** What the regression is, and where it came from. */
  description: string;
  /** What a violation reporting it says (a fragment of the violation's text). */
  expect: string;
  apply: () => () => void;
}

type Method = (...args: unknown[]) => void;

/** The controller's parts as a patched method reaches them (private in ArkTS, plain fields at run time). */
interface ControllerParts {
  media: { onDeviceError(code: number, device: string): void; onCapturedFirstFrame(): void };
}

function partsOf(controller: unknown): ControllerParts {
  const parts = controller as ControllerParts;
  if (parts.media === undefined || typeof parts.media.onDeviceError !== 'function' ||
    typeof parts.media.onCapturedFirstFrame !== 'function') {
    throw new Error('mutant late-device-error no longer applies: CallController has no media part with ' +
      'onDeviceError/onCapturedFirstFrame; update tools/fuzz/mutants.ts');
  }
  return parts;
}

/** Replaces methods of `target` (CallController.prototype unless given); returns the undo. */
function patch(methods: Record<string, Method>, target: object = CallController.prototype): () => void {
  const proto = target as unknown as Record<string, Method>;
  for (const name of Object.keys(methods)) {
    if (typeof proto[name] !== 'function') {
      throw new Error(`mutant no longer applies: no method ${name} to replace; update tools/fuzz/mutants.ts`);
    }
  }
  const saved: Record<string, Method> = {};
  for (const name of Object.keys(methods)) {
    saved[name] = proto[name];
    proto[name] = methods[name];
  }
  return (): void => {
    for (const name of Object.keys(saved)) {
      proto[name] = saved[name];
    }
  };
}

export const MUTANTS: Mutant[] = [
  {
    name: 'late-device-error',
    description: 'issue 12 defect 1: onLocalDeviceError and onPublisherCapturedVideoFirstFrame handled without ' +
      'their admission check, so a late callback after leave() changes the permissions and the camera state',
    expect: 'after the call ended',
    apply: (): (() => void) => patch({
      onLocalDeviceError: function (this: unknown, ...args: unknown[]): void {
        partsOf(this).media.onDeviceError(args[0] as number, args[1] as string);
      },
      onPublisherCapturedVideoFirstFrame: function (this: unknown): void {
        partsOf(this).media.onCapturedFirstFrame();
      }
    })
  },
  {
    name: 'speaking-after-audio-stops',
    description: 'a remote stream kept its last sound level (and the speaking frame) once no audio could arrive: ' +
      'the room reconnecting, the player requesting again, the microphone off, the stream or the call ending',
    expect: 'although no audio can arrive',
    apply: (): (() => void) => patch({
      silence: function (): void {
        // the regression: nothing is cleared
      }
    }, RemoteStreams.prototype)
  }
];

/** The mutant called `name`, or an error listing the known ones. */
export function mutantNamed(name: string): Mutant {
  const found = MUTANTS.find((m: Mutant) => m.name === name);
  if (found === undefined) {
    throw new Error(`unknown mutant '${name}'; known: ${MUTANTS.map((m: Mutant) => m.name).join(', ')}`);
  }
  return found;
}
