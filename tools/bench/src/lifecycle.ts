// SPDX-License-Identifier: Apache-2.0
/*
 * Part 3 of the bench: does a call leave anything behind? One session on one simulated engine joins the
 * 12-stream room and leaves it over and over, the way an app's call page does: add an event listener, bind
 * the preview and 12 tiles, join, stay 1 s (10 sound-level rounds), leave, unbind the views, remove the
 * listener. After every cycle it checks the engine's listener count, the session's event listener count, the
 * clock's pending timers, the controller's view and player bookkeeping and session.isIdle(); around the
 * measured cycles it forces GC (node --expose-gc) and compares heapUsed.
 *
 * Two host-only logs would grow by design and are cleared after every cycle, so they do not hide a kit leak:
 * SimulatedCallEngine.calls (the simulator's record of every API call, for tests) and the hilog fake's
 * captured lines. Their per-cycle growth is reported; kit log lines during a clean cycle should be 0.
 */
import { clearHilogLines, hilogLines } from '@kit.PerformanceAnalysisKit';
import { CallPhase } from '../../../components/src/main/ets/model/CallModel';
import { CallEvent } from '../../../components/src/main/ets/session/CallEvent';
import { median, nowNs } from './stats';
import { BenchWorld, REMOTE_STREAMS } from './world';

/** One heap reading after forced GC. */
export class HeapSample {
  readonly cycle: number;
  readonly heapUsed: number;

  constructor(cycle: number, heapUsed: number) {
    this.cycle = cycle;
    this.heapUsed = heapUsed;
  }
}

/** The worst value seen after any cycle, for each check. */
export class LifecycleReport {
  warmupCycles = 0;
  cycles = 0;
  /** undefined when GC could not be forced (node without --expose-gc). */
  heap: HeapSample[] | undefined = undefined;
  engineListenersInCall = 0;
  maxEngineListenersAfter = 0;
  maxSessionListenersAfter = 0;
  maxPendingTimersAfter = 0;
  maxStreamViewsAfter = 0;
  maxPlayingAfter = 0;
  notIdle = 0;
  notEnded = 0;
  /** Cycles in which not every stream played. */
  incomplete = 0;
  eventsPerCycle = 0;
  simCallsPerCycle = 0;
  logLinesPerCycle = 0;
  medianCycleMs = 0;
  wallMs = 0;

  /** heapUsed after the measured cycles minus before them (after the warm-up), in bytes. */
  get heapGrowth(): number {
    if (this.heap === undefined || this.heap.length < 2) {
      return 0;
    }
    return this.heap[this.heap.length - 1].heapUsed - this.heap[0].heapUsed;
  }

  /** Least-squares slope of heapUsed over the samples, in bytes per cycle (a leak shows as a steady slope). */
  get heapSlope(): number {
    const h = this.heap;
    if (h === undefined || h.length < 2) {
      return 0;
    }
    const mx = h.reduce((a: number, s: HeapSample) => a + s.cycle, 0) / h.length;
    const my = h.reduce((a: number, s: HeapSample) => a + s.heapUsed, 0) / h.length;
    let num = 0;
    let den = 0;
    for (const s of h) {
      num += (s.cycle - mx) * (s.heapUsed - my);
      den += (s.cycle - mx) * (s.cycle - mx);
    }
    return den === 0 ? 0 : num / den;
  }
}

type Gc = () => void;

function gcFunction(): Gc | undefined {
  const g = (globalThis as unknown as { gc?: Gc }).gc;
  return typeof g === 'function' ? g : undefined;
}

async function heapAfterGc(gc: Gc): Promise<number> {
  for (let i = 0; i < 4; i++) {
    gc();
    await new Promise<void>((resolve: () => void) => setImmediate(resolve));
  }
  return process.memoryUsage().heapUsed;
}

/** One join/leave cycle; records the checks in `report` (when `measured`). */
async function cycle(world: BenchWorld, report: LifecycleReport, measured: boolean): Promise<void> {
  let events = 0;
  const listener = (e: CallEvent): void => {
    events += e.kind >= 0 ? 1 : 0;
  };
  world.session.addEventListener(listener);
  world.bindViews();
  await world.join();
  world.runSeconds(1, true);
  const playing = world.controller.playingStreamIDs().length;
  const inCall = world.sim.listenerCount();
  await world.leave();
  world.unbindViews();
  world.session.removeEventListener(listener);

  const calls = world.sim.calls.length;
  const logs = hilogLines.length;
  world.sim.calls.length = 0;
  clearHilogLines();
  if (!measured) {
    return;
  }
  const r = report;
  r.incomplete += playing === REMOTE_STREAMS ? 0 : 1;
  r.engineListenersInCall = Math.max(r.engineListenersInCall, inCall);
  r.maxEngineListenersAfter = Math.max(r.maxEngineListenersAfter, world.sim.listenerCount());
  r.maxSessionListenersAfter = Math.max(r.maxSessionListenersAfter, world.controller.eventListenerCount());
  r.maxPendingTimersAfter = Math.max(r.maxPendingTimersAfter, world.clock.pendingTimerCount());
  r.maxStreamViewsAfter = Math.max(r.maxStreamViewsAfter, world.controller.boundStreamViewCount());
  r.maxPlayingAfter = Math.max(r.maxPlayingAfter, world.controller.playingStreamIDs().length);
  r.notIdle += world.session.isIdle() ? 0 : 1;
  r.notEnded += world.session.model.phase === CallPhase.Ended && world.session.model.streamIDs.length === 0 ? 0 : 1;
  r.eventsPerCycle = Math.max(r.eventsPerCycle, events);
  r.simCallsPerCycle = Math.max(r.simCallsPerCycle, calls);
  r.logLinesPerCycle = Math.max(r.logLinesPerCycle, logs);
}

/**
 * Runs `warmup` unmeasured cycles (V8 keeps compiling and growing its type feedback for the first few hundred
 * cycles, some 0.3-0.5 MB), then `cycles` measured ones with a heap sample after forced GC every
 * `sampleEvery` cycles.
 */
export async function measureLifecycle(warmup: number, cycles: number, sampleEvery: number): Promise<LifecycleReport> {
  const report = new LifecycleReport();
  report.warmupCycles = warmup;
  report.cycles = cycles;
  const gc = gcFunction();
  const started = nowNs();
  const world = new BenchWorld();
  for (let i = 0; i < warmup; i++) {
    await cycle(world, report, false);
  }
  const heap: HeapSample[] = [];
  if (gc !== undefined) {
    heap.push(new HeapSample(0, await heapAfterGc(gc)));
  }
  const durations: number[] = [];
  for (let i = 1; i <= cycles; i++) {
    const t0 = nowNs();
    await cycle(world, report, true);
    durations.push(nowNs() - t0);
    if (gc !== undefined && (i % sampleEvery === 0 || i === cycles) && heap[heap.length - 1].cycle !== i) {
      heap.push(new HeapSample(i, await heapAfterGc(gc)));
    }
  }
  report.heap = gc !== undefined ? heap : undefined;
  report.medianCycleMs = median(durations) / 1e6;
  report.wallMs = (nowNs() - started) / 1e6;
  return report;
}
