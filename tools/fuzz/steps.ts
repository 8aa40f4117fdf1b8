// SPDX-License-Identifier: Apache-2.0
// The vocabulary of the call fuzzer: what one step of a random call sequence can be (an app action, a change
// in the simulated world, an injected fault or a duplicated/late callback), the world a sequence runs in, and
// the fast-check arbitraries that generate them. Steps are plain data so fast-check can shrink a failing
// sequence and a regression test can spell one out literally.

import fc from 'fast-check';

/** The remote participants the world can script; each publishes `<id>_main`. */
export const PARTICIPANTS: string[] = ['bob', 'carol', 'dave', 'erin'];
/** Stream IDs the app may mount views for: the participants' streams plus one that never exists. */
export const STREAMS: string[] = ['bob_main', 'carol_main', 'dave_main', 'erin_main', 'ghost_main'];
/** Room IDs given to join(): two valid rooms, then invalid ones (empty, bad charset, too long in bytes). */
export const ROOMS: string[] = ['room1', 'room2', '', 'my room', 'r'.repeat(128), '会'.repeat(43)];
/** Users given to join(): valid ones (one shares bob's ID), then invalid ones. */
export const USERS: Array<[string, string]> = [
  ['alice', 'Alice'], ['bob', 'Bob too'], ['', 'Nobody'], ['alice', ''], ['u'.repeat(64), 'Long'],
  ['名字', 'Chinese ID'], ['alice', '名'.repeat(86)]
];

/** How a join() configures the call. */
export interface JoinVariant {
  publish: boolean;
  mic: boolean;
  camera: boolean;
  front: boolean;
  /** 0 plays every stream, 1 skips dave's stream, 2 a policy that throws. */
  policy: number;
  /** 0 derived, 1 'my_stream', 2 'bob_main' (clashes with bob's stream), 3 invalid 'a.b'. */
  streamID: number;
  /** 0 (off), 300, or 50 (invalid). */
  soundLevelMs: number;
  /** How the token is given in token mode: 'provider', 'static' (a valid token) or 'none' (invalid input). */
  token: 'provider' | 'static' | 'none';
}

export type ParticipantOp = 'join' | 'leave' | 'publish' | 'unpublish' | 'cameraOn' | 'cameraOff' | 'micOn' |
  'micOff' | 'speak' | 'quality';

/** One step of a sequence. */
export type Step =
  | { k: 'join'; room: number; user: number; opts: JoinVariant }
  | { k: 'leave' }
  | { k: 'mic'; on: boolean }
  | { k: 'camera'; on: boolean }
  | { k: 'switchCamera' }
  | { k: 'background'; on: boolean }
  | { k: 'permissionGranted'; device: 'camera' | 'microphone' }
  | { k: 'mountPreview'; view: number }
  | { k: 'unmountPreview'; view: number }
  | { k: 'mountStream'; stream: number; view: number }
  | { k: 'unmountStream'; stream: number; view: number }
  | { k: 'advance'; ms: number }
  | { k: 'participant'; p: number; op: ParticipantOp }
  | { k: 'dropNetwork' }
  | { k: 'restoreNetwork' }
  | { k: 'failReconnect' }
  | { k: 'kickOut'; code: number }
  | { k: 'expireToken'; seconds: number }
  | { k: 'tokenServer'; failing: boolean }
  | { k: 'failNextLogin'; code: number }
  | { k: 'failNextPublish'; code: number }
  | { k: 'failNextPlay'; stream: number; code: number }
  | { k: 'permissions'; camera: boolean; mic: boolean }
  | { k: 'localNetwork'; up: number; down: number }
  | { k: 'localVoice'; level: number }
  | { k: 'duplicate'; pick: number }
  | { k: 'late'; pick: number }
  | { k: 'lateAny'; pick: number }
  | { k: 'foreignRoom'; pick: number }
  | { k: 'willExpireAgain' }
  | { k: 'reorder' }
  | { k: 'stalePlayer'; stream: number; state: number; code: number }
  | { k: 'stalePublisher'; state: number; code: number };

/** The world a sequence runs in. */
export interface WorldVariant {
  /** No AppSign: every login needs a token (from the provider or JoinOptions.token). */
  tokenMode: boolean;
  /** The app created the engine itself before the call (the session then never destroys it). */
  appOwnsEngine: boolean;
  /** The simulated engine's signalling latency. */
  latencyMs: number;
  /** How long the token provider takes to answer, in simulated ms. */
  tokenDelayMs: number;
  /** How many participants (from the first) are in the room and publishing before the app joins. */
  participantsInRoom: number;
  /** The app's own event listener throws on every event (the kit must carry on regardless). */
  appListenerThrows: boolean;
}

/** A whole generated case. */
export interface FuzzCase {
  world: WorldVariant;
  steps: Step[];
}

