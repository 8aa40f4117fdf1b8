// SPDX-License-Identifier: Apache-2.0
/*
 * Part 1 of the bench: what one engine callback costs the host (Node) in the kit, in microseconds.
 *
 * a) Per callback kind, through the engine's listener path: SimulatedCallEngine.injectCallback → the engine's
 *    emit (listener snapshot, try/catch) → CallController → models. One run delivers what a 12-stream call
 *    gets in 60 s (600 sound-level rounds, 20 quality rounds × 12 streams, 30 network-quality rounds); a run is
 *    timed as a whole with process.hrtime.bigint and divided by its callbacks; warm-up runs first, then the
 *    median (and min/max) over the measured runs, taken round-robin over the callback kinds. Values either
 *    change on every callback (the usual case) or repeat (the compare-only path). Stream delete/add pairs are
 *    timed one call at a time (minus the measured cost of an empty timed region).
 * b) A simulated minute on the simulator's own timers (ManualClock.advance in 100 ms steps, speaking levels and
 *    network quality changing), with every controller callback timed individually: the kit's share of the
 *    host's time for a 12-stream call, and the simulator + kit total.
 */
import { CallEngineListener } from '../../../components/src/main/ets/engine/CallEngine';
import {
  EngineStream, EngineUser, PlayQuality, PublishQuality, StreamQualityLevel, UpdateType
} from '../../../components/src/main/ets/engine/EngineTypes';
import { simPlayQuality, simPublishQuality } from '../../../components/src/main/ets/engine/SimQuality';
import { CallEvent } from '../../../components/src/main/ets/session/CallEvent';
import { describeCallback, tapListener } from './listenerTap';
import { median, nowNs } from './stats';
import { BenchWorld, REMOTE_STREAMS, ROOM_ID } from './world';

type Deliver = (listener: CallEngineListener) => void;

/** Simulated seconds per run (the brief's "60 simulated seconds"). */
const SECONDS = 60;
const SOUND_ROUNDS = SECONDS * 10;
const QUALITY_ROUNDS = SECONDS / 3;
const NETWORK_ROUNDS = SECONDS / 2;
/** Stream delete + add pairs per run. */
const STREAM_PAIRS = 20;

/** One row of part 1a: ns per callback over the measured runs. */
export class CostRow {
  callback: string;
  values: string;
  perRun: number;
  medianNs: number;
  minNs: number;
  maxNs: number;

  constructor(callback: string, values: string, perRun: number, perCallNs: number[]) {
    this.callback = callback;
    this.values = values;
    this.perRun = perRun;
    this.medianNs = median(perCallNs);
    this.minNs = Math.min(...perCallNs);
    this.maxNs = Math.max(...perCallNs);
  }
}

/** One row of part 1b: how often a callback kind arrives per simulated minute and what it costs. */
export class MinuteRow {
  callback: string;
  countPerMinute: number;
  meanNs: number;
  totalNs: number;

  constructor(callback: string, countPerMinute: number, meanNs: number) {
    this.callback = callback;
    this.countPerMinute = countPerMinute;
    this.meanNs = meanNs;
    this.totalNs = countPerMinute * meanNs;
  }
}

/** Result of part 1b. */
export class MinuteResult {
  rows: MinuteRow[] = [];
  /** Kit time per simulated minute (sum of the callbacks' medians × counts). */
  kitNs = 0;
  /** Wall time of ManualClock.advance over a simulated minute without timing hooks: simulator + kit. */
  wallNs = 0;
}

/** Batch case of part 1a: `delivers` is one run, in order; values at the wrap-around differ like the rest. */
class BatchCase {
  callback: string;
  values: string;
  delivers: Deliver[];

  constructor(callback: string, values: string, delivers: Deliver[]) {
    this.callback = callback;
    this.values = values;
    this.delivers = delivers;
  }
}

function soundLevelMaps(changing: boolean): Map<string, number>[] {
  const maps: Map<string, number>[] = [];
  for (let round = 0; round < SOUND_ROUNDS; round++) {
    const m = new Map<string, number>();
    for (let i = 1; i <= REMOTE_STREAMS; i++) {
      // Consecutive rounds differ by 7 (mod 100) for every stream, including round 599 → round 0.
      m.set(BenchWorld.streamID(i), changing ? (round * 7 + i * 11) % 100 : 40 + i);
    }
    maps.push(m);
  }
  return maps;
}

