// SPDX-License-Identifier: Apache-2.0
// The host demo's call, scripted on a ManualClock (deterministic, and 40 simulated seconds take well under one
// real second): the demo's flow (join page checks, call page, ended page) on the kit's public API and the
// simulated engine, with a remote participant, Bob, played by the script. Steps: Alice joins and publishes;
// Bob joins and publishes; mute and unmute on both sides; camera off and on; a network drop and recovery; the
// token renewal 30 s before expiry; Bob leaves; Alice hangs up. It ends by checking that nothing of the call
// is left (no engine listener, no engine, nothing played or published) and returns the exit code.

import * as path from 'path';
import {
  CallEndReason, CallEvent, CallEventKind, CallSession, CallUser, EngineProfile, EngineProvider, EngineScenario,
  endReasonText, JoinOptions, ManualClock, SimulatedCallEngine, SimulatedEngineOptions, SimulatedParticipant
} from '@zegocallkit/components';
import { formatCallDuration } from '../../../demo/src/main/ets/common/CallDuration';
import { JoinFields } from '../../../demo/src/main/ets/common/JoinFields';
import { resolveText } from '../../host/render/harness';
import { DemoTokenServer } from './DemoTokenServer';
import { Control, RenderedScreen } from './RenderedScreen';
import { EngineRecorder } from './RecordingEngine';
import { Timeline } from './Timeline';

/** The AppID the demo pretends to use (the simulated engine accepts any valid one). */
const APP_ID = 1234567890;
/** Unix time at simulated time 0 (2023-11-14 22:13:20 UTC). */
const START_UNIX_SECONDS = 1700000000;
/** Token lifetime: ZEGO warns 30 s before expiry, so the renewal happens at 00:30. */
const TOKEN_LIFETIME_SECONDS = 60;
/** How finely the script advances time, so views bind streams about when a device would. */
const SLICE_MS = 10;
const ROOM_ID = 'room1';
/** A file of the demo module: resource strings are resolved against the demo's base strings (then the kit's). */
const DEMO_STRINGS_FILE = path.join(__dirname, '..', '..', '..', 'demo', 'src', 'main', 'ets', 'pages', 'EndedPage.ets');

/** How to run the demo. */
export interface DemoOptions {
  /** Where each line goes as it is produced (default: nowhere; the lines are returned). */
  write?: (line: string) => void;
  /** Write every periodic callback instead of only the changes. */
  verbose?: boolean;
}

/** What a run produced. */
export interface DemoResult {
  /** 0 when the call went as scripted and left nothing behind. */
  exitCode: number;
  /** The timeline, line by line. */
  lines: string[];
  /** Every token the demo's token server issued (to prove that none was printed). */
  issuedTokens: string[];
  /** Problems found by the final checks. */
  problems: string[];
}

function eventText(e: CallEvent): string {
  const kind = CallEventKind[e.kind];
  switch (e.kind) {
    case CallEventKind.CallEnded:
      return `CallEvent ${kind}(${CallEndReason[e.endReason]}, ${e.errorCode})`;
    case CallEventKind.Error:
      return `CallEvent ${kind}(${e.error !== undefined ? `${e.error.code}: ${e.error.message}` : '?'})`;
    case CallEventKind.StreamAdded:
    case CallEventKind.StreamRemoved:
      return `CallEvent ${kind}(${e.streamID}, ${e.userID})`;
    default:
      return `CallEvent ${kind}(${e.userID} "${e.userName}")`;
  }
}

/** The scripted call. */
class DemoCall {
  readonly clock = new ManualClock();
  readonly timeline: Timeline;
  readonly tokens: DemoTokenServer;
  readonly recorder: EngineRecorder;
  readonly sim: SimulatedCallEngine;
  readonly provider: EngineProvider;
  readonly session: CallSession;
  readonly bob: SimulatedParticipant;
  screen: RenderedScreen | undefined = undefined;
  startedAt = -1;
  endedAt = -1;
  private seenStreamIDs: string[] = [];
  private step = 0;

