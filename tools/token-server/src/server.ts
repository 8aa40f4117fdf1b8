// SPDX-License-Identifier: Apache-2.0
/*
 * The local token server: issues ZEGO token04s to the demo app so the ServerSecret never ships in an app.
 *
 * Why this file exists: the SDK logs in with a token derived from the AppID, the user ID and the
 * ServerSecret. A developer running the demo needs something that holds the secret and hands out tokens;
 * this is that something, small enough to audit. It binds to loopback by default, validates input with the
 * kit's own ID rules (so a user ID the SDK would reject never gets a token), rate-limits per client and
 * never logs or returns the secret, nor logs an issued token.
 *
 * API
 *   POST /token  {"userID": string, "roomID"?: string, "effectiveTimeInSeconds"?: integer 60..86400}
 *     200 {"token": "04...", "expiresAt": <Unix seconds>}
 *     Without roomID: a basic token (payload ''), valid for any room.
 *     With roomID: a privilege token for that room granting login and publish (stream IDs unchecked). ZEGO
 *     enforces privileges only where support has enabled privilege checking; elsewhere it acts like a basic
 *     token. So it works on both kinds of AppID, and on a checked AppID it limits the token to that room.
 *   GET /health  200 {"status": "ok"}
 *   Errors: {"error": {"code": "...", "zegoCode"?: n, "message": "..."}} with 400 (bad input), 404, 405,
 *     413 (body over 4 KB) and 429 (rate limit, with Retry-After in seconds). zegoCode is the SDK error the
 *     value would have caused (for example 1002007 for a user ID of 64 bytes or more).
 *
 * The rate limit is a token bucket per remote address (default 20 requests, refilled at 20 per minute)
 * and applies to every path except GET/HEAD /health.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { checkRoomID, checkUserID, IdCheck } from '../../../components/src/main/ets/session/IdRules';
import { buildPrivilegePayload, generateToken04, TokenError, validateAppId, validateSecret } from './token04';

/** Shortest token lifetime the server issues: the SDK warns 30 s before expiry, so less is not useful. */
const MIN_EFFECTIVE_TIME_SECONDS = 60;
/** Longest token lifetime the server issues (one day). */
const MAX_EFFECTIVE_TIME_SECONDS = 86400;
/** Lifetime used when the request does not name one. */
const DEFAULT_EFFECTIVE_TIME_SECONDS = 3600;
/** Largest accepted request body. */
const MAX_BODY_BYTES = 4096;
/**
 * Longest token the SDK accepts: the C header's MAX_TOKEN_LEN is 512 and, like its room ID constant
 * (128, with 1002013 firing at 128 bytes), evidently counts the terminating NUL.
 */
export const MAX_SDK_TOKEN_LENGTH = 511;
const DEFAULT_RATE_LIMIT_CAPACITY = 20;
const DEFAULT_RATE_LIMIT_REFILL_PER_MINUTE = 20;

export interface RateLimitConfig {
  /** Burst size: requests a client may make at once. */
  capacity?: number;
  /** Sustained rate: requests per minute added back to each client's bucket. */
  refillPerMinute?: number;
}

export interface TokenServerConfig {
  /** The AppID from the ZEGO console. */
  appId: number;
  /** The 32-character ServerSecret. Never logged, never returned. */
  secret: string;
  rateLimit?: RateLimitConfig;
  /** Wall clock in milliseconds since the epoch; inject a fake one in tests. Defaults to Date.now. */
  now?: () => number;
  /** Receives one line per request ("POST /token 200 3ms") and error summaries. Defaults to console.log. */
  logger?: (line: string) => void;
}

export interface ListeningAddress {
  port: number;
  host: string;
}

export interface TokenServer {
  /** Starts listening; port 0 picks a free port. Resolves with the bound address. */
  listen(port?: number, host?: string): Promise<ListeningAddress>;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** A 4xx/5xx answer: HTTP status plus the JSON error body. */
class HttpError {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly message: string,
    readonly zegoCode?: number,
    readonly headers: Record<string, string> = {},
  ) {}
}

interface Bucket {
  tokens: number;
  updatedMs: number;
}

