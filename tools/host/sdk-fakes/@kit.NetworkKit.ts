// SPDX-License-Identifier: Apache-2.0
// Host fake of `http` from '@kit.NetworkKit' (@ohos.net.http), used when kit code that talks HTTP (the
// HttpTokenProvider) runs under Node. It is not a recorder with canned answers: every request() opens a real
// connection with Node's http/https modules, so host tests exercise real servers over loopback, real refused
// connections and real timeouts. It follows the SDK's shapes and documented behaviour:
//   - createHttp() → HttpRequest with request(url, options?) → Promise<HttpResponse> (and the AsyncCallback
//     forms) and destroy();
//   - the enums RequestMethod, ResponseCode, HttpProtocol and HttpDataType with the SDK's values (API 13
//     declarations, @ohos.net.http.d.ts);
//   - header defaults to content-type application/json; extraData is the body (a string, an ArrayBuffer, or
//     an object sent as JSON), or the query of a GET;
//   - connectTimeout and readTimeout default to 60000 ms; readTimeout bounds the whole request, as curl's
//     CURLOPT_TIMEOUT does under the SDK;
//   - a non-2xx status is a resolved response, not an error; failures reject with a BusinessError-like
//     {code, message} using the SDK's 2300xxx codes (2300000 + the curl code): 2300007 "Couldn't connect to
//     server", 2300028 "Timeout was reached", 2300006 "Couldn't resolve host name", ...
// `httpFakeStats` counts created, destroyed and in-flight requests so a test can prove every HttpRequest
// was destroyed. A request on a destroyed HttpRequest is rejected (2300999), so a use-after-destroy fails a
// test; destroy() during a request aborts it and rejects it the same way (the SDK's exact behaviour there is
// undocumented). Tested by tools/host/test/NetworkKitFake.test.ts. Plain TypeScript for Node, never part of
// the HAR.
import * as nodeHttp from 'http';
import * as nodeHttps from 'https';

/** Counts of HttpRequest objects and requests, for assertions such as "every request was destroyed". */
export class HttpFakeStats {
  /** HttpRequest objects made by createHttp(). */
  created = 0;
  /** HttpRequest objects destroyed (each counted once). */
  destroyed = 0;
  /** request() calls. */
  requests = 0;
  /** Requests that have not yet resolved or rejected. */
  inFlight = 0;

  /** HttpRequest objects created and not yet destroyed. */
  get open(): number {
    return this.created - this.destroyed;
  }

  /** Sets every count back to 0. */
  reset(): void {
    this.created = 0;
    this.destroyed = 0;
    this.requests = 0;
    this.inFlight = 0;
  }
}

/** The one counter of this fake. */
export const httpFakeStats = new HttpFakeStats();

/** The error the SDK rejects with: an Error carrying the numeric `code`. */
export class HostBusinessError extends Error {
  readonly code: number;

  constructor(code: number, message: string) {
    super(message);
    this.name = 'BusinessError';
    this.code = code;
  }
}

/** The SDK's messages for the 2300xxx codes the fake produces (curl's texts, as the SDK documents them). */
const MESSAGES: Record<number, string> = {
  2300001: 'Unsupported protocol',
  2300003: 'URL using bad/illegal format or missing URL',
  2300006: "Couldn't resolve host name",
  2300007: "Couldn't connect to server",
  2300028: 'Timeout was reached',
  2300055: 'Failed sending data to the peer',
  2300056: 'Failure when receiving data from the peer',
  2300999: 'Unknown Other Error',
};

function failure(code: number, detail?: string): HostBusinessError {
  const text = MESSAGES[code] ?? MESSAGES[2300999];
  return new HostBusinessError(code, detail === undefined ? text : `${text} (${detail})`);
}

/** Maps a Node socket error to the SDK's code. */
function codeForNodeError(err: NodeJS.ErrnoException): number {
  switch (err.code) {
    case 'ECONNREFUSED':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'EADDRNOTAVAIL':
      return 2300007;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 2300006;
    case 'ETIMEDOUT':
      return 2300028;
    case 'EPIPE':
      return 2300055;
    case 'ECONNRESET':
      return 2300056;
    default:
      return 2300999;
  }
}

const DEFAULT_TIMEOUT_MS = 60000;
const TEXT_TYPES = /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded)|[^;]*\+(json|xml))/i;

export namespace http {
  /** Same values as the SDK. */
  export enum RequestMethod {
    OPTIONS = 'OPTIONS',
    GET = 'GET',
    HEAD = 'HEAD',
    POST = 'POST',
    PUT = 'PUT',
    DELETE = 'DELETE',
    TRACE = 'TRACE',
    CONNECT = 'CONNECT',
  }

