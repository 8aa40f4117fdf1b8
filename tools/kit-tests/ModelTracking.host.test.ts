// SPDX-License-Identifier: Apache-2.0
// Every field of the kit's models is @Track. A write then re-renders only the elements that show that field,
// and an app may show any field in its own build(): in a class with @Track fields, ArkUI throws when the UI
// reads one without it ("Illegal usage of not @Track'ed property"), a crash on a device. This suite fails when
// a field is added without @Track. Host-only: it reads the marks @Track leaves (on the host as in ArkUI,
// '___TRACKED_<field>' on the class's prototype).
import { describe, expect, it } from '@ohos/hypium';
import { CallModel } from '../../components/src/main/ets/model/CallModel';
import { LocalMediaModel } from '../../components/src/main/ets/model/LocalMediaModel';
import { RemoteStreamModel } from '../../components/src/main/ets/model/RemoteStreamModel';
import { RoomModel } from '../../components/src/main/ets/model/RoomModel';

/** The fields of `model` without @Track. */
function untracked(model: object): string[] {
  return Object.keys(model).filter((field: string) => !Reflect.has(model, `___TRACKED_${field}`));
}

export default function modelTrackingTest(): void {
  describe('ModelTracking', () => {
    it('tracks every field of the call, room, local media and remote stream models', 0, () => {
      const models: object[] = [new CallModel(), new RoomModel(), new LocalMediaModel(),
        new RemoteStreamModel('bob_main', 'bob', 'Bob')];
      for (const model of models) {
        expect(`${model.constructor.name}: ${untracked(model).join(', ')}`).assertEqual(`${model.constructor.name}: `);
      }
    });
  });
}