/** Token-bucket rate limiter keyed by client address. */
class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(private readonly capacity: number, refillPerMinute: number, private readonly now: () => number) {
    this.perMs = refillPerMinute / 60000;
  }

  /** Takes one request from the client's bucket; returns 0 when allowed, else the seconds to wait. */
  take(key: string): number {
    const nowMs = this.now();
    this.prune(nowMs);
    const bucket = this.buckets.get(key) ?? { tokens: this.capacity, updatedMs: nowMs };
    const elapsed = Math.max(0, nowMs - bucket.updatedMs);
    bucket.tokens = Math.min(this.capacity, bucket.tokens + elapsed * this.perMs);
    bucket.updatedMs = nowMs;
    this.buckets.set(key, bucket);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 0;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  /** Forgets clients whose bucket has refilled, so the map cannot grow without bound. */
  private prune(nowMs: number): void {
    if (this.buckets.size < 10000) {
      return;
    }
    for (const [key, bucket] of this.buckets) {
      if (bucket.tokens + (nowMs - bucket.updatedMs) * this.perMs >= this.capacity) {
        this.buckets.delete(key);
      }
    }
  }
}

function positiveNumber(value: number | undefined, fallback: number, name: string): number {
  if (value === undefined) {
    return fallback;
  }
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(`${name} must be a positive number`);
  }
  return value;
}

function pathOf(url: string | undefined): string {
  const raw = url ?? '/';
  const end = raw.search(/[?#]/);
  const path = end >= 0 ? raw.slice(0, end) : raw;
  return path.length > 200 ? path.slice(0, 200) + '...' : path;
}

function sendJson(res: http.ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function sendError(res: http.ServerResponse, error: HttpError): void {
  const body = error.zegoCode === undefined
    ? { code: error.code, message: error.message }
    : { code: error.code, zegoCode: error.zegoCode, message: error.message };
  sendJson(res, error.status, { error: body }, error.headers);
}

/** Reads the body up to `limit` bytes; rejects with a 413 HttpError beyond it. */
function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    const tooLarge = new HttpError(413, 'BODY_TOO_LARGE',
      `request body must be at most ${limit} bytes of JSON such as {"userID":"alice"}`, undefined, { Connection: 'close' });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      reject(tooLarge);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) {
        return;
      }
      size += chunk.length;
      if (size > limit) {
        done = true;
        chunks.length = 0;
        reject(tooLarge);
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) {
        done = true;
        resolve(Buffer.concat(chunks));
      }
    });
    req.on('error', (err: Error) => {
      if (!done) {
        done = true;
        reject(err);
      }
    });
  });
}

class TokenRequest {
  constructor(readonly userID: string, readonly roomID: string | undefined, readonly effectiveTimeInSeconds: number) {}
}

function badRequest(code: string, message: string, zegoCode?: number): HttpError {
  return new HttpError(400, code, message, zegoCode);
}

function idError(code: string, check: IdCheck): HttpError {
  return badRequest(code, check.message, check.code);
}

/** Validates a parsed POST /token body with the kit's ID rules. */
function parseTokenRequest(body: Buffer): TokenRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('INVALID_JSON', 'request body must be JSON such as {"userID":"alice","roomID":"room1"}');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw badRequest('INVALID_JSON', 'request body must be a JSON object such as {"userID":"alice"}');
  }
  const fields = parsed as Record<string, unknown>;

  const userID = fields['userID'];
  if (userID !== undefined && userID !== null && typeof userID !== 'string') {
    throw badRequest('INVALID_USER_ID', 'userID must be a string');
  }
  const userCheck = checkUserID(userID === null ? undefined : userID);
  if (!userCheck.ok) {
    throw idError('INVALID_USER_ID', userCheck);
  }

  const roomID = fields['roomID'];
  if (roomID !== undefined && roomID !== null && typeof roomID !== 'string') {
    throw badRequest('INVALID_ROOM_ID', 'roomID must be a string, or omitted for a token valid in any room');
  }
  if (typeof roomID === 'string') {
    const roomCheck = checkRoomID(roomID);
    if (!roomCheck.ok) {
      throw idError('INVALID_ROOM_ID', roomCheck);
    }
  }

  const effective = fields['effectiveTimeInSeconds'];
  let effectiveTimeInSeconds = DEFAULT_EFFECTIVE_TIME_SECONDS;
  if (effective !== undefined && effective !== null) {
    if (typeof effective !== 'number' || !Number.isInteger(effective) ||
      effective < MIN_EFFECTIVE_TIME_SECONDS || effective > MAX_EFFECTIVE_TIME_SECONDS) {
      throw badRequest('INVALID_EFFECTIVE_TIME',
        `effectiveTimeInSeconds must be a whole number from ${MIN_EFFECTIVE_TIME_SECONDS} to ${MAX_EFFECTIVE_TIME_SECONDS}` +
        ` (default ${DEFAULT_EFFECTIVE_TIME_SECONDS})`);
    }
    effectiveTimeInSeconds = effective;
  }
  return new TokenRequest(userID as string, typeof roomID === 'string' ? roomID : undefined, effectiveTimeInSeconds);
}