  constructor(options: DemoOptions) {
    this.timeline = new Timeline(this.clock, options.write !== undefined ? options.write : () => undefined);
    this.tokens = new DemoTokenServer(APP_ID, this.clock, START_UNIX_SECONDS, TOKEN_LIFETIME_SECONDS, this.timeline);
    this.recorder = new EngineRecorder(this.timeline, (t: string) => this.tokens.describe(t), options.verbose === true);
    const simOptions = new SimulatedEngineOptions();
    simOptions.startUnixSeconds = START_UNIX_SECONDS;
    simOptions.tokenVerifier = this.tokens.verifier();
    this.sim = new SimulatedCallEngine(this.clock, simOptions);
    // As the demo's EntryAbility does: a profile without an AppSign (token login), the provider installed.
    const profile = new EngineProfile(APP_ID, '', EngineScenario.StandardVideoCall, undefined, '');
    this.provider = new EngineProvider(this.recorder.wrap(this.sim), profile, this.clock);
    EngineProvider.install(this.provider);
    this.session = this.provider.session();
    this.session.addEventListener((e: CallEvent) => this.timeline.event(eventText(e)));
    this.bob = this.sim.addParticipant('bob', 'Bob');
    this.bob.speak(45);
    this.sim.setLocalSoundLevel(30);
  }

  heading(title: string): void {
    this.step++;
    this.timeline.step(this.step, title);
  }

  /** Lets `ms` of simulated time pass, letting the views follow the call as they would on a device. */
  async wait(ms: number): Promise<void> {
    const end = this.clock.now() + ms;
    while (this.clock.now() < end) {
      await this.clock.advanceAsync(Math.min(SLICE_MS, end - this.clock.now()));
      const ids = this.session.model.streamIDs;
      if (ids !== this.seenStreamIDs) {
        this.seenStreamIDs = ids;
        if (this.screen !== undefined) {
          this.screen.refresh();
        }
      }
    }
  }

  /** Waits until the simulated clock shows `ms`. */
  async waitUntil(ms: number): Promise<void> {
    await this.wait(Math.max(0, ms - this.clock.now()));
  }

  show(title: string): void {
    if (this.screen !== undefined) {
      this.screen.refresh();
      this.timeline.screen(title, this.screen.rows());
    }
  }

  async run(): Promise<void> {
    const t = this.timeline;
    t.plain('ZEGO Call Kit host demo: a two-party call on the simulated engine, replayed on a manual clock.');
    t.plain('Actors: the demo (pages), the kit (app side of ZEGO), the engine (simulated ZEGO SDK), the token ' +
      'server, and the world (user, remote participant, network).');

    this.heading('Alice opens the demo and joins room1');
    t.world('user', 'types user ID "alice smith" on the join page');
    const typo = new JoinFields(ROOM_ID, 'alice smith', 'Alice');
    t.entry('join page', `shows under the field: "${typo.userIDCheck().message}" (the kit's checkUserID)`);
    t.world('user', 'corrects it to "alice", display name "Alice", taps Join');
    const fields = new JoinFields(ROOM_ID, 'alice', 'Alice');
    t.entry('join page', `room ID, user ID and name pass the kit's rules: ${fields.isValid()}`);
    t.entry('call page', 'camera and microphone are allowed (on a device the permission dialog appears here)');
    t.entry('call page', 'opens with CallView, ConnectionBadge, the call timer and CallControls');
    this.screen = new RenderedScreen(fields.userName, this.clock, () => this.startedAt, t);
    const options = new JoinOptions();
    options.tokenProvider = this.tokens;
    t.demoCall(`session.join(${fields.roomID}, new CallUser(${fields.userID}, "${fields.userName}"), ` +
      '{tokenProvider: the token server})');
    const joined = this.session.join(fields.roomID, new CallUser(fields.userID, fields.userName), options).then(() => {
      this.startedAt = this.clock.now();
      t.entry('call page', 'join() resolved: the call timer starts, the continuous task and AVSession start');
    });
    await this.wait(400);
    await joined;
    this.show('Alice is in the call, alone');

    await this.waitUntil(2000);
    this.heading('Bob joins room1 and publishes');
    t.world('remote bob', 'joins the room');
    this.bob.join();
    await this.wait(500);
    t.world('remote bob', 'starts publishing camera and microphone');
    this.bob.publish();
    await this.wait(600);
    this.show('both are in the call');

    await this.waitUntil(5000);
    this.heading('Mute and unmute');
    t.world('user', 'taps the microphone button');
    this.tap('microphone');
    await this.wait(100);
    t.world('remote bob', 'mutes his microphone');
    this.bob.setMic(false);
    await this.wait(900);
    this.show('both microphones off');
    t.world('user', 'taps the microphone button again');
    this.tap('microphone');
    t.world('remote bob', 'unmutes');
    this.bob.setMic(true);
    await this.wait(400);
    this.show('both microphones on');

    await this.waitUntil(9000);
    this.heading('Camera off and on');
    t.world('user', 'taps the camera button');
    this.tap('camera');
    t.world('remote bob', 'turns his camera off');
    this.bob.setCamera(false);
    await this.wait(900);
    this.show('both cameras off');
    t.world('user', 'taps the camera button again');
    this.tap('camera');
    t.world('remote bob', 'turns his camera on');
    this.bob.setCamera(true);
    await this.wait(400);
    this.show('both cameras on');

    await this.waitUntil(15000);
    this.heading('The network drops and comes back');
    t.world('network', 'drops');
    this.sim.dropNetwork();
    await this.wait(3000);
    this.show('3 s without network');
    t.world('network', 'comes back');
    this.sim.restoreNetwork();
    await this.wait(400);
    this.show('reconnected; the local network quality is still the last report (every 2 s)');
    await this.wait(2000);
    this.show('the next network-quality report');

    this.heading('The token is renewed 30 s before it expires');
    await this.waitUntil(30500);
    this.show('after the renewal');

    await this.waitUntil(34000);
    this.heading('Bob leaves');
    t.world('remote bob', 'hangs up');
    this.bob.leave();
    await this.wait(500);
    this.show('Alice alone again');

    await this.waitUntil(37000);
    this.heading('Alice hangs up');
    t.world('user', 'taps the hang-up button');
    this.tap('hang up');
    this.endedAt = this.clock.now();
    await this.wait(400);
    this.screen.close();
    this.screen = undefined;
    const model = this.session.model;
    t.entry('ended page', `"${resolveText(endReasonText(model.endReason, model.endErrorCode), DEMO_STRINGS_FILE)}" · ` +
      `"${resolveText($r('app.string.ended_duration', formatCallDuration(this.endedAt - this.startedAt)), DEMO_STRINGS_FILE)}"`);
  }

