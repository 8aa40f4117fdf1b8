// SPDX-License-Identifier: Apache-2.0
// The app as a docs' page sees it, shared by the test that mounts the pages (tools/kit-tests/DocPages.render.test.ts)
// and the pictures of them (tools/render/docpages.js): the simulated engine installed as the app's provider
// (EngineProvider.install, as the getting-started guide's EntryAbility does), with Bob in the room publishing
// `bob_main`, on a ManualClock; a getUIContext() whose router records calls; and a watch for promise rejections
// nobody handled. One world per mounted page; close() uninstalls the provider.
import { render, Rendered } from '../host/render/harness';
import { DocPage, loadPage, nextTurn, UnhandledRejections } from './DocPages';
import { EngineProfile, EngineScenario } from '../../components/src/main/ets/engine/EngineTypes';
import { ManualClock } from '../../components/src/main/ets/engine/SimClock';
import { SimulatedCallEngine } from '../../components/src/main/ets/engine/SimulatedCallEngine';
import { SimulatedParticipant } from '../../components/src/main/ets/engine/SimulatedParticipant';
import { CallSession } from '../../components/src/main/ets/session/CallSession';
import { EngineProvider } from '../../components/src/main/ets/session/EngineProvider';

/** Any positive AppID and 64 hexadecimal characters: the simulated engine checks only their shape. */
export const DOC_APP_SIGN: string = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';
/** The stream Bob publishes. */
export const DOC_GUEST_STREAM: string = 'bob_main';
const STEP_MS: number = 50;

/** What a page's getUIContext() returns on the host: a router that records, and a host context. */
export class UiContextStandIn {
  readonly routerCalls: string[] = [];

  getHostContext(): object {
    return {};
  }

  getRouter(): object {
    return {
      back: (): void => {
        this.routerCalls.push('back');
      },
      pushUrl: (options: { url: string }): Promise<void> => {
        this.routerCalls.push(`pushUrl ${options.url}`);
        return Promise.resolve();
      },
      replaceUrl: (options: { url: string }): Promise<void> => {
        this.routerCalls.push(`replaceUrl ${options.url}`);
        return Promise.resolve();
      },
      getParams: (): undefined => undefined
    };
  }
}

/** The app as the page sees it: the simulated engine installed as the provider, with Bob in the room. */
export class DocWorld {
  readonly clock: ManualClock;
  readonly sim: SimulatedCallEngine;
  readonly provider: EngineProvider;
  /** Bob, in the room and publishing from the start (a test may turn his microphone off, say). */
  readonly guest: SimulatedParticipant;
  readonly ui: UiContextStandIn = new UiContextStandIn();
  private readonly rejections: UnhandledRejections = new UnhandledRejections();

  /** `appSign`: the profile's (a malformed one makes the join fail); `clock`: the world's time. */
  constructor(appSign: string = DOC_APP_SIGN, clock: ManualClock = new ManualClock()) {
    this.clock = clock;
    this.sim = new SimulatedCallEngine(clock);
    this.provider = new EngineProvider(this.sim,
      new EngineProfile(1234567, appSign, EngineScenario.StandardVideoCall, undefined, ''), clock);
    this.guest = this.sim.addParticipant('bob', 'Bob');
    this.guest.join();
    this.guest.publish();
    EngineProvider.install(this.provider);
    this.rejections.start();
  }

  /** The promise rejections nobody handled so far. */
  get unhandled(): string[] {
    return this.rejections.reasons;
  }

  get session(): CallSession {
    return this.provider.session();
  }

  /** Mounts the page (loaded as `npm run check` compiled it), its getUIContext() answered by `ui`. */
  mount(page: DocPage): Rendered<object> {
    const cls = loadPage(page);
    const ui = this.ui;
    (cls.prototype as { getUIContext: () => UiContextStandIn }).getUIContext = (): UiContextStandIn => ui;
    return render(cls);
  }

  /** Lets simulated time pass, with the promise turns (and Node's unhandled-rejection check) in between. */
  async wait(ms: number = STEP_MS * 6): Promise<void> {
    await this.clock.advanceAsync(ms);
    await nextTurn();
  }

  /** Lets time pass, then rebuilds the page. */
  async settle(h: Rendered<object>, ms: number = STEP_MS * 6): Promise<void> {
    await this.wait(ms);
    h.rerender();
  }

  /** Uninstalls the provider and stops listening for unhandled rejections. */
  close(): void {
    this.rejections.stop();
    EngineProvider.uninstall();
  }
}
