// SPDX-License-Identifier: Apache-2.0
/*
 * Part 2 of the bench: does every callback write only the model fields whose value changed?
 *
 * The @Observed model instances of a 12-stream call (CallModel, RoomModel, LocalMediaModel and every
 * RemoteStreamModel, including ones created later) are instrumented with counting accessors (WriteCounter),
 * and every callback the session's CallController receives is wrapped in a write window. Per callback, the
 * writes it made are compared with the number of fields whose value differs afterwards. Target: equal, and 0
 * when the values repeat. The call goes through these phases, all on the simulator's own timers:
 *   join        login, 12 streams added (one callback) and played, first frames, first sound levels
 *   changing    60 s with speaking levels changing every 100 ms and network quality every 3 s
 *   settle      3 s after levels and quality stop changing (the last changes land)
 *   repeated    60 s of the same values: expected 0 writes
 *   events      remote camera/mic off and on, network drop and restore, two participants leaving and coming
 *               back together (one Delete and one Add callback with 2 streams each), a kick-out
 *   2nd delivery  in the join and events phases every callback is delivered a second time right after the
 *               first, through the engine (SimulatedCallEngine.injectCallback) as an SDK may repeat one:
 *               expected 0 writes
 * Writes made between callbacks (join() resetting the model, the preview starting, the teardown after the
 * kick-out) are shown per phase for information; no target applies to them.
 */
import { CallEngineListener } from '../../../components/src/main/ets/engine/CallEngine';
import { SimulatedParticipant } from '../../../components/src/main/ets/engine/SimulatedParticipant';
import { describeCallback, tapListener } from './listenerTap';
import { WriteCounter, WriteResult, WriteWindow } from './writeCounter';
import { BenchWorld, REMOTE_STREAMS } from './world';

/** What a phase expects of each callback. */
export enum WriteTarget {
  /** writes === fields changed */
  Equal = 'writes = changed',
  /** no write at all */
  None = '0 writes',
  /** not a callback: shown, not judged */
  Info = 'info',
}

/** Name of the pseudo-callback under which writes between callbacks are shown. */
export const BETWEEN_CALLBACKS = '(between callbacks: join(), teardown, ...)';

/** All callbacks of one kind in one phase. */
export class WriteRow {
  readonly phase: string;
  readonly callback: string;
  readonly target: WriteTarget;
  count = 0;
  writes = 0;
  changed = 0;
  /** Callbacks that missed the target. */
  misses = 0;
  /** Writes beyond what the changes needed, by field. */
  readonly excess: Map<string, number> = new Map<string, number>();

  constructor(phase: string, callback: string, target: WriteTarget) {
    this.phase = phase;
    this.callback = callback;
    this.target = target;
  }

  /** Whether every callback of the row met the target (always true for Info). */
  get pass(): boolean {
    return this.misses === 0;
  }

  add(r: WriteResult, counts: boolean): void {
    if (counts) {
      this.count++;
    }
    this.writes += r.writes;
    this.changed += r.changed;
    if (this.target === WriteTarget.Equal && r.writes !== r.changed) {
      this.misses++;
    } else if (this.target === WriteTarget.None && r.writes !== 0) {
      this.misses++;
    }
    for (const f of r.excess) {
      this.excess.set(f, (this.excess.get(f) ?? 0) + 1);
    }
  }
}

/** The result of part 2. */
export class WriteReport {
  rows: WriteRow[] = [];
  fieldsTracked = 0;
  objectsTracked = 0;
}

type AnyListener = Record<string, (...args: unknown[]) => void>;

/** Instruments one 12-stream call, runs the phases and returns one row per (phase, callback kind). */
export async function measureModelWrites(): Promise<WriteReport> {
  const world = new BenchWorld();
  const counter = new WriteCounter();
  const rows = new Map<string, WriteRow>();
  const model = world.session.model;
  let objects = 0;

  const trackStreams = (): void => {
    for (const s of model.allStreams()) {
      if (!counter.isTracked(s)) {
        counter.track(s, `stream[${s.streamID}]`, 'stream');
        objects++;
      }
    }
  };
  counter.track(model, 'call');
  counter.track(model.room, 'room');
  counter.track(model.local, 'local');
  objects += 3;

  let phase = '';
  let target = WriteTarget.Equal;
  let duplicating = false;
  let inDuplicate = false;
  let gap: WriteWindow = counter.begin();

  const rowFor = (p: string, t: WriteTarget, callback: string): WriteRow => {
    const key = `${p}\u0000${callback}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = new WriteRow(p, callback, t);
      rows.set(key, row);
    }
    return row;
  };
  const closeGap = (): void => {
    const r = counter.end(gap);
    if (r.writes > 0) {
      rowFor(phase, WriteTarget.Info, BETWEEN_CALLBACKS).add(r, false);
    }
  };

  tapListener(world.controller, (method: string, args: unknown[], call: () => void) => {
    closeGap();
    const name = describeCallback(method, args);
    const window = counter.begin();
    call();
    const r = counter.end(window);
    if (inDuplicate) {
      rowFor(`${phase}, 2nd delivery`, WriteTarget.None, name).add(r, true);
    } else {
      rowFor(phase, target, name).add(r, true);
    }
    trackStreams();
    gap = counter.begin();
    if (duplicating && !inDuplicate) {
      // The same callback once more, through the engine: a listener removed meanwhile does not get it.
      inDuplicate = true;
      try {
        world.sim.injectCallback((l: CallEngineListener) => {
          (l as unknown as AnyListener)[method](...args);
        });
      } finally {
        inDuplicate = false;
      }
    }
  });

  const runPhase = async (name: string, t: WriteTarget, body: () => Promise<void> | void): Promise<void> => {
    closeGap();
    phase = name;
    target = t;
    gap = counter.begin();
    await body();
    closeGap();
    trackStreams();
    gap = counter.begin();
  };

  duplicating = true;
  await runPhase('join', WriteTarget.Equal, async () => {
    world.bindViews();
    await world.join();
    world.runSeconds(1, false);
  });
  duplicating = false;
  if (world.controller.playingStreamIDs().length !== REMOTE_STREAMS) {
    throw new Error('bench: not every stream plays after join');
  }
  await runPhase('changing', WriteTarget.Equal, () => world.runSeconds(60, true));
  await runPhase('settle', WriteTarget.Equal, () => world.runSeconds(3, false));
  await runPhase('repeated', WriteTarget.None, () => world.runSeconds(60, false));

  duplicating = true;
  await runPhase('events', WriteTarget.Equal, async () => {
    const g = world.guests[2];
    g.setCamera(false);
    g.setMic(false);
    world.runSeconds(0.5, false);
    g.setCamera(true);
    g.setMic(true);
    world.runSeconds(0.5, false);
    world.sim.dropNetwork();
    world.runSeconds(4, false);
    world.sim.restoreNetwork();
    world.runSeconds(1, false);
    const leaving = world.guests.slice(REMOTE_STREAMS - 2);
    leaving.forEach((p: SimulatedParticipant) => p.leave());
    world.runSeconds(0.5, false);
    leaving.forEach((p: SimulatedParticipant) => {
      p.join();
      p.publish();
    });
    world.runSeconds(3.5, true);
    world.sim.kickOut();
    await world.clock.advanceAsync(100);
  });
  duplicating = false;

  const report = new WriteReport();
  report.rows = Array.from(rows.values());
  report.fieldsTracked = counter.fieldCount;
  report.objectsTracked = objects;
  return report;
}