  /** A tap on a CallControls button. */
  private tap(control: Control): void {
    if (this.screen !== undefined) {
      this.screen.tap(control);
    }
  }

  /** What must hold once the call is over; each broken rule is a problem. */
  finalProblems(): string[] {
    const problems: string[] = [];
    if (this.sim.listenerCount() !== 0) {
      problems.push(`the engine still has ${this.sim.listenerCount()} listener(s)`);
    }
    if (this.sim.isCreated()) {
      problems.push('the engine was not destroyed');
    }
    if (!this.session.isIdle()) {
      problems.push('the session still holds part of the call');
    }
    if (this.session.model.endReason !== CallEndReason.HungUp) {
      problems.push(`the call ended with ${CallEndReason[this.session.model.endReason]}, not HungUp`);
    }
    if (this.tokens.issuedCount < 2) {
      problems.push('the token was not renewed');
    }
    return problems;
  }
}

/** Runs the scripted call and returns what it printed and whether it went as expected. */
export async function runDemo(options: DemoOptions = {}): Promise<DemoResult> {
  const call = new DemoCall(options);
  const t = call.timeline;
  let problems: string[];
  try {
    await call.run();
    problems = call.finalProblems();
  } catch (e) {
    problems = [`the demo failed: ${e instanceof Error ? e.stack || e.message : String(e)}`];
  } finally {
    EngineProvider.uninstall();
  }
  const stats = call.recorder.stats;
  t.plain('');
  const hidden: string[] = [];
  stats.hidden.forEach((n: number, name: string) => hidden.push(`${name} ×${n}`));
  t.plain(`Done: ${stats.apiCalls} API calls, ${stats.callbacks} callbacks in ${(call.clock.now() / 1000).toFixed(1)} ` +
    `simulated seconds; ${stats.hiddenTotal()} periodic callbacks repeated an earlier report and are not shown` +
    (hidden.length > 0 ? ` (${hidden.join(', ')})` : '') + '.');
  if (problems.length === 0) {
    t.plain('Left behind: nothing (no engine listener, engine destroyed, nothing published or played).');
  } else {
    for (const p of problems) {
      t.plain(`PROBLEM: ${p}`);
    }
  }
  return { exitCode: problems.length === 0 ? 0 : 1, lines: t.lines, issuedTokens: call.tokens.issuedTokens(), problems };
}
