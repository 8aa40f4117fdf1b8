// SPDX-License-Identifier: Apache-2.0
/*
 * Tests for the benchmark's write counter: it must see a write that stores the same value (the defect the
 * bench looks for), must not report writes for reads, and must keep the instrumented object working.
 */
import { describe, it, expect } from '@ohos/hypium';
import { WriteCounter } from '../src/writeCounter';
import { RoomModel } from '../../../components/src/main/ets/model/RoomModel';

class Sample {
  level: number = 0;
  name: string = 'a';
  list: string[] = [];

  bump(): void {
    this.level = this.level + 1;
  }
}

export default function writeCounterTest(): void {
  describe('BenchmarkWriteCounter', () => {
    it('counts a same-value write to an @Observed model, which its proxy drops before the field', 0, () => {
      const counter = new WriteCounter();
      const room = new RoomModel();
      counter.track(room, 'room');
      const w = counter.begin();
      room.onlineUserCount = 0;
      room.onlineUserCount = 2;
      const r = counter.end(w);
      expect(r.writes).assertEqual(2);
      expect(r.changed).assertEqual(1);
      expect(r.excess.join(',')).assertEqual('room.onlineUserCount');
      expect(room.onlineUserCount).assertEqual(2);
    });

    it('counts a write that stores the value already there as a redundant write', 0, () => {
      const counter = new WriteCounter();
      const s = new Sample();
      counter.track(s, 'sample');
      const w = counter.begin();
      s.level = 0;
      const r = counter.end(w);
      expect(r.writes).assertEqual(1);
      expect(r.changed).assertEqual(0);
      expect(r.excess.join(',')).assertEqual('sample.level');
    });

    it('counts a changed field once per write and reads as nothing', 0, () => {
      const counter = new WriteCounter();
      const s = new Sample();
      counter.track(s, 'sample');
      const w = counter.begin();
      s.bump();
      const unused = s.name + s.list.length;
      const r = counter.end(w);
      expect(unused).assertEqual('a0');
      expect(r.writes).assertEqual(1);
      expect(r.changed).assertEqual(1);
      expect(r.excess.length).assertEqual(0);
      expect(s.level).assertEqual(1);
    });

    it('counts every write beyond the first to a field that changed as excess', 0, () => {
      const counter = new WriteCounter();
      const s = new Sample();
      counter.track(s, 'sample');
      const w = counter.begin();
      s.list = ['x'];
      s.list = ['x', 'y'];
      s.list = ['x', 'y', 'z'];
      const r = counter.end(w);
      expect(r.writes).assertEqual(3);
      expect(r.changed).assertEqual(1);
      expect(r.excess.join(',')).assertEqual('sample.list,sample.list');
    });

    it('sees a reassigned array as a change even with the same contents', 0, () => {
      const counter = new WriteCounter();
      const s = new Sample();
      counter.track(s, 'sample');
      const w = counter.begin();
      s.list = s.list.concat([]);
      const r = counter.end(w);
      expect(r.changed).assertEqual(1);
      expect(counter.totalWrites).assertEqual(1);
    });

    it('ignores tracking the same object twice', 0, () => {
      const counter = new WriteCounter();
      const s = new Sample();
      counter.track(s, 'sample');
      counter.track(s, 'sample');
      expect(counter.fieldCount).assertEqual(3);
      s.name = 'b';
      expect(counter.totalWrites).assertEqual(1);
    });
  });
}
