// SPDX-License-Identifier: Apache-2.0
/*
 * Tests for the local token server over real HTTP on an ephemeral loopback port: the happy path (the token
 * decodes with the secret to what was asked for), every rejected input, rate limiting, and that neither
 * responses nor logs ever carry the secret or an issued token. The clock and the logger are injected.
 */
import { describe, it, expect } from '@ohos/hypium';
import * as http from 'http';
import { EnvError, readTokenServerEnv } from '../src/env';
import { createTokenServer, TokenServer, TokenServerConfig } from '../src/server';
import { decodeToken04, TokenError } from '../src/token04';

const APP_ID = 1234567;
const SECRET = 'fa94dd0f974cf2e293728a526b028271';
const START_MS = 1700000000000;

class Reply {
  constructor(readonly status: number, readonly headers: http.IncomingHttpHeaders, readonly text: string) {}

  json(): Record<string, Object> {
    return JSON.parse(this.text) as Record<string, Object>;
  }

  /** The `error` object of an error reply. */
  error(): Record<string, Object> {
    return this.json()['error'] as Record<string, Object>;
  }
}

/** A running server plus what the test controls and observes. */
class Harness {
  readonly logs: string[] = [];
  readonly replies: Reply[] = [];
  nowMs = START_MS;
  port = 0;
  server: TokenServer | undefined;

  async start(overrides: Partial<TokenServerConfig> = {}): Promise<Harness> {
    this.server = createTokenServer({
      appId: APP_ID,
      secret: SECRET,
      now: () => this.nowMs,
      logger: (line: string) => {
        this.logs.push(line);
      },
      ...overrides,
    });
    const address = await this.server.listen(0, '127.0.0.1');
    this.port = address.port;
    return this;
  }

  async stop(): Promise<void> {
    if (this.server !== undefined) {
      await this.server.close();
    }
  }