/**
 * Creates a token server. Throws a TokenError (INVALID_APP_ID / INVALID_SECRET) when the credentials are
 * unusable, with a message that never contains the secret.
 */
export function createTokenServer(config: TokenServerConfig): TokenServer {
  const appId = validateAppId(config.appId);
  validateSecret(config.secret);
  const secret = config.secret;
  const now = config.now ?? Date.now;
  const log = config.logger ?? ((line: string): void => console.log(line));
  const limiter = new RateLimiter(
    positiveNumber(config.rateLimit?.capacity, DEFAULT_RATE_LIMIT_CAPACITY, 'rateLimit.capacity'),
    positiveNumber(config.rateLimit?.refillPerMinute, DEFAULT_RATE_LIMIT_REFILL_PER_MINUTE, 'rateLimit.refillPerMinute'),
    now);

  async function issueToken(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const request = parseTokenRequest(await readBody(req, MAX_BODY_BYTES));
    const ctime = Math.floor(now() / 1000);
    const payload = request.roomID === undefined ? '' : buildPrivilegePayload(request.roomID, true, true);
    const token = generateToken04(appId, request.userID, secret, request.effectiveTimeInSeconds, payload,
      { nowSeconds: ctime });
    if (token.length > MAX_SDK_TOKEN_LENGTH) {
      throw badRequest('TOKEN_TOO_LONG',
        `the token for this userID and roomID would be ${token.length} characters but the SDK accepts at most ` +
        `${MAX_SDK_TOKEN_LENGTH}; use a shorter roomID or userID, or omit roomID for a basic token`);
    }
    sendJson(res, 200, { token, expiresAt: ctime + request.effectiveTimeInSeconds });
  }

  async function route(req: http.IncomingMessage, res: http.ServerResponse, path: string): Promise<void> {
    const method = req.method ?? 'GET';
    if (path === '/health' && (method === 'GET' || method === 'HEAD')) {
      sendJson(res, 200, { status: 'ok' });
      return;
    }
    const wait = limiter.take(req.socket.remoteAddress ?? 'unknown');
    if (wait > 0) {
      throw new HttpError(429, 'RATE_LIMITED', `too many requests from this address; retry in ${wait} s`, undefined,
        { 'Retry-After': String(wait) });
    }
    if (path === '/health') {
      throw new HttpError(405, 'METHOD_NOT_ALLOWED', `use GET for ${path}`, undefined, { Allow: 'GET, HEAD' });
    }
    if (path === '/token') {
      if (method !== 'POST') {
        throw new HttpError(405, 'METHOD_NOT_ALLOWED', 'use POST for /token with a JSON body such as {"userID":"alice"}',
          undefined, { Allow: 'POST' });
      }
      await issueToken(req, res);
      return;
    }
    throw new HttpError(404, 'NOT_FOUND', 'unknown path; use POST /token or GET /health');
  }

  const server = http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = pathOf(req.url);
    res.on('finish', () => {
      const ms = Number((process.hrtime.bigint() - started) / BigInt(1000000));
      log(`${req.method ?? '?'} ${path} ${res.statusCode} ${ms}ms`);
    });
    route(req, res, path).catch((err: unknown) => {
      if (err instanceof HttpError) {
        if (!res.headersSent) {
          sendError(res, err);
        }
        return;
      }
      if (req.destroyed || res.headersSent) {
        return; // the client went away mid-request; nothing to answer
      }
      // Summarised by code or name only: no request data, no token, no secret in the log.
      const summary = err instanceof TokenError ? err.code : err instanceof Error ? err.name : 'unknown error';
      log(`error while handling ${req.method ?? '?'} ${path}: ${summary}`);
      sendError(res, new HttpError(500, 'INTERNAL_ERROR', 'the token server could not handle the request; see its log'));
    });
  });
  server.requestTimeout = 10000;
  server.headersTimeout = 10000;

  return {
    listen(port = 0, host = '127.0.0.1'): Promise<ListeningAddress> {
      return new Promise<ListeningAddress>((resolve, reject) => {
        const onError = (err: Error): void => reject(err);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          const address = server.address() as AddressInfo;
          resolve({ port: address.port, host: address.address });
        });
      });
    },
    close(): Promise<void> {
      return new Promise<void>((resolve, reject) => {
        if (!server.listening) {
          resolve();
          return;
        }
        server.close((err?: Error) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}
