// SPDX-License-Identifier: Apache-2.0
/*
 * End-to-end host tests of HttpTokenProvider: the kit's provider, running on the @kit.NetworkKit host fake
 * (real sockets), talks over loopback to the real token server of tools/token-server (started here on an
 * ephemeral port with a test AppID and secret), to a scripted server for answers the token server never
 * gives, to a silent server (timeouts) and to a closed port (refused connections). Tokens are checked by
 * decoding them with the secret. Host-only (.ts): it starts servers, which a device test cannot; it imports
 * the .ets code directly, which the checker allows only for host-only suites in tools/kit-tests/.
 */
import { describe, expect, it } from '@ohos/hypium';
import { CallErrorKind, CallKitError, CallKitErrorCode } from '../../components/src/main/ets/session/CallKitError';
import {
  DEFAULT_TOKEN_EFFECTIVE_TIME_SECONDS,
  DEFAULT_TOKEN_TIMEOUT_MS,
  HttpTokenProvider,
  HttpTokenProviderOptions,
  MAX_SDK_TOKEN_LENGTH
} from '../../components/src/main/ets/session/HttpTokenProvider';
import { checkUserID } from '../../components/src/main/ets/session/IdRules';
import { createTokenServer, TokenServer } from '../token-server/src/server';
import { decodeToken04 } from '../token-server/src/token04';
import { httpFakeStats } from '../host/sdk-fakes/@kit.NetworkKit';
import {
  closedLoopbackPort,
  ScriptedReply,
  ScriptedServer,
  SilentServer,
  startScriptedServer,
  startSilentServer
} from '../host/testing/LoopbackServers';

const APP_ID = 987654321;
const SECRET = '0123456789abcdef0123456789abcdef';
const AUTH_HEADER_VALUE = 'Bearer app-session-5f2c9e';
/** A token04-shaped string a misbehaving server might echo. */
const ECHOED_TOKEN = '04' + 'AAAAAGVT/xAADAcHBwcHBwcHBwcH'.repeat(4);

/** The token server of tools/token-server on an ephemeral loopback port. */
class RunningTokenServer {
  readonly server: TokenServer;
  baseUrl = '';

  constructor() {
    this.server = createTokenServer({ appId: APP_ID, secret: SECRET, logger: (): void => undefined });
  }

  async start(): Promise<RunningTokenServer> {
    const address = await this.server.listen(0, '127.0.0.1');
    this.baseUrl = `http://127.0.0.1:${address.port}`;
    return this;
  }
}

async function withTokenServer(body: (baseUrl: string) => Promise<void>): Promise<void> {
  const running = await new RunningTokenServer().start();
  try {
    await body(running.baseUrl);
  } finally {
    await running.server.close();
  }
}

async function withScriptedServer(reply: ScriptedReply, body: (server: ScriptedServer) => Promise<void>): Promise<void> {
  const server = await startScriptedServer(reply);
  try {
    await body(server);
  } finally {
    await server.close();
  }
}

function provider(serverUrl: string, more?: (options: HttpTokenProviderOptions) => void): HttpTokenProvider {
  const options = new HttpTokenProviderOptions();
  options.serverUrl = serverUrl;
  if (more !== undefined) {
    more(options);
  }
  return new HttpTokenProvider(options);
}

/** The CallKitError `fetch` rejects with; fails the test when it resolves or rejects with something else. */
async function rejectionOf(fetch: Promise<string>): Promise<CallKitError> {
  let outcome: Object | undefined = undefined;
  try {
    await fetch;
    outcome = 'resolved';
  } catch (e) {
    outcome = e as Object;
  }
  expect(outcome instanceof CallKitError).assertTrue();
  return outcome as CallKitError;
}

/** The error thrown by `make`, or undefined when it does not throw. */
function constructionError(make: () => HttpTokenProvider): CallKitError | undefined {
  try {
    make();
  } catch (e) {
    return e as CallKitError;
  }
  return undefined;
}

