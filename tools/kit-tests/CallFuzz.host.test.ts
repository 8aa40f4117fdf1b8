// SPDX-License-Identifier: Apache-2.0
/*
 * The call fuzzer in the default test run: a few hundred seeded random call sequences (app actions, engine
 * events, faults, duplicated, reordered and late callbacks) must keep every invariant of tools/fuzz, and each
 * bug the full run (`npm run fuzz`, 10 000 sequences) found has its shrunk sequence here as a regression test.
 * Host-only (.ts): it uses fast-check and the fuzzer under tools/fuzz, which never ship.
 */
import { describe, expect, it } from '@ohos/hypium';
import { fuzz } from '../fuzz/fuzz';
import { DEFAULT_MAX_STEPS, DEFAULT_SEED, FULL_RUNS, fuzzMutant } from '../fuzz/main';
import { MUTANTS } from '../fuzz/mutants';
import { runSequence, SequenceResult } from '../fuzz/runner';
import { FuzzCase, JoinVariant, Step, WorldVariant } from '../fuzz/steps';

/** Sequences in the default run: enough to reach every fault, small enough for well under 5 s. */
const QUICK_RUNS = 300;

function world(changes: Partial<WorldVariant> = {}): WorldVariant {
  return Object.assign({
    tokenMode: false, appOwnsEngine: false, latencyMs: 50, tokenDelayMs: 0, participantsInRoom: 0,
    appListenerThrows: false
  }, changes);
}

function opts(changes: Partial<JoinVariant> = {}): JoinVariant {
  return Object.assign({
    publish: true, mic: true, camera: true, front: true, policy: 0, streamID: 0, soundLevelMs: 300,
    token: 'provider' as const
  }, changes);
}

function join(room: number = 0, changes: Partial<JoinVariant> = {}): Step {
  return { k: 'join', room, user: 0, opts: opts(changes) };
}

async function run(w: WorldVariant, steps: Step[]): Promise<SequenceResult> {
  const c: FuzzCase = { world: w, steps };
  return runSequence(c, false);
}

function explain(r: SequenceResult): string {
  return r.violations.length === 0 ? 'no violation' : `${r.violations.slice(0, 3).join('\n')}\n${r.trace.slice(-30).join('\n')}`;
}