  /** Sends one request; `body` is sent as-is (a string) or as JSON. `chunks` sends the body in pieces without a length. */
  request(method: string, path: string, body?: string | object, chunks?: string[]): Promise<Reply> {
    return new Promise<Reply>((resolve, reject) => {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const headers: http.OutgoingHttpHeaders = { 'Content-Type': 'application/json' };
      if (text !== undefined) {
        headers['Content-Length'] = Buffer.byteLength(text);
      }
      const req = http.request({ host: '127.0.0.1', port: this.port, method, path, headers, agent: false }, (res) => {
        const parts: Buffer[] = [];
        res.on('data', (chunk: Buffer) => parts.push(chunk));
        res.on('end', () => {
          const reply = new Reply(res.statusCode ?? 0, res.headers, Buffer.concat(parts).toString('utf8'));
          this.replies.push(reply);
          resolve(reply);
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      if (chunks !== undefined) {
        for (const chunk of chunks) {
          req.write(chunk);
        }
      } else if (text !== undefined) {
        req.write(text);
      }
      req.end();
    });
  }

  postToken(body: string | object): Promise<Reply> {
    return this.request('POST', '/token', body);
  }
}

/** Starts a harness, runs `body`, and always closes the server. */
async function withServer(overrides: Partial<TokenServerConfig>, body: (h: Harness) => Promise<void>): Promise<void> {
  const harness = new Harness();
  await harness.start(overrides);
  try {
    await body(harness);
  } finally {
    await harness.stop();
  }
}

async function expectBadRequest(h: Harness, body: string | object, code: string, zegoCode?: number): Promise<Reply> {
  const reply = await h.postToken(body);
  expect(reply.status).assertEqual(400);
  expect(reply.error()['code']).assertEqual(code);
  expect(reply.error()['zegoCode']).assertEqual(zegoCode);
  expect(typeof reply.error()['message']).assertEqual('string');
  return reply;
}

function tokenErrorCode(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return err instanceof TokenError ? err.code : 'other error';
  }
  return 'no error';
}

export default function tokenServerTest() {
  describe('TokenServer', () => {
    it('listens on an ephemeral loopback port and answers GET /health with status ok', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        expect(h.port).assertLarger(0);
        const reply = await h.request('GET', '/health');
        expect(reply.status).assertEqual(200);
        expect(reply.text).assertEqual('{"status":"ok"}');
        expect(String(reply.headers['content-type'])).assertContain('application/json');
      });
      done();
    });

    it('issues a basic token that decodes with the secret to the requested userID and expiry', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        // given a clock at 1700000000 s, when alice asks for a token without a room
        const reply = await h.postToken({ userID: 'alice' });
        // then the token decodes to her user ID, the AppID and the default hour
        expect(reply.status).assertEqual(200);
        expect(reply.headers['cache-control']).assertEqual('no-store');
        const body = reply.json();
        expect(body['expiresAt']).assertEqual(1700003600);
        const decoded = decodeToken04(body['token'] as string, SECRET);
        expect(decoded.userId).assertEqual('alice');
        expect(decoded.appId).assertEqual(APP_ID);
        expect(decoded.ctime).assertEqual(1700000000);
        expect(decoded.expire).assertEqual(body['expiresAt']);
        expect(decoded.payload).assertEqual('');
        expect(decoded.mode).assertEqual('gcm');
      });
      done();
    });

    it('issues a privilege token for the requested room with login and publish allowed', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const reply = await h.postToken({ userID: 'bob', roomID: 'room-1', effectiveTimeInSeconds: 600 });
        expect(reply.status).assertEqual(200);
        expect(reply.json()['expiresAt']).assertEqual(1700000600);
        const decoded = decodeToken04(reply.json()['token'] as string, SECRET);
        expect(decoded.userId).assertEqual('bob');
        expect(decoded.expire).assertEqual(1700000600);
        expect(decoded.payload).assertEqual('{"room_id":"room-1","privilege":{"1":1,"2":1},"stream_id_list":null}');
      });
      done();
    });

    it('accepts the lifetime bounds 60 and 86400 seconds', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        expect((await h.postToken({ userID: 'alice', effectiveTimeInSeconds: 60 })).json()['expiresAt']).assertEqual(1700000060);
        expect((await h.postToken({ userID: 'alice', effectiveTimeInSeconds: 86400 })).json()['expiresAt'])
          .assertEqual(1700086400);
      });
      done();
    });

    it('rejects a body that is not a JSON object with 400 INVALID_JSON', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        await expectBadRequest(h, 'userID=alice', 'INVALID_JSON');
        await expectBadRequest(h, '', 'INVALID_JSON');
        await expectBadRequest(h, '["alice"]', 'INVALID_JSON');
        await expectBadRequest(h, 'null', 'INVALID_JSON');
      });
      done();
    });

    it('rejects a missing, empty or non-string userID with 400 INVALID_USER_ID', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const missing = await expectBadRequest(h, { roomID: 'room1' }, 'INVALID_USER_ID', 1002005);
        expect(missing.error()['message'] as string).assertContain('user ID is empty');
        await expectBadRequest(h, { userID: '' }, 'INVALID_USER_ID', 1002005);
        await expectBadRequest(h, { userID: 42 }, 'INVALID_USER_ID');
      });
      done();
    });

    it('rejects a userID the SDK would refuse, with its ZEGO code', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const tooLong = await expectBadRequest(h, { userID: 'u'.repeat(64) }, 'INVALID_USER_ID', 1002007);
        expect(tooLong.error()['message']).assertEqual('user ID is 64 bytes; use at most 63 bytes (UTF-8)');
        await expectBadRequest(h, { userID: '用户'.repeat(11) }, 'INVALID_USER_ID', 1002007);
        await expectBadRequest(h, { userID: 'alice smith' }, 'INVALID_USER_ID', 1002006);
        expect((await h.postToken({ userID: 'u'.repeat(63) })).status).assertEqual(200);
      });
      done();
    });

    it('rejects a bad roomID with 400 INVALID_ROOM_ID and its ZEGO code', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        await expectBadRequest(h, { userID: 'alice', roomID: '' }, 'INVALID_ROOM_ID', 1002011);
        await expectBadRequest(h, { userID: 'alice', roomID: 'room/1' }, 'INVALID_ROOM_ID', 1002012);
        const chinese = await expectBadRequest(h, { userID: 'alice', roomID: '房'.repeat(43) }, 'INVALID_ROOM_ID', 1002013);
        expect(chinese.error()['message'] as string).assertContain('129 bytes');
        await expectBadRequest(h, { userID: 'alice', roomID: 7 }, 'INVALID_ROOM_ID');
      });
      done();
    });

    it('rejects an effectiveTimeInSeconds outside whole seconds 60..86400 with INVALID_EFFECTIVE_TIME', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const values: Object[] = [59, 86401, 3600.5, '3600', -1, 0];
        for (const value of values) {
          await expectBadRequest(h, { userID: 'alice', effectiveTimeInSeconds: value }, 'INVALID_EFFECTIVE_TIME');
        }
      });
      done();
    });

    it('refuses a token longer than the SDK accepts and says how to shorten it', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const reply = await expectBadRequest(h, { userID: 'u'.repeat(63), roomID: 'r'.repeat(127) }, 'TOKEN_TOO_LONG');
        expect(reply.error()['message'] as string).assertContain('omit roomID');
        expect((await h.postToken({ userID: 'u'.repeat(63), roomID: 'r'.repeat(64) })).status).assertEqual(200);
      });
      done();
    });

    it('answers 413 for a body over 4 KB, declared or streamed', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const big = JSON.stringify({ userID: 'alice', padding: 'x'.repeat(5000) });
        const declared = await h.postToken(big);
        expect(declared.status).assertEqual(413);
        expect(declared.error()['code']).assertEqual('BODY_TOO_LARGE');
        const streamed = await h.request('POST', '/token', undefined, ['{"userID":"alice","padding":"', 'x'.repeat(3000), 'x'.repeat(3000), '"}']);
        expect(streamed.status).assertEqual(413);
      });
      done();
    });

    it('answers 404 for an unknown path and 405 with Allow for a wrong method', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const unknown = await h.request('GET', '/tokens');
        expect(unknown.status).assertEqual(404);
        expect(unknown.error()['code']).assertEqual('NOT_FOUND');
        const getToken = await h.request('GET', '/token?userID=alice');
        expect(getToken.status).assertEqual(405);
        expect(getToken.headers['allow']).assertEqual('POST');
        const postHealth = await h.request('POST', '/health', {});
        expect(postHealth.status).assertEqual(405);
        expect(postHealth.headers['allow']).assertEqual('GET, HEAD');
      });
      done();
    });

    it('rate-limits each client with 429 and Retry-After, then lets it through after the refill', 0, async (done: Function) => {
      await withServer({ rateLimit: { capacity: 3, refillPerMinute: 3 } }, async (h) => {
        for (let i = 0; i < 3; i++) {
          expect((await h.postToken({ userID: 'alice' })).status).assertEqual(200);
        }
        const limited = await h.postToken({ userID: 'alice' });
        expect(limited.status).assertEqual(429);
        expect(limited.error()['code']).assertEqual('RATE_LIMITED');
        // one request comes back every 20 s at 3 per minute
        expect(limited.headers['retry-after']).assertEqual('20');
        // health checks are not limited
        expect((await h.request('GET', '/health')).status).assertEqual(200);
        h.nowMs += 10000;
        expect((await h.postToken({ userID: 'alice' })).headers['retry-after']).assertEqual('10');
        h.nowMs += 10000;
        expect((await h.postToken({ userID: 'alice' })).status).assertEqual(200);
      });
      done();
    });

    it('uses 20 requests per minute by default', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        for (let i = 0; i < 20; i++) {
          expect((await h.request('GET', '/nowhere')).status).assertEqual(404);
        }
        expect((await h.request('GET', '/nowhere')).status).assertEqual(429);
      });
      done();
    });

    it('logs method, path, status and duration only, and never the secret or a token', 0, async (done: Function) => {
      await withServer({}, async (h) => {
        const issued = (await h.postToken({ userID: 'alice', roomID: 'room1' })).json()['token'] as string;
        await h.postToken({ userID: 'bad user' });
        await h.postToken('{');
        await h.request('GET', '/token?secret=' + SECRET);
        await h.request('GET', '/health');
        expect(h.logs.length).assertEqual(5);
        expect(/^POST \/token 200 \d+ms$/.test(h.logs[0])).assertTrue();
        expect(/^GET \/token 405 \d+ms$/.test(h.logs[3])).assertTrue();
        const everything = h.logs.join('\n') + '\n' + h.replies.map((r) => r.text).join('\n');
        expect(everything.includes(SECRET)).assertFalse();
        expect(h.logs.join('\n').includes(issued)).assertFalse();
        expect(h.logs.join('\n').includes('alice')).assertFalse();
      });
      done();
    });

    it('refuses to start with an invalid AppID or secret, without echoing the secret', 0, async (done: Function) => {
      const wrongSecret = 'x'.repeat(31);
      expect(tokenErrorCode(() => createTokenServer({ appId: APP_ID, secret: wrongSecret }))).assertEqual('INVALID_SECRET');
      expect(tokenErrorCode(() => createTokenServer({ appId: 0, secret: SECRET }))).assertEqual('INVALID_APP_ID');
      try {
        createTokenServer({ appId: APP_ID, secret: wrongSecret });
      } catch (err) {
        expect((err as Error).message.includes(wrongSecret)).assertFalse();
      }
      done();
    });

    it('reads its settings from the environment with loopback port 8787 as the default', 0, async (done: Function) => {
      const env = readTokenServerEnv({ ZEGO_APP_ID: '1234567', ZEGO_SERVER_SECRET: SECRET });
      expect(env.appId).assertEqual(1234567);
      expect(env.secret).assertEqual(SECRET);
      expect(env.port).assertEqual(8787);
      expect(env.host).assertEqual('127.0.0.1');
      const custom = readTokenServerEnv({
        ZEGO_APP_ID: '1', ZEGO_SERVER_SECRET: SECRET, TOKEN_SERVER_PORT: '0', TOKEN_SERVER_HOST: '0.0.0.0',
      });
      expect(custom.port).assertEqual(0);
      expect(custom.host).assertEqual('0.0.0.0');
      done();
    });

    it('lists every missing or invalid environment variable without echoing the secret', 0, async (done: Function) => {
      const problemsOf = (env: Record<string, string>): string[] => {
        try {
          readTokenServerEnv(env);
        } catch (err) {
          if (err instanceof EnvError) {
            return err.problems;
          }
          throw err;
        }
        return [];
      };
      const missing = problemsOf({});
      expect(missing.length).assertEqual(2);
      expect(missing[0]).assertContain('ZEGO_APP_ID is not set');
      expect(missing[1]).assertContain('ZEGO_SERVER_SECRET is not set');
      const badSecret = SECRET + 'extra';
      const invalid = problemsOf({ ZEGO_APP_ID: '12ab', ZEGO_SERVER_SECRET: badSecret, TOKEN_SERVER_PORT: '70000' });
      expect(invalid.length).assertEqual(3);
      expect(invalid.join('\n').includes(badSecret)).assertFalse();
      expect(invalid.join('\n').includes(SECRET)).assertFalse();
      expect(invalid[1]).assertContain('37 characters');
      expect(problemsOf({ ZEGO_APP_ID: '4294967296', ZEGO_SERVER_SECRET: SECRET }).length).assertEqual(1);
      done();
    });
  });
}