function expectTokenFetchFailed(error: CallKitError): void {
  expect(error.code).assertEqual(CallKitErrorCode.TokenFetchFailed);
  expect(error.kind).assertEqual(CallErrorKind.Token);
  expect(error.message).not().assertContain(SECRET);
}

function expectEveryRequestDestroyed(): void {
  expect(httpFakeStats.open).assertEqual(0);
  expect(httpFakeStats.inFlight).assertEqual(0);
}

export default function httpTokenProviderHostTest() {
  describe('HttpTokenProviderHostOverLoopback', () => {
    it('fetches a token that decodes to the requested user and room with the server secret', 0, async (done: Function) => {
      await withTokenServer(async (baseUrl) => {
        // given a provider asking for 10-minute tokens
        const tokens = provider(baseUrl, (o) => {
          o.effectiveTimeInSeconds = 600;
        });
        // when alice needs a token for room-7
        const token = await tokens.fetchToken('room-7', 'alice');
        // then the server's token carries her user ID, the AppID and a privilege payload for that room
        const decoded = decodeToken04(token, SECRET);
        expect(decoded.userId).assertEqual('alice');
        expect(decoded.appId).assertEqual(APP_ID);
        expect(decoded.expire - decoded.ctime).assertEqual(600);
        expect(JSON.parse(decoded.payload)['room_id']).assertEqual('room-7');
        expect(tokens.lastExpiresAt).assertEqual(decoded.expire);
      });
      expectEveryRequestDestroyed();
      done();
    });

    it('asks for a basic token valid in any room when includeRoomID is false', 0, async (done: Function) => {
      await withTokenServer(async (baseUrl) => {
        const token = await provider(baseUrl + '/', (o) => {
          o.includeRoomID = false;
        }).fetchToken('room-7', 'bob');
        const decoded = decodeToken04(token, SECRET);
        expect(decoded.userId).assertEqual('bob');
        expect(decoded.payload).assertEqual('');
        expect(decoded.expire - decoded.ctime).assertEqual(3600);
      });
      done();
    });

    it('posts JSON with the app\'s authentication headers to serverUrl/token', 0, async (done: Function) => {
      await withScriptedServer({ status: 200, body: '{"token":"04abc","expiresAt":1700003600}' }, async (server) => {
        const headers = new Map<string, string>();
        headers.set('Authorization', AUTH_HEADER_VALUE);
        const token = await provider(`http://127.0.0.1:${server.port}/base/`, (o) => {
          o.headers = headers;
          o.effectiveTimeInSeconds = 900;
        }).fetchToken('room-1', 'carol');
        expect(token).assertEqual('04abc');
        const seen = server.requests();
        expect(seen.length).assertEqual(1);
        expect(seen[0].method).assertEqual('POST');
        expect(seen[0].path).assertEqual('/base/token');
        expect(seen[0].headers['content-type']).assertEqual('application/json');
        expect(seen[0].headers['authorization']).assertEqual(AUTH_HEADER_VALUE);
        expect(seen[0].body).assertEqual('{"userID":"carol","roomID":"room-1","effectiveTimeInSeconds":900}');
      });
      done();
    });

    it('refuses a bad user ID with ZEGO\'s code before sending anything', 0, async (done: Function) => {
      await withTokenServer(async (baseUrl) => {
        const before = httpFakeStats.requests;
        // when the user ID has a space, which the SDK (and so the server) refuses
        const error = await rejectionOf(provider(baseUrl).fetchToken('room-1', 'bad user'));
        // then the app sees the same error join() would give, and no request went out
        expect(error.kind).assertEqual(CallErrorKind.InvalidInput);
        expect(error.code).assertEqual(1002006);
        expect(error.message).assertContain(checkUserID('bad user').message);
        expect(httpFakeStats.requests).assertEqual(before);
      });
      done();
    });

    it('reports the server\'s rejection with the HTTP status, its code and its message', 0, async (done: Function) => {
      const body = JSON.stringify({ error: { code: 'INVALID_USER_ID', zegoCode: 1002006, message: 'user ID is not allowed' } });
      await withScriptedServer({ status: 400, body }, async (server) => {
        const error = await rejectionOf(provider(`http://127.0.0.1:${server.port}`).fetchToken('room-1', 'alice'));
        expectTokenFetchFailed(error);
        expect(error.message).assertContain('HTTP 400');
        expect(error.message).assertContain('INVALID_USER_ID');
        expect(error.message).assertContain('ZEGO 1002006');
        expect(error.message).assertContain('user ID is not allowed');
      });
      expectEveryRequestDestroyed();
      done();
    });

    it('fails with TokenFetchFailed when nothing listens on the server port', 0, async (done: Function) => {
      const port = await closedLoopbackPort();
      const error = await rejectionOf(provider(`http://127.0.0.1:${port}`).fetchToken('room-1', 'alice'));
      expectTokenFetchFailed(error);
      expect(error.message).assertContain('2300007');
      expect(error.message).assertContain('start the token server');
      expectEveryRequestDestroyed();
      done();
    });

    it('gives up after timeoutMs when the server never answers', 0, async (done: Function) => {
      const silent: SilentServer = await startSilentServer();
      const started = Date.now();
      let error: CallKitError | undefined = undefined;
      try {
        error = await rejectionOf(provider(`http://127.0.0.1:${silent.port}`, (o) => {
          o.timeoutMs = 200;
        }).fetchToken('room-1', 'alice'));
      } finally {
        await silent.close();
      }
      const elapsed = Date.now() - started;
      expect(silent.connections()).assertEqual(1);
      expectTokenFetchFailed(error as CallKitError);
      expect((error as CallKitError).message).assertContain('2300028');
      expect((error as CallKitError).message).assertContain('200 ms');
      expect(elapsed).assertLarger(150);
      expect(elapsed).assertLess(3000);
      expectEveryRequestDestroyed();
      done();
    });

    it('treats a 200 answer without a token, or with an empty one, as a failed fetch', 0, async (done: Function) => {
      for (const body of ['{"expiresAt":1700003600}', '{"token":"","expiresAt":1700003600}', '{"token":42}', 'null',
        'not json']) {
        await withScriptedServer({ status: 200, body }, async (server) => {
          const error = await rejectionOf(provider(`http://127.0.0.1:${server.port}`).fetchToken('room-1', 'alice'));
          expectTokenFetchFailed(error);
          expect(error.message).assertContain('HTTP 200');
        });
      }
      expectEveryRequestDestroyed();
      done();
    });

    it('never puts a token, a header value or the secret in an error message', 0, async (done: Function) => {
      const headers = new Map<string, string>();
      headers.set('Authorization', AUTH_HEADER_VALUE);
      // a token too long for the SDK, answered with 200
      const longToken = ECHOED_TOKEN.repeat(5);
      await withScriptedServer({ status: 200, body: JSON.stringify({ token: longToken, expiresAt: 1 }) }, async (server) => {
        const error = await rejectionOf(provider(`http://127.0.0.1:${server.port}`, (o) => {
          o.headers = headers;
        }).fetchToken('room-1', 'alice'));
        expectTokenFetchFailed(error);
        expect(error.message).assertContain(`at most ${MAX_SDK_TOKEN_LENGTH}`);
        expect(error.message).not().assertContain(longToken.substring(0, 40));
        expect(error.message).not().assertContain(AUTH_HEADER_VALUE);
      });
      // a server whose error message echoes a token
      const echo = JSON.stringify({ error: { code: 'UNAUTHORIZED', message: `session expired for ${ECHOED_TOKEN}` } });
      await withScriptedServer({ status: 401, body: echo }, async (server) => {
        const error = await rejectionOf(provider(`http://127.0.0.1:${server.port}`, (o) => {
          o.headers = headers;
        }).fetchToken('room-1', 'alice'));
        expectTokenFetchFailed(error);
        expect(error.message).assertContain('HTTP 401');
        expect(error.message).assertContain('UNAUTHORIZED');
        expect(error.message).not().assertContain(ECHOED_TOKEN.substring(0, 40));
        expect(error.message).not().assertContain(AUTH_HEADER_VALUE);
      });
      done();
    });

    it('reports an error status without the documented JSON by its HTTP status alone', 0, async (done: Function) => {
      await withScriptedServer({ status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' }, async (server) => {
        const error = await rejectionOf(provider(`http://127.0.0.1:${server.port}`).fetchToken('room-1', 'alice'));
        expectTokenFetchFailed(error);
        expect(error.message).assertContain('HTTP 502');
        expect(error.message).not().assertContain('<html>');
      });
      done();
    });

    it('destroys every HttpRequest it creates, after successes and failures alike', 0, async (done: Function) => {
      const createdBefore = httpFakeStats.created;
      const destroyedBefore = httpFakeStats.destroyed;
      const port = await closedLoopbackPort();
      await withTokenServer(async (baseUrl) => {
        await provider(baseUrl).fetchToken('room-1', 'alice');
        await rejectionOf(provider(baseUrl).fetchToken('room-1', 'bad user')); // refused before any request
      });
      await rejectionOf(provider(`http://127.0.0.1:${port}`).fetchToken('room-1', 'alice'));
      expect(httpFakeStats.created - createdBefore).assertEqual(2);
      expect(httpFakeStats.destroyed - destroyedBefore).assertEqual(2);
      expectEveryRequestDestroyed();
      done();
    });

    it('refuses a serverUrl that is not http or https, naming the fix', 0, () => {
      const error = constructionError(() => provider('ftp://tokens.example.com'));
      expect(error instanceof CallKitError).assertTrue();
      expect((error as CallKitError).code).assertEqual(CallKitErrorCode.IllegalParameter);
      expect((error as CallKitError).kind).assertEqual(CallErrorKind.InvalidInput);
      expect((error as CallKitError).message).assertContain('http:// or https://');
      expect((constructionError(() => provider('')) as CallKitError).message).assertContain('serverUrl is empty');
      expect((constructionError(() => provider('tokens.example.com')) as CallKitError).message)
        .assertContain('http:// or https://');
      expect((constructionError(() => provider('https://tokens.example.com/?app=1')) as CallKitError).message)
        .assertContain('query');
      expect((constructionError(() => provider('https://user:pw@tokens.example.com')) as CallKitError).message)
        .assertContain('credentials');
      expect(constructionError(() => provider('HTTPS://tokens.example.com/api/'))).assertUndefined();
      expect(provider('https://tokens.example.com/api//').tokenUrl).assertEqual('https://tokens.example.com/api/token');
    });

    it('refuses out-of-range lifetimes and timeouts and unsafe headers without echoing header values', 0, () => {
      const lifetime = constructionError(() => provider('http://127.0.0.1:8787', (o) => {
        o.effectiveTimeInSeconds = 30;
      }));
      expect((lifetime as CallKitError).message).assertContain('effectiveTimeInSeconds must be a whole number from 60');
      const timeout = constructionError(() => provider('http://127.0.0.1:8787', (o) => {
        o.timeoutMs = 0;
      }));
      expect((timeout as CallKitError).message).assertContain('timeoutMs');
      const headers = new Map<string, string>();
      headers.set('Authorization', 'Bearer secret-value\r\nX-Injected: 1');
      const header = constructionError(() => provider('http://127.0.0.1:8787', (o) => {
        o.headers = headers;
      }));
      expect((header as CallKitError).code).assertEqual(CallKitErrorCode.IllegalParameter);
      expect((header as CallKitError).message).assertContain('Authorization');
      expect((header as CallKitError).message).not().assertContain('secret-value');
      const defaults = provider('http://127.0.0.1:8787');
      expect(defaults.effectiveTimeInSeconds).assertEqual(DEFAULT_TOKEN_EFFECTIVE_TIME_SECONDS);
      expect(defaults.timeoutMs).assertEqual(DEFAULT_TOKEN_TIMEOUT_MS);
      expect(defaults.includeRoomID).assertTrue();
    });
  });
}
