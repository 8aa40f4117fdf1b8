// SPDX-License-Identifier: Apache-2.0
// Shared set-up of the CallControls and ConnectionBadge render tests: a ManualClock driving a
// SimulatedCallEngine, and an explicit EngineProvider whose clock counts the timers the kit itself starts (the
// engine schedules on the ManualClock directly, so its timers are not counted). Host-only helper (not a
// suite): it is imported by *.render.test.ts next to it.
import { CallClock, ManualClock } from '../../components/src/main/ets/engine/SimClock';
import { SimulatedCallEngine } from '../../components/src/main/ets/engine/SimulatedCallEngine';
import { CallSession } from '../../components/src/main/ets/session/CallSession';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';
import { CallUser, JoinOptions } from '../../components/src/main/ets/session/JoinOptions';
import { LATENCY, profileWith, TEST_APP_SIGN } from '../../components/src/test/engine/SimFixture';

/** A CallClock over a ManualClock that knows how many of the timers made through it are still pending. */
export class CountingClock implements CallClock {
  private readonly inner: ManualClock;
  private readonly live: Set<number> = new Set<number>();

  constructor(inner: ManualClock) {
    this.inner = inner;
  }

  now(): number {
    return this.inner.now();
  }

  setTimeout(fn: () => void, ms: number): number {
    const box: number[] = [];
    const id: number = this.inner.setTimeout(() => {
      this.live.delete(box[0]);
      fn();
    }, ms);
    box.push(id);
    this.live.add(id);
    return id;
  }

  clearTimeout(id: number): void {
    this.live.delete(id);
    this.inner.clearTimeout(id);
  }

  setInterval(fn: () => void, ms: number): number {
    const id: number = this.inner.setInterval(fn, ms);
    this.live.add(id);
    return id;
  }

  clearInterval(id: number): void {
    this.live.delete(id);
    this.inner.clearInterval(id);
  }

  /** Timers made through this clock that have neither run (one-shot) nor been cleared. */
  pendingTimers(): number {
    return this.live.size;
  }
}

/** One simulated call per test. */
export class CallWorld {
  readonly clock: ManualClock = new ManualClock();
  readonly kitClock: CountingClock = new CountingClock(this.clock);
  readonly sim: SimulatedCallEngine = new SimulatedCallEngine(this.clock);
  readonly provider: EngineProvider = new EngineProvider(this.sim, profileWith(TEST_APP_SIGN), this.kitClock);

  get session(): CallSession {
    return this.provider.session();
  }

  /** Starts joining 'room1' as alice without letting any time pass (the call is Connecting). */
  startJoin(options?: JoinOptions): Promise<void> {
    const joining: Promise<void> = this.session.join('room1', new CallUser('alice', 'Alice'), options);
    joining.catch(() => undefined);
    return joining;
  }

  /** Joins 'room1' as alice and lets the login and publishing complete. */
  async join(options?: JoinOptions): Promise<void> {
    const joining: Promise<void> = this.startJoin(options);
    await this.clock.advanceAsync(LATENCY * 4);
    await joining;
  }

  /** Lets `ms` of simulated time pass, with the promise continuations in between. */
  async wait(ms: number): Promise<void> {
    await this.clock.advanceAsync(ms);
  }

  /** How many times the engine was asked `call` exactly, e.g. 'muteMicrophone(true)'. */
  callCount(call: string): number {
    return this.sim.calls.filter((c: string) => c === call).length;
  }
}