const bool = fc.boolean();
const idx = (n: number): fc.Arbitrary<number> => fc.integer({ min: 0, max: n - 1 });

const joinVariant: fc.Arbitrary<JoinVariant> = fc.record({
  publish: fc.oneof({ arbitrary: fc.constant(true), weight: 5 }, { arbitrary: fc.constant(false), weight: 1 }),
  mic: bool,
  camera: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
  front: bool,
  policy: fc.oneof({ arbitrary: fc.constant(0), weight: 6 }, { arbitrary: fc.constant(1), weight: 1 },
    { arbitrary: fc.constant(2), weight: 1 }),
  streamID: fc.oneof({ arbitrary: fc.constant(0), weight: 12 }, { arbitrary: fc.constant(1), weight: 2 },
    { arbitrary: fc.constant(2), weight: 1 }, { arbitrary: fc.constant(3), weight: 1 }),
  soundLevelMs: fc.oneof({ arbitrary: fc.constant(300), weight: 6 }, { arbitrary: fc.constant(0), weight: 2 },
    { arbitrary: fc.constant(50), weight: 1 }),
  token: fc.oneof({ arbitrary: fc.constant<'provider'>('provider'), weight: 8 },
    { arbitrary: fc.constant<'static'>('static'), weight: 2 }, { arbitrary: fc.constant<'none'>('none'), weight: 1 })
});

/** Mostly the two valid rooms, sometimes an invalid one. */
const roomIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 14 }, { arbitrary: fc.constant(1), weight: 3 },
  { arbitrary: fc.integer({ min: 2, max: ROOMS.length - 1 }), weight: 2 });
/** Mostly alice, sometimes a user sharing bob's ID, sometimes invalid. */
const userIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 14 }, { arbitrary: fc.constant(1), weight: 1 },
  { arbitrary: fc.integer({ min: 2, max: USERS.length - 1 }), weight: 2 });

/** A join step (valid most of the time). */
const joinStep: fc.Arbitrary<Step> = fc.record({ room: roomIndex, user: userIndex, opts: joinVariant })
  .map((r): Step => ({ k: 'join', room: r.room, user: r.user, opts: r.opts }));

/** Bob and carol (who are often in the room from the start) come up most. */
const participantIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.constant(1), weight: 3 },
  { arbitrary: idx(PARTICIPANTS.length), weight: 3 });
const streamIndex = fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.constant(1), weight: 3 },
  { arbitrary: idx(STREAMS.length), weight: 3 });
/** Joining and publishing come up more than the rest, so streams come and go often. */
const participantOp: fc.Arbitrary<ParticipantOp> = fc.oneof(
  { arbitrary: fc.constantFrom<ParticipantOp>('join', 'publish'), weight: 4 },
  { arbitrary: fc.constantFrom<ParticipantOp>('leave', 'unpublish'), weight: 2 },
  { arbitrary: fc.constantFrom<ParticipantOp>('cameraOn', 'cameraOff', 'micOn', 'micOff', 'speak', 'quality'), weight: 3 });
const LOGIN_CODES: number[] = [1002033, 1002031, 1002034, 1002099];
const PUBLISH_CODES: number[] = [1003023, 1003072, 1003099];
const PLAY_CODES: number[] = [1004002, 1004099];
const KICK_CODES: number[] = [1002050, 1002055];
const ADVANCES: number[] = [0, 10, 50, 120, 1000, 3100, 31000];

const pick = <T>(values: T[]): fc.Arbitrary<T> => fc.constantFrom(...values);

const w = (weight: number, arbitrary: fc.Arbitrary<Step>): fc.WeightedArbitrary<Step> => ({ arbitrary, weight });

