// SPDX-License-Identifier: Apache-2.0
// Loopback endpoints for host tests of network code (the HttpTokenProvider through the @kit.NetworkKit
// fake): a server that gives one scripted answer and records what it was sent (headers, odd answers), a
// server that accepts connections and never answers (timeouts) and a port that nothing listens on (refused
// connections). They live here, in plain Node TypeScript, because the
// kit's host-only suites under components/ are type-checked without Node's typings; their exported types
// use no Node names.
import * as http from 'http';
import * as net from 'net';

/** One request as a ScriptedServer received it. */
export interface RecordedRequest {
  method: string;
  path: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  body: string;
}

/** What a ScriptedServer answers to every request. */
export interface ScriptedReply {
  status: number;
  body: string;
  contentType?: string;
}

/** An HTTP server on 127.0.0.1 that answers every request with one scripted reply and records it. */
export interface ScriptedServer {
  /** The port it listens on. */
  readonly port: number;
  /** Every request received so far, oldest first. */
  requests(): RecordedRequest[];
  /** Stops listening and drops open connections. */
  close(): Promise<void>;
}

/** Starts `server` listening on an ephemeral port of 127.0.0.1; resolves with the port. */
function listenOnLoopback(server: net.Server): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as net.AddressInfo).port));
  });
}

/** Starts a ScriptedServer on an ephemeral loopback port. */
export async function startScriptedServer(reply: ScriptedReply): Promise<ScriptedServer> {
  const received: RecordedRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        headers[name] = Array.isArray(value) ? value.join(', ') : String(value);
      }
      received.push({ method: req.method ?? '', path: req.url ?? '', headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(reply.status, { 'Content-Type': reply.contentType ?? 'application/json; charset=utf-8' });
      res.end(reply.body);
    });
  });
  const port = await listenOnLoopback(server);
  return {
    port,
    requests: () => received.slice(),
    close: () => new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

/** A TCP server on 127.0.0.1 that accepts connections, reads nothing back and never answers. */
export interface SilentServer {
  /** The port it listens on. */
  readonly port: number;
  /** Connections accepted so far. */
  connections(): number;
  /** Stops listening and drops every accepted connection. */
  close(): Promise<void>;
}

/** Starts a SilentServer on an ephemeral loopback port. */
export async function startSilentServer(): Promise<SilentServer> {
  const sockets = new Set<net.Socket>();
  let accepted = 0;
  const server = net.createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listenOnLoopback(server);
  return {
    port,
    connections: () => accepted,
    close: () => new Promise<void>((done) => {
      sockets.forEach((s) => s.destroy());
      server.close(() => done());
    }),
  };
}

/** A loopback port that was free a moment ago and has no listener: connecting to it is refused. */
export async function closedLoopbackPort(): Promise<number> {
  const server = net.createServer();
  const port = await listenOnLoopback(server);
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