  /** Same values as the SDK. */
  export enum ResponseCode {
    OK = 200, CREATED, ACCEPTED, NOT_AUTHORITATIVE, NO_CONTENT, RESET, PARTIAL,
    MULT_CHOICE = 300, MOVED_PERM, MOVED_TEMP, SEE_OTHER, NOT_MODIFIED, USE_PROXY,
    BAD_REQUEST = 400, UNAUTHORIZED, PAYMENT_REQUIRED, FORBIDDEN, NOT_FOUND, BAD_METHOD, NOT_ACCEPTABLE,
    PROXY_AUTH, CLIENT_TIMEOUT, CONFLICT, GONE, LENGTH_REQUIRED, PRECON_FAILED, ENTITY_TOO_LARGE, REQ_TOO_LONG,
    UNSUPPORTED_TYPE, RANGE_NOT_SATISFIABLE,
    INTERNAL_ERROR = 500, NOT_IMPLEMENTED, BAD_GATEWAY, UNAVAILABLE, GATEWAY_TIMEOUT, VERSION,
  }

  /** Same values as the SDK. */
  export enum HttpProtocol {
    HTTP1_1 = 0,
    HTTP2 = 1,
    HTTP3 = 2,
  }

  /** Same values as the SDK. */
  export enum HttpDataType {
    STRING = 0,
    OBJECT = 1,
    ARRAY_BUFFER = 2,
  }

  /** The options the fake honours; other SDK options are accepted and ignored. */
  export interface HttpRequestOptions {
    method?: RequestMethod;
    extraData?: string | object | ArrayBuffer;
    expectDataType?: HttpDataType;
    usingCache?: boolean;
    header?: object;
    readTimeout?: number;
    connectTimeout?: number;
    [other: string]: unknown;
  }

  /** Timing of one request; the fake measures only the total. */
  export interface PerformanceTiming {
    dnsTiming: number;
    tcpTiming: number;
    tlsTiming: number;
    firstSendTiming: number;
    firstReceiveTiming: number;
    totalFinishTiming: number;
    redirectTiming: number;
    responseHeaderTiming: number;
    responseBodyTiming: number;
    totalTiming: number;
  }

  /** What request() resolves with, for any status. */
  export interface HttpResponse {
    result: string | object | ArrayBuffer;
    resultType: HttpDataType;
    responseCode: ResponseCode | number;
    header: object;
    cookies: string;
    performanceTiming: PerformanceTiming;
  }

  /** The SDK's AsyncCallback. */
  export type AsyncCallback<T> = (err: HostBusinessError | undefined, data: T | undefined) => void;

  /** One HTTP client object; destroy() it after use. */
  export interface HttpRequest {
    request(url: string, options?: HttpRequestOptions | AsyncCallback<HttpResponse>,
      callback?: AsyncCallback<HttpResponse>): Promise<HttpResponse> | void;
    destroy(): void;
  }

  /** Creates an HttpRequest (counted in httpFakeStats). */
  export function createHttp(): HttpRequest {
    httpFakeStats.created++;
    return new HostHttpRequest();
  }
}

/** Builds the request's URL, headers and body from the SDK options. */
function prepare(target: URL, options: http.HttpRequestOptions): { headers: Record<string, string>; body?: Buffer } {
  const method = options.method ?? http.RequestMethod.GET;
  const headers: Record<string, string> = {};
  if (options.header !== undefined && options.header !== null) {
    for (const [name, value] of Object.entries(options.header)) {
      headers[name] = String(value);
    }
  }
  if (!Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = 'application/json';
  }
  const data = options.extraData;
  if (data === undefined || data === null) {
    return { headers };
  }
  if (method === http.RequestMethod.GET || method === http.RequestMethod.HEAD) {
    if (typeof data === 'string') {
      target.search = data;
    } else if (!(data instanceof ArrayBuffer)) {
      for (const [key, value] of Object.entries(data)) {
        target.searchParams.append(key, String(value));
      }
    }
    return { headers };
  }
  const body = typeof data === 'string' ? Buffer.from(data, 'utf8')
    : data instanceof ArrayBuffer ? Buffer.from(new Uint8Array(data))
      : Buffer.from(JSON.stringify(data), 'utf8');
  headers['content-length'] = String(body.length);
  return { headers, body };
}

/** Converts the body as the SDK does for `expectDataType` (or, without it, from the content type). */
function convert(body: Buffer, contentType: string, expected: http.HttpDataType | undefined):
  { result: string | object | ArrayBuffer; resultType: http.HttpDataType } {
  const asArrayBuffer = (): ArrayBuffer => body.buffer.slice(body.byteOffset, body.byteOffset + body.length) as ArrayBuffer;
  switch (expected) {
    case http.HttpDataType.STRING:
      return { result: body.toString('utf8'), resultType: http.HttpDataType.STRING };
    case http.HttpDataType.ARRAY_BUFFER:
      return { result: asArrayBuffer(), resultType: http.HttpDataType.ARRAY_BUFFER };
    case http.HttpDataType.OBJECT:
      try {
        return { result: JSON.parse(body.toString('utf8')) as object, resultType: http.HttpDataType.OBJECT };
      } catch {
        return { result: body.toString('utf8'), resultType: http.HttpDataType.STRING };
      }
    default:
      return contentType === '' || TEXT_TYPES.test(contentType)
        ? { result: body.toString('utf8'), resultType: http.HttpDataType.STRING }
        : { result: asArrayBuffer(), resultType: http.HttpDataType.ARRAY_BUFFER };
  }
}

