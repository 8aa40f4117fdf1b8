// SPDX-License-Identifier: Apache-2.0
// Shared set-up of the video-tile render tests (LocalPreview, RemoteStreamView): a ManualClock, a
// SimulatedCallEngine and an explicit EngineProvider, plus shortcuts to join a room and to read what the
// engine was asked to do. A world can also hand the views the same engine disguised as a device's
// (`new VideoTileWorld('device')`): the views then take the real-engine path (bind only in onLoad, no test
// pattern) while the simulation still runs behind it. Host-only helper (not a suite): it is imported by
// *.render.test.ts next to it.
import { CallEngine } from '../../components/src/main/ets/engine/CallEngine';
import { ManualClock } from '../../components/src/main/ets/engine/SimClock';
import { SimulatedCallEngine } from '../../components/src/main/ets/engine/SimulatedCallEngine';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';
import { CallSession } from '../../components/src/main/ets/session/CallSession';
import { CallUser } from '../../components/src/main/ets/session/JoinOptions';
import { LATENCY, profileWith, TEST_APP_SIGN } from '../../components/src/test/engine/SimFixture';

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

/** Which engine the views see: the simulated one, or the simulated one looking like a device's engine. */
export type EngineKind = 'simulated' | 'device';

/**
 * `sim` as a device engine looks to the components: every call and field goes to `sim`, but the engine is not
 * `instanceof SimulatedCallEngine` (the one thing the views check), so they wait for onLoad as on a device.
 */
export function deviceLike(sim: SimulatedCallEngine): CallEngine {
  return new Proxy<CallEngine>(sim, { getPrototypeOf: (): object => Object.prototype });
}

/** One simulated world per test. */
export class VideoTileWorld {
  readonly clock: TrackingClock = new TrackingClock();
  readonly sim: SimulatedCallEngine = new SimulatedCallEngine(this.clock);
  readonly provider: EngineProvider;

  /** @param engine what the views see: the simulated engine (default) or a device-like one (see deviceLike) */
  constructor(engine: EngineKind = 'simulated') {
    const seen: CallEngine = engine === 'device' ? deviceLike(this.sim) : this.sim;
    this.provider = new EngineProvider(seen, profileWith(TEST_APP_SIGN), this.clock);
  }

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

  /** Records every view id the views bind in the session, as 'preview <viewID>' or '<streamID> <viewID>'. */
  recordBinds(): string[] {
    const binds: string[] = [];
    const session: CallSession = this.session;
    const bindPreview = session.bindPreview.bind(session);
    const bindStreamView = session.bindStreamView.bind(session);
    session.bindPreview = (viewID: string): void => {
      binds.push(`preview ${viewID}`);
      bindPreview(viewID);
    };
    session.bindStreamView = (streamID: string, viewID: string): void => {
      binds.push(`${streamID} ${viewID}`);
      bindStreamView(streamID, viewID);
    };
    return binds;
  }

  /** The engine calls whose text starts with `prefix`, e.g. 'startPreview'. */
  callsTo(prefix: string): string[] {
    return this.sim.calls.filter((c: string) => c.startsWith(prefix));
  }
}

/** The engine's signalling latency: one step of the simulated network. */
export const STEP: number = LATENCY;