/** Any one step, weighted so calls get going: time passes often, the app acts often, faults now and then. */
const anyStep: fc.Arbitrary<Step> = fc.oneof(
  w(3, joinStep),
  w(2, fc.constant<Step>({ k: 'leave' })),
  w(2, bool.map((on): Step => ({ k: 'mic', on }))),
  w(2, bool.map((on): Step => ({ k: 'camera', on }))),
  w(1, fc.constant<Step>({ k: 'switchCamera' })),
  w(1, bool.map((on): Step => ({ k: 'background', on }))),
  w(1, pick<'camera' | 'microphone'>(['camera', 'microphone']).map((device): Step => ({ k: 'permissionGranted', device }))),
  w(3, idx(2).map((view): Step => ({ k: 'mountPreview', view }))),
  w(2, idx(2).map((view): Step => ({ k: 'unmountPreview', view }))),
  w(8, fc.tuple(streamIndex, idx(2)).map((t): Step => ({ k: 'mountStream', stream: t[0], view: t[1] }))),
  w(4, fc.tuple(streamIndex, idx(2)).map((t): Step => ({ k: 'unmountStream', stream: t[0], view: t[1] }))),
  w(12, pick(ADVANCES).map((ms): Step => ({ k: 'advance', ms }))),
  w(12, fc.tuple(participantIndex, participantOp).map((t): Step => ({ k: 'participant', p: t[0], op: t[1] }))),
  w(2, fc.constant<Step>({ k: 'dropNetwork' })),
  w(2, fc.constant<Step>({ k: 'restoreNetwork' })),
  w(1, fc.constant<Step>({ k: 'failReconnect' })),
  w(1, pick(KICK_CODES).map((code): Step => ({ k: 'kickOut', code }))),
  w(1, pick([10, 45, 120]).map((seconds): Step => ({ k: 'expireToken', seconds }))),
  w(1, bool.map((failing): Step => ({ k: 'tokenServer', failing }))),
  w(1, pick(LOGIN_CODES).map((code): Step => ({ k: 'failNextLogin', code }))),
  w(1, pick(PUBLISH_CODES).map((code): Step => ({ k: 'failNextPublish', code }))),
  w(1, fc.tuple(idx(STREAMS.length), pick(PLAY_CODES))
    .map((t): Step => ({ k: 'failNextPlay', stream: t[0], code: t[1] }))),
  w(1, fc.tuple(bool, bool).map((t): Step => ({ k: 'permissions', camera: t[0], mic: t[1] }))),
  w(1, fc.tuple(idx(6), idx(6)).map((t): Step => ({ k: 'localNetwork', up: t[0], down: t[1] }))),
  w(1, pick([0, 35, 80]).map((level): Step => ({ k: 'localVoice', level }))),
  w(4, fc.nat(1000).map((p): Step => ({ k: 'duplicate', pick: p }))),
  w(3, fc.nat(1000).map((p): Step => ({ k: 'late', pick: p }))),
  w(2, fc.nat(1000).map((p): Step => ({ k: 'lateAny', pick: p }))),
  w(1, fc.nat(1000).map((p): Step => ({ k: 'foreignRoom', pick: p }))),
  w(1, fc.constant<Step>({ k: 'willExpireAgain' })),
  w(1, fc.constant<Step>({ k: 'reorder' })),
  w(2, fc.tuple(idx(STREAMS.length), idx(3), pick([0, 0, 1004002, 1004099]))
    .map((t): Step => ({ k: 'stalePlayer', stream: t[0], state: t[1], code: t[2] }))),
  w(1, fc.tuple(idx(3), pick([0, 1003023, 1003072])).map((t): Step => ({ k: 'stalePublisher', state: t[0], code: t[1] })))
);

const worldVariant: fc.Arbitrary<WorldVariant> = fc.record({
  tokenMode: fc.oneof({ arbitrary: fc.constant(false), weight: 2 }, { arbitrary: fc.constant(true), weight: 1 }),
  appOwnsEngine: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 }),
  latencyMs: pick([50, 50, 0]),
  tokenDelayMs: pick([0, 0, 120]),
  participantsInRoom: pick([0, 1, 1, 2, 2, 3, 4]),
  appListenerThrows: fc.oneof({ arbitrary: fc.constant(false), weight: 4 }, { arbitrary: fc.constant(true), weight: 1 })
});

/** A case: a world, a first join (so most sequences have a call), then up to `maxSteps` random steps. */
export function fuzzCase(maxSteps: number): fc.Arbitrary<FuzzCase> {
  return fc.tuple(worldVariant, joinStep, fc.array(anyStep, { maxLength: maxSteps, size: 'max' }))
    .map((t): FuzzCase => ({ world: t[0], steps: [t[1]].concat(t[2]) }));
}

/** One line per step, for failure reports and traces. */
export function describeStep(s: Step): string {
  switch (s.k) {
    case 'join': {
      const user = USERS[s.user];
      return `join(${JSON.stringify(ROOMS[s.room].length > 20 ? ROOMS[s.room].slice(0, 6) + '…(' +
        ROOMS[s.room].length + ')' : ROOMS[s.room])}, ${JSON.stringify(user[0].slice(0, 12))}/${JSON.stringify(user[1].slice(0, 12))}, ${JSON.stringify(s.opts)})`;
    }
    case 'mountStream':
    case 'unmountStream':
      return `${s.k}(${STREAMS[s.stream]}, view ${s.view})`;
    case 'participant':
      return `participant ${PARTICIPANTS[s.p]}.${s.op}()`;
    case 'failNextPlay':
      return `failNextPlay(${STREAMS[s.stream]}, ${s.code})`;
    case 'stalePlayer':
      return `stalePlayer(${STREAMS[s.stream]}, state ${s.state}, code ${s.code})`;
    default: {
      const rest = Object.assign({}, s) as { [key: string]: unknown };
      delete rest.k;
      const args = Object.keys(rest).length === 0 ? '' : JSON.stringify(rest);
      return `${s.k}${args === '' ? '()' : '(' + args + ')'}`;
    }
  }
}