function playQualities(): PlayQuality[] {
  return [simPlayQuality(StreamQualityLevel.Excellent, true, true), simPlayQuality(StreamQualityLevel.Good, true, true)];
}

function publishQualities(): PublishQuality[] {
  return [simPublishQuality(StreamQualityLevel.Excellent, true, true),
    simPublishQuality(StreamQualityLevel.Good, true, true)];
}

function batchCases(localStreamID: string): BatchCase[] {
  const cases: BatchCase[] = [];
  cases.push(new BatchCase('(listener path only: a no-op callback)', '-',
    new Array<Deliver>(SOUND_ROUNDS).fill((l: CallEngineListener) => {
      l.onRoomStateUpdate(ROOM_ID, 2, 0, '');
    })));
  for (const changing of [true, false]) {
    const values = changing ? 'changing' : 'repeated';
    cases.push(new BatchCase(`onRemoteSoundLevelUpdate(${REMOTE_STREAMS} entries)`, values,
      soundLevelMaps(changing).map((m: Map<string, number>) => (l: CallEngineListener) => {
        l.onRemoteSoundLevelUpdate(m);
      })));
    const captured: Deliver[] = [];
    for (let round = 0; round < SOUND_ROUNDS; round++) {
      const level = changing ? (round * 7) % 100 : 55;
      captured.push((l: CallEngineListener) => {
        l.onCapturedSoundLevelUpdate(level);
      });
    }
    cases.push(new BatchCase('onCapturedSoundLevelUpdate', values, captured));
    const play = playQualities();
    const playDelivers: Deliver[] = [];
    for (let round = 0; round < QUALITY_ROUNDS; round++) {
      const q = changing ? play[round % 2] : play[0];
      for (let i = 1; i <= REMOTE_STREAMS; i++) {
        const id = BenchWorld.streamID(i);
        playDelivers.push((l: CallEngineListener) => {
          l.onPlayerQualityUpdate(id, q);
        });
      }
    }
    cases.push(new BatchCase('onPlayerQualityUpdate', values, playDelivers));
    const pub = publishQualities();
    const pubDelivers: Deliver[] = [];
    for (let round = 0; round < QUALITY_ROUNDS; round++) {
      const q = changing ? pub[round % 2] : pub[0];
      pubDelivers.push((l: CallEngineListener) => {
        l.onPublisherQualityUpdate(localStreamID, q);
      });
    }
    cases.push(new BatchCase('onPublisherQualityUpdate', values, pubDelivers));
    const net: Deliver[] = [];
    for (let round = 0; round < NETWORK_ROUNDS; round++) {
      const down = changing && round % 2 === 1 ? StreamQualityLevel.Good : StreamQualityLevel.Excellent;
      net.push((l: CallEngineListener) => {
        l.onNetworkQuality('', StreamQualityLevel.Excellent, down);
      });
    }
    cases.push(new BatchCase('onNetworkQuality(local)', values, net));
  }
  const remoteNet: Deliver[] = [];
  for (let round = 0; round < NETWORK_ROUNDS * REMOTE_STREAMS; round++) {
    const user = `guest${(round % REMOTE_STREAMS) + 1}`;
    remoteNet.push((l: CallEngineListener) => {
      l.onNetworkQuality(user, StreamQualityLevel.Excellent, StreamQualityLevel.Good);
    });
  }
  cases.push(new BatchCase('onNetworkQuality(remote user)', 'ignored', remoteNet));
  return cases;
}

/** One timed run of a batch case: ns per callback. The case's last callback is delivered first, untimed. */
function timeBatchRun(world: BenchWorld, c: BatchCase): number {
  world.sim.injectCallback(c.delivers[c.delivers.length - 1]);
  const t0 = nowNs();
  for (const d of c.delivers) {
    world.sim.injectCallback(d);
  }
  return (nowNs() - t0) / c.delivers.length;
}

