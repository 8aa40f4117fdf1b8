// SPDX-License-Identifier: Apache-2.0
// Shared set-up of the video-tile render tests (LocalPreview, RemoteStreamView): a ManualClock, a
// SimulatedCallEngine and an explicit EngineProvider, plus shortcuts to join a room and to read what the
// engine was asked to do. Host-only helper (not a suite): it is imported by *.render.test.ts next to it.
import { ManualClock } from '../../main/ets/engine/SimClock';
import { SimulatedCallEngine } from '../../main/ets/engine/SimulatedCallEngine';
import { EngineProvider } from '../../main/ets/session/EngineProvider';
import { CallSession } from '../../main/ets/session/CallSession';
import { CallUser } from '../../main/ets/session/JoinOptions';
import { LATENCY, profileWith, TEST_APP_SIGN } from '../engine/SimFixture';

/** A ManualClock that also knows which intervals are running, by period (to find a component's timer). */
export class TrackingClock extends ManualClock {
  private readonly periods: Map<number, number> = new Map<number, number>();

  setInterval(fn: () => void, ms: number): number {
    const id: number = super.setInterval(fn, ms);
    this.periods.set(id, ms);
    return id;
  }

  clearInterval(id: number): void {
    this.periods.delete(id);
    super.clearInterval(id);
  }

  /** How many intervals of `ms` are running. */
  intervalsOf(ms: number): number {
    let count: number = 0;
    this.periods.forEach((period: number) => {
      if (period === ms) {
        count++;
      }
    });
    return count;
  }
}

/** One simulated world per test. */
export class VideoTileWorld {
  readonly clock: TrackingClock = new TrackingClock();
  readonly sim: SimulatedCallEngine = new SimulatedCallEngine(this.clock);
  readonly provider: EngineProvider = new EngineProvider(this.sim, profileWith(TEST_APP_SIGN), this.clock);

  get session(): CallSession {
    return this.provider.session();
  }

  /** Joins 'room1' as alice and lets the login (and the streams already in the room) arrive. */
  async join(): Promise<void> {
    const joined: Promise<void> = this.session.join('room1', new CallUser('alice', 'Alice'));
    await this.clock.advanceAsync(LATENCY * 2);
    await joined;
  }

  /** Lets `ms` of simulated time pass, with the promise continuations in between. */
  async wait(ms: number): Promise<void> {
    await this.clock.advanceAsync(ms);
  }

  /** The engine calls whose text starts with `prefix`, e.g. 'startPreview'. */
  callsTo(prefix: string): string[] {
    return this.sim.calls.filter((c: string) => c.startsWith(prefix));
  }
}

/** The engine's signalling latency: one step of the simulated network. */
export const STEP: number = LATENCY;
