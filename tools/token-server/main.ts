// SPDX-License-Identifier: Apache-2.0
/*
 * Entry point of the local token server: `npm run token-server`.
 *
 * Reads ZEGO_APP_ID and ZEGO_SERVER_SECRET (required), TOKEN_SERVER_PORT (default 8787) and
 * TOKEN_SERVER_HOST (default 127.0.0.1) from the environment, refuses to start with a clear message when
 * one is missing or invalid, and stops cleanly on SIGINT/SIGTERM. It prints the AppID, never the secret,
 * and logs one line per request without bodies or tokens.
 */
import { EnvError, isLoopbackHost, readTokenServerEnv, TokenServerEnv } from './src/env';
import { createTokenServer } from './src/server';

function fail(message: string): void {
  process.stderr.write(`token-server: ${message}\n`);
  process.exitCode = 1;
}

async function main(): Promise<void> {
  let env: TokenServerEnv;
  try {
    env = readTokenServerEnv(process.env);
  } catch (err) {
    if (err instanceof EnvError) {
      fail('cannot start:\n' + err.problems.map((p) => `  - ${p}`).join('\n'));
      return;
    }
    throw err;
  }

  const server = createTokenServer({
    appId: env.appId,
    secret: env.secret,
    logger: (line: string): void => console.log(`${new Date().toISOString()} ${line}`),
  });
  let address;
  try {
    address = await server.listen(env.port, env.host);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    fail(`cannot listen on ${env.host}:${env.port} (${code ?? (err as Error).message}); ` +
      'set TOKEN_SERVER_PORT to a free port or TOKEN_SERVER_HOST to a local address');
    return;
  }

  const shown = address.host.includes(':') ? `[${address.host}]` : address.host;
  console.log(`token-server: listening on http://${shown}:${address.port} for AppID ${env.appId}`);
  console.log('token-server: POST /token {"userID":"alice","roomID":"room1"} issues a token; GET /health checks it is up');
  if (!isLoopbackHost(env.host)) {
    console.warn(`token-server: warning: bound to ${env.host}, reachable from other machines; anyone who can reach ` +
      'it can obtain tokens for this AppID');
  }

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) {
      return;
    }
    stopping = true;
    console.log(`token-server: ${signal} received, stopping`);
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err: unknown) => {
  fail(`stopped by an unexpected error: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown'}`);
});