function measureStreamPairs(world: BenchWorld, warmup: number, runs: number, overheadNs: number): CostRow[] {
  const id = BenchWorld.streamID(REMOTE_STREAMS);
  const stream = [new EngineStream(id, new EngineUser(`guest${REMOTE_STREAMS}`, `Guest ${REMOTE_STREAMS}`), '')];
  const del: Deliver = (l: CallEngineListener) => {
    l.onRoomStreamUpdate(ROOM_ID, UpdateType.Delete, stream, '');
  };
  const add: Deliver = (l: CallEngineListener) => {
    l.onRoomStreamUpdate(ROOM_ID, UpdateType.Add, stream, '');
  };
  const dels: number[] = [];
  const adds: number[] = [];
  for (let run = 0; run < warmup + runs; run++) {
    let delNs = 0;
    let addNs = 0;
    for (let k = 0; k < STREAM_PAIRS; k++) {
      const t0 = nowNs();
      world.sim.injectCallback(del);
      const t1 = nowNs();
      world.sim.injectCallback(add);
      const t2 = nowNs();
      delNs += t1 - t0 - overheadNs;
      addNs += t2 - t1 - overheadNs;
    }
    world.sim.calls.length = 0;
    if (run >= warmup) {
      dels.push(delNs / STREAM_PAIRS);
      adds.push(addNs / STREAM_PAIRS);
    }
  }
  if (world.controller.playingStreamIDs().length !== REMOTE_STREAMS) {
    throw new Error('bench: stream add/delete pairs left the call with fewer played streams');
  }
  return [
    new CostRow('onRoomStreamUpdate(Delete, 1 stream)', 'stop play', STREAM_PAIRS, dels),
    new CostRow('onRoomStreamUpdate(Add, 1 stream)', 'start play', STREAM_PAIRS, adds),
  ];
}

/** Part 1a: host cost per callback kind through injectCallback. */
export async function measureCallbackCosts(warmup: number, runs: number, overheadNs: number): Promise<CostRow[]> {
  // One app listener, as a page of the app would register (it receives the stream add/remove events).
  const world = await BenchWorld.inCall((e: CallEvent) => {
    if (e.kind < 0) {
      throw new Error('unreachable');
    }
  });
  const localStreamID = world.session.model.local.streamID;
  const cases = batchCases(localStreamID);
  const samples: number[][] = cases.map(() => []);
  // Round-robin over the cases, so JIT warm-up and GC spread evenly instead of favouring the later cases.
  for (let run = 0; run < warmup + runs; run++) {
    cases.forEach((c: BatchCase, i: number) => {
      const ns = timeBatchRun(world, c);
      if (run >= warmup) {
        samples[i].push(ns);
      }
    });
  }
  const rows: CostRow[] = cases.map((c: BatchCase, i: number) =>
    new CostRow(c.callback, c.values, c.delivers.length, samples[i]));
  rows.push(...measureStreamPairs(world, warmup, runs, overheadNs));
  await world.leave();
  return rows;
}

/** Part 1b: a simulated minute on the simulator's own timers. */
export async function measureSimulatedMinute(warmupMinutes: number, minutes: number,
  overheadNs: number): Promise<MinuteResult> {
  const world = await BenchWorld.inCall();
  const perKind = new Map<string, number[]>();
  const counts = new Map<string, number>();
  for (let m = 0; m < warmupMinutes + minutes; m++) {
    const minuteNs = new Map<string, number>();
    const minuteCount = new Map<string, number>();
    const untap = tapListener(world.controller, (method: string, args: unknown[], call: () => void) => {
      const t0 = nowNs();
      call();
      const dt = nowNs() - t0 - overheadNs;
      const kind = describeCallback(method, args);
      minuteNs.set(kind, (minuteNs.get(kind) ?? 0) + dt);
      minuteCount.set(kind, (minuteCount.get(kind) ?? 0) + 1);
    });
    world.runSeconds(SECONDS, true);
    untap();
    if (m < warmupMinutes) {
      continue;
    }
    minuteCount.forEach((n: number, kind: string) => {
      const list = perKind.get(kind) ?? [];
      list.push((minuteNs.get(kind) ?? 0) / n);
      perKind.set(kind, list);
      counts.set(kind, n);
    });
  }
  const result = new MinuteResult();
  perKind.forEach((means: number[], kind: string) => {
    const row = new MinuteRow(kind, counts.get(kind) ?? 0, median(means));
    result.rows.push(row);
    result.kitNs += row.totalNs;
  });
  result.rows.sort((a: MinuteRow, b: MinuteRow) => b.totalNs - a.totalNs);
  const walls: number[] = [];
  for (let m = 0; m < minutes; m++) {
    const t0 = nowNs();
    world.runSeconds(SECONDS, true);
    walls.push(nowNs() - t0);
  }
  result.wallNs = median(walls);
  await world.leave();
  return result;
}
