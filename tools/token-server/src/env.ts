// SPDX-License-Identifier: Apache-2.0
/*
 * Reads the token server's settings from the environment.
 *
 * Why this file exists: the AppID and the ServerSecret must come from the environment only (never from a
 * file in the repository, never from a command-line argument that shows up in `ps`), and a developer who
 * forgot one should get one clear message per problem instead of a stack trace. Messages name the
 * variable and the fix and never include the secret's value.
 */
import { SERVER_SECRET_LENGTH } from './token04';

const DEFAULT_PORT = 8787;
const DEFAULT_HOST = '127.0.0.1';

export interface TokenServerEnv {
  appId: number;
  secret: string;
  /** 0 picks a free port. */
  port: number;
  host: string;
}

/** Every problem found in the environment, one per line of `message` and one per entry of `problems`. */
export class EnvError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'EnvError';
    this.problems = problems;
  }
}

/**
 * Reads ZEGO_APP_ID, ZEGO_SERVER_SECRET (both required), TOKEN_SERVER_PORT (default 8787, 0 = any free
 * port) and TOKEN_SERVER_HOST (default 127.0.0.1). Surrounding whitespace is ignored. Throws EnvError
 * listing every problem.
 */
export function readTokenServerEnv(env: Record<string, string | undefined>): TokenServerEnv {
  const problems: string[] = [];

  const appIdText = (env['ZEGO_APP_ID'] ?? '').trim();
  let appId = 0;
  if (appIdText === '') {
    problems.push('ZEGO_APP_ID is not set: export the numeric AppID from the ZEGO console, e.g. ZEGO_APP_ID=1234567890');
  } else if (!/^[0-9]{1,10}$/.test(appIdText) || Number(appIdText) < 1 || Number(appIdText) > 4294967295) {
    problems.push('ZEGO_APP_ID must be a whole number from 1 to 4294967295: the AppID from the ZEGO console');
  } else {
    appId = Number(appIdText);
  }

  const secret = (env['ZEGO_SERVER_SECRET'] ?? '').trim();
  if (secret === '') {
    problems.push(`ZEGO_SERVER_SECRET is not set: export the ${SERVER_SECRET_LENGTH}-character ServerSecret from the ZEGO ` +
      'console (keep it out of the repository and out of the app)');
  } else if (secret.length !== SERVER_SECRET_LENGTH || !/^[\x21-\x7e]+$/.test(secret)) {
    problems.push(`ZEGO_SERVER_SECRET must be the ${SERVER_SECRET_LENGTH}-character ServerSecret from the ZEGO console ` +
      `(ASCII, no spaces); the value set has ${secret.length} characters`);
  }

  const portText = (env['TOKEN_SERVER_PORT'] ?? '').trim();
  let port = DEFAULT_PORT;
  if (portText !== '') {
    if (!/^[0-9]{1,5}$/.test(portText) || Number(portText) > 65535) {
      problems.push('TOKEN_SERVER_PORT must be a whole number from 0 to 65535 (0 picks a free port)');
    } else {
      port = Number(portText);
    }
  }

  const hostText = (env['TOKEN_SERVER_HOST'] ?? '').trim();
  const host = hostText === '' ? DEFAULT_HOST : hostText;

  if (problems.length > 0) {
    throw new EnvError(problems);
  }
  return { appId, secret, port, host };
}

/** True for addresses only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