export default function callFuzzTest() {
  describe('CallFuzz', () => {
    it(`keeps every invariant through ${QUICK_RUNS} random call sequences with faults and late callbacks`, 0,
      async (done: Function) => {
        const report = await fuzz({ runs: QUICK_RUNS, seed: DEFAULT_SEED, maxSteps: 60 });
        const failure = report.failure;
        const detail = failure === undefined ? '' :
          `${failure.result.violations.slice(0, 3).join('\n')}\nreplay: npm run fuzz -- --seed ${report.seed} ` +
          `--steps 60 --path "${failure.path}"`;
        expect(detail).assertEqual('');
        expect(report.sequences).assertEqual(QUICK_RUNS);
        expect(report.faults).assertLarger(QUICK_RUNS);
        expect(report.coverage.get('startPlayingStream') as number).assertLarger(50);
        done();
      });

    it('replays the same run from the same seed', 0, async (done: Function) => {
      const a = await fuzz({ runs: 25, seed: 99, maxSteps: 40 });
      const b = await fuzz({ runs: 25, seed: 99, maxSteps: 40 });
      expect(a.steps).assertEqual(b.steps);
      expect(a.faults).assertEqual(b.faults);
      expect(a.steps).assertLarger(25);
      done();
    });

    for (const mutant of MUTANTS) {
      it(`reports the regression '${mutant.name}' put back in a test build within the default run (mutation check)`, 0,
        async (done: Function) => {
          const report = await fuzzMutant(mutant, { runs: FULL_RUNS, seed: DEFAULT_SEED, maxSteps: DEFAULT_MAX_STEPS });
          const violations = report.failure === undefined ? [] : report.failure.result.violations;
          expect(violations.some((v: string) => v.includes(mutant.expect))).assertTrue();
          // Taken out again: the same seed's first sequences pass.
          const clean = await fuzz({ runs: report.sequences, seed: DEFAULT_SEED, maxSteps: DEFAULT_MAX_STEPS });
          expect(clean.failure === undefined).assertTrue();
          done();
        });
    }

    // ------------------------------------------------------------------ regressions found by the fuzzer

    it('ends a call joined again while the previous one is still leaving, and leaves nothing behind', 0,
      async (done: Function) => {
        // Was: the old teardown marked the new call Ended, and leave() returned the old teardown, so the new
        // call logged in with no way to leave it (listener, login and engine left behind).
        const r = await run(world(), [join(), { k: 'leave' }, join()]);
        expect(explain(r)).assertEqual('no violation');
        done();
      });

    it('shows the preview mounted while the call is leaving, on the engine that runs it', 0, async (done: Function) => {
      // Was: the preview started on the engine the teardown then destroyed; local.previewing stayed true.
      const r = await run(world(), [join(), { k: 'leave' }, { k: 'mountPreview', view: 0 }, { k: 'advance', ms: 0 },
        { k: 'advance', ms: 100 }]);
      expect(explain(r)).assertEqual('no violation');
      done();
    });

    it('starts a preview mounted while a join creates the engine only once the engine exists', 0, async (done: Function) => {
      // Was: the preview started before createEngine resolved, so the camera toggle that followed was confirmed
      // against a preview the kit thought was not capturing yet.
      const r = await run(world(), [join(), { k: 'leave' }, join(0, { mic: false, camera: false, front: false }),
        { k: 'mountPreview', view: 0 }, { k: 'advance', ms: 0 }, { k: 'camera', on: true }, { k: 'advance', ms: 100 }]);
      expect(explain(r)).assertEqual('no violation');
      done();
    });

    it('keeps the new call\'s options when the previous call\'s teardown finishes after the next join', 0,
      async (done: Function) => {
        // Was (briefly, before it landed): the old call's teardown dropped the session's copy of the options
        // after the queued join had replaced it, so the new call lost its play policy and played dave's stream.
        const r = await run(world({ appOwnsEngine: true, participantsInRoom: 3 }), [join(0, { streamID: 1 }),
          { k: 'leave' }, join(1, { policy: 1 }), { k: 'advance', ms: 50 }]);
        expect(explain(r)).assertEqual('no violation');
        done();
      });

    it('confirms a microphone toggle made while the next join waits for the last call to end', 0,
      async (done: Function) => {
        // Was: the engine was muted but local.micOn stayed true (the mic button showed "pending" forever).
        const r = await run(world(), [join(), { k: 'leave' }, join(0, { mic: true }), { k: 'mic', on: false },
          { k: 'advance', ms: 0 }, { k: 'camera', on: false }, join(), { k: 'advance', ms: 200 }]);
        expect(explain(r)).assertEqual('no violation');
        done();
      });

    it('logs out when a duplicated ReconnectFailed ends a call that is logging in again', 0, async (done: Function) => {
      // Was: the kit ended the call without logoutRoom, so an app-owned engine stayed in the room.
      const r = await run(world({ appOwnsEngine: true }), [
        join(1, { publish: false }), { k: 'advance', ms: 50 }, { k: 'dropNetwork' }, { k: 'failReconnect' },
        { k: 'advance', ms: 0 }, join(1, { token: 'static' }), { k: 'duplicate', pick: 5 }
      ]);
      expect(r.trace.some((l: string) => l.includes('(injected): onRoomStateChanged(room2, 5, 1002053'))).assertTrue();
      expect(explain(r)).assertEqual('no violation');
      done();
    });

    it('stops the engine\'s player when a stale play failure arrives for a stream that plays', 0,
      async (done: Function) => {
        // Was: the kit forgot the stream but the engine kept playing it, and nothing would ever stop it.
        const r = await run(world({ participantsInRoom: 2 }), [join(), { k: 'mountStream', stream: 1, view: 0 },
          { k: 'advance', ms: 50 }, { k: 'stalePlayer', stream: 1, state: 0, code: 1004002 }, { k: 'advance', ms: 200 }]);
        expect(explain(r)).assertEqual('no violation');
        done();
      });

    it('stops the engine\'s publisher when a stale publish failure arrives while it publishes', 0,
      async (done: Function) => {
        // Was: the kit thought it no longer published; a later Logined published a second time.
        const r = await run(world({ appOwnsEngine: true }), [join(), { k: 'advance', ms: 200 },
          { k: 'stalePublisher', state: 0, code: 1003023 }, { k: 'duplicate', pick: 2 }, { k: 'advance', ms: 200 }]);
        expect(r.trace.some((l: string) => l.includes('(injected): onRoomStateChanged(room1, 1, 0'))).assertTrue();
        expect(explain(r)).assertEqual('no violation');
        done();
      });

    it('ignores a Logined from the previous call that arrives before the next login was asked for', 0,
      async (done: Function) => {
        // Was: the new call showed InCall and published while still fetching its token.
        const r = await run(world({ tokenMode: true, tokenDelayMs: 120 }), [join(), { k: 'advance', ms: 1000 },
          { k: 'leave' }, { k: 'advance', ms: 0 }, join(), { k: 'duplicate', pick: 2 }, { k: 'advance', ms: 1000 }]);
        expect(r.trace.some((l: string) => l.includes('(injected): onRoomStateChanged(room1, 1, 0'))).assertTrue();
        expect(explain(r)).assertEqual('no violation');
        done();
      });
  });
}
