// SPDX-License-Identifier: Apache-2.0
// The @kit.NetworkKit fake stands in for the SDK in every host test of network code, so it is tested too:
// its enums must keep the SDK's values, and it must behave as the SDK documents (status codes are answers,
// not errors; failures carry 2300xxx codes; a destroyed HttpRequest is unusable), over real loopback sockets.
import { describe, it, expect } from '@ohos/hypium';
import * as fs from 'fs';
import * as path from 'path';
import { http, httpFakeStats, HostBusinessError } from '../sdk-fakes/@kit.NetworkKit';
import { closedLoopbackPort, startScriptedServer, ScriptedServer } from '../testing/LoopbackServers';

const SDK_HTTP = path.join(__dirname, '..', '..', '..', 'node_modules', '@arkts', 'declarations', 'dist', 'api',
  '@ohos.net.http.d.ts');

/** Member → value of `export enum <name>` in the SDK declaration (numbering implicit members like TS does). */
function sdkEnum(name: string): Record<string, string | number> {
  const text = fs.readFileSync(SDK_HTTP, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
  const body = new RegExp(`export enum ${name} \\{([^}]*)\\}`).exec(text);
  if (body === null) {
    throw new Error(`enum ${name} not found in ${SDK_HTTP}`);
  }
  const values: Record<string, string | number> = {};
  let next = 0;
  for (const raw of body[1].split(',').map((m) => m.trim()).filter((m) => m.length > 0)) {
    const [member, init] = raw.split('=').map((s) => s.trim());
    if (init === undefined) {
      values[member] = next++;
    } else if (/^["']/.test(init)) {
      values[member] = init.slice(1, -1);
    } else {
      values[member] = Number(init);
      next = Number(init) + 1;
    }
  }
  return values;
}

/** The fake's enum as member → value (dropping TypeScript's reverse number → name entries). */
function fakeEnum(e: object): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(e)) {
    if (!/^\d+$/.test(key)) {
      values[key] = value as string | number;
    }
  }
  return values;
}

async function withServer(status: number, body: string, run: (s: ScriptedServer) => Promise<void>): Promise<void> {
  const server = await startScriptedServer({ status, body });
  try {
    await run(server);
  } finally {
    await server.close();
  }
}

async function rejection(p: Promise<unknown>): Promise<HostBusinessError> {
  try {
    await p;
  } catch (e) {
    return e as HostBusinessError;
  }
  throw new Error('expected a rejection');
}

export default function networkKitFakeTest() {
  describe('NetworkKitFake', () => {
    it('keeps the SDK values of RequestMethod, ResponseCode, HttpProtocol and HttpDataType', 0, () => {
      expect(JSON.stringify(fakeEnum(http.RequestMethod))).assertEqual(JSON.stringify(sdkEnum('RequestMethod')));
      expect(JSON.stringify(fakeEnum(http.ResponseCode))).assertEqual(JSON.stringify(sdkEnum('ResponseCode')));
      expect(JSON.stringify(fakeEnum(http.HttpProtocol))).assertEqual(JSON.stringify(sdkEnum('HttpProtocol')));
      expect(JSON.stringify(fakeEnum(http.HttpDataType))).assertEqual(JSON.stringify(sdkEnum('HttpDataType')));
    });

    it('resolves an error status as a response with its code and body, as the SDK does', 0, async (done: Function) => {
      await withServer(404, '{"error":"nope"}', async (server) => {
        const request = http.createHttp();
        const response = await request.request(`http://127.0.0.1:${server.port}/x`,
          { expectDataType: http.HttpDataType.STRING }) as http.HttpResponse;
        request.destroy();
        expect(response.responseCode).assertEqual(404);
        expect(response.result).assertEqual('{"error":"nope"}');
        expect(response.resultType).assertEqual(http.HttpDataType.STRING);
        expect((response.header as Record<string, string>)['content-type']).assertContain('application/json');
      });
      done();
    });

    it('sends a GET object as the query and a POST object as a JSON body with the default content type', 0,
      async (done: Function) => {
        await withServer(200, 'ok', async (server) => {
          const request = http.createHttp();
          await request.request(`http://127.0.0.1:${server.port}/q`, { extraData: { a: 1, b: 'x y' } });
          await request.request(`http://127.0.0.1:${server.port}/p`,
            { method: http.RequestMethod.POST, extraData: { userID: 'alice' } });
          request.destroy();
          const seen = server.requests();
          expect(seen[0].method).assertEqual('GET');
          expect(seen[0].path).assertEqual('/q?a=1&b=x+y');
          expect(seen[1].method).assertEqual('POST');
          expect(seen[1].body).assertEqual('{"userID":"alice"}');
          expect(seen[1].headers['content-type']).assertEqual('application/json');
        });
        done();
      });

    it('returns an ArrayBuffer when asked for one and answers the AsyncCallback form too', 0, async (done: Function) => {
      await withServer(200, 'abc', async (server) => {
        const request = http.createHttp();
        const response = await request.request(`http://127.0.0.1:${server.port}/`,
          { expectDataType: http.HttpDataType.ARRAY_BUFFER }) as http.HttpResponse;
        expect(response.result instanceof ArrayBuffer).assertTrue();
        expect((response.result as ArrayBuffer).byteLength).assertEqual(3);
        const viaCallback = await new Promise<http.HttpResponse | undefined>((resolve) => {
          request.request(`http://127.0.0.1:${server.port}/`, (err, data) => resolve(err === undefined ? data : undefined));
        });
        request.destroy();
        expect(viaCallback !== undefined && viaCallback.responseCode === 200).assertTrue();
      });
      done();
    });

    it('rejects with 2300007 when the connection is refused and 2300003 for a malformed URL', 0, async (done: Function) => {
      const port = await closedLoopbackPort();
      const request = http.createHttp();
      const refused = await rejection(request.request(`http://127.0.0.1:${port}/`) as Promise<http.HttpResponse>);
      expect(refused.code).assertEqual(2300007);
      expect(refused.message).assertContain("Couldn't connect to server");
      const malformed = await rejection(request.request('not a url') as Promise<http.HttpResponse>);
      expect(malformed.code).assertEqual(2300003);
      request.destroy();
      done();
    });

    it('refuses requests on a destroyed HttpRequest and counts each destroy once', 0, async (done: Function) => {
      const created = httpFakeStats.created;
      const destroyed = httpFakeStats.destroyed;
      const request = http.createHttp();
      request.destroy();
      request.destroy();
      const error = await rejection(request.request('http://127.0.0.1:1/') as Promise<http.HttpResponse>);
      expect(error.code).assertEqual(2300999);
      expect(httpFakeStats.created - created).assertEqual(1);
      expect(httpFakeStats.destroyed - destroyed).assertEqual(1);
      expect(httpFakeStats.inFlight).assertEqual(0);
      done();
    });
  });
}