function responseHeader(res: nodeHttp.IncomingMessage): Record<string, string> {
  const header: Record<string, string> = {};
  for (const [name, value] of Object.entries(res.headers)) {
    if (value !== undefined) {
      header[name] = Array.isArray(value) ? value.join(', ') : value;
    }
  }
  return header;
}

function timing(totalMs: number): http.PerformanceTiming {
  return {
    dnsTiming: 0, tcpTiming: 0, tlsTiming: 0, firstSendTiming: 0, firstReceiveTiming: 0, totalFinishTiming: totalMs,
    redirectTiming: 0, responseHeaderTiming: 0, responseBodyTiming: 0, totalTiming: totalMs,
  };
}

class HostHttpRequest implements http.HttpRequest {
  private destroyed = false;
  /** Aborts of the requests still running, called by destroy(). */
  private readonly aborts = new Set<() => void>();

  request(url: string, options?: http.HttpRequestOptions | http.AsyncCallback<http.HttpResponse>,
    callback?: http.AsyncCallback<http.HttpResponse>): Promise<http.HttpResponse> | void {
    const cb = typeof options === 'function' ? options : callback;
    const opts = typeof options === 'function' || options === undefined ? {} : options;
    const promise = this.send(url, opts);
    if (cb === undefined) {
      return promise;
    }
    promise.then((res) => cb(undefined, res), (err: HostBusinessError) => cb(err, undefined));
  }

  destroy(): void {
    if (this.destroyed) {
      return;
    }
    this.destroyed = true;
    httpFakeStats.destroyed++;
    for (const abort of Array.from(this.aborts)) {
      abort();
    }
  }

  private send(url: string, options: http.HttpRequestOptions): Promise<http.HttpResponse> {
    httpFakeStats.requests++;
    return new Promise<http.HttpResponse>((resolve, reject) => {
      if (this.destroyed) {
        reject(failure(2300999, 'request() on a destroyed HttpRequest; call http.createHttp() again'));
        return;
      }
      let target: URL;
      try {
        target = new URL(url);
      } catch {
        reject(failure(2300003));
        return;
      }
      if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        reject(failure(2300001));
        return;
      }
      const prepared = prepare(target, options);
      const started = Date.now();
      const lib = target.protocol === 'https:' ? nodeHttps : nodeHttp;
      const req = lib.request(target, {
        method: options.method ?? http.RequestMethod.GET,
        headers: prepared.headers,
        agent: false,
      });
      httpFakeStats.inFlight++;
      let settled = false;
      const timers: NodeJS.Timeout[] = [];
      const settle = (outcome: () => void): void => {
        if (settled) {
          return;
        }
        settled = true;
        httpFakeStats.inFlight--;
        timers.forEach((t) => clearTimeout(t));
        this.aborts.delete(abort);
        outcome();
      };
      const fail = (error: HostBusinessError): void => {
        settle(() => reject(error));
        req.destroy();
      };
      const abort = (): void => fail(failure(2300999, 'the HttpRequest was destroyed during the request'));
      this.aborts.add(abort);

      timers.push(setTimeout(() => fail(failure(2300028)), options.readTimeout ?? DEFAULT_TIMEOUT_MS));
      const connectTimer = setTimeout(() => fail(failure(2300028)), options.connectTimeout ?? DEFAULT_TIMEOUT_MS);
      timers.push(connectTimer);
      req.on('socket', (socket) => {
        socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', () => clearTimeout(connectTimer));
      });
      req.on('error', (err: NodeJS.ErrnoException) => fail(failure(codeForNodeError(err), err.code)));
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', () => fail(failure(2300056)));
        res.on('aborted', () => fail(failure(2300056)));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const converted = convert(body, String(res.headers['content-type'] ?? ''), options.expectDataType);
          const setCookie = res.headers['set-cookie'];
          settle(() => resolve({
            result: converted.result,
            resultType: converted.resultType,
            responseCode: res.statusCode ?? 0,
            header: responseHeader(res),
            cookies: Array.isArray(setCookie) ? setCookie.join('\r\n') : '',
            performanceTiming: timing(Date.now() - started),
          }));
        });
      });
      if (prepared.body !== undefined) {
        req.write(prepared.body);
      }
      req.end();
    });
  }
}
