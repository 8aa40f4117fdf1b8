// SPDX-License-Identifier: Apache-2.0
/*
 * token04: ZEGO's "04" login token, generated and decoded on the developer's machine.
 *
 * Why this file exists: the ZEGO Express SDK logs in with a token that a server derives from the AppID, the
 * user ID and the 32-character ServerSecret. The secret must never ship inside the app, so the kit's demo
 * fetches tokens from the local token server (../main.ts), which uses this module. Decoding is the inverse
 * and is what the tests (and anyone debugging a 1002033/1002077/1002078 login failure) use to look inside
 * a token.
 *
 * Format (project reference "ZEGO Express SDK for HarmonyOS" section 11, taken from ZEGO's public
 * zego_server_assistant Node/Go/Java code; ZEGO publishes no test vectors):
 *   plaintext = JSON.stringify({ app_id, user_id, nonce, ctime, expire, payload })   (Node key order)
 *   GCM (current, mode byte 1):
 *     int64_BE(expire) | uint16_BE(12) | iv (12 bytes) | uint16_BE(n) | AES-256-GCM ciphertext + 16-byte tag (n bytes) | uint8(1)
 *   CBC (legacy, no mode byte):
 *     int64_BE(expire) | uint16_BE(16) | iv (16 ASCII chars [0-9a-z]) | uint16_BE(n) | AES-256-CBC/PKCS7 ciphertext (n bytes)
 *   token = "04" + standard base64(binary)
 * The key is the secret's 32 ASCII bytes. The clear-text expire in front is not authenticated by GCM, so the
 * decoder compares it with the encrypted one.
 *
 * Errors are TokenError with a stable `code`; no message ever contains the secret.
 */
import { createCipheriv, createDecipheriv, randomBytes, randomInt } from 'crypto';

/** The version prefix of every token04. */
const TOKEN04_VERSION = '04';
/** Length in bytes of the AES-GCM IV (the "nonce" field of the binary layout). */
const GCM_IV_BYTES = 12;
/** Length in bytes of the AES-GCM authentication tag appended to the ciphertext. */
const GCM_TAG_BYTES = 16;
/** Length in characters of the legacy AES-CBC IV. */
const CBC_IV_CHARS = 16;
/** Length of a ZEGO ServerSecret in characters (and bytes: it is ASCII). */
export const SERVER_SECRET_LENGTH = 32;
/** The generator's user ID limit, in characters (the SDK itself allows at most 63 UTF-8 bytes). */
const MAX_TOKEN_USER_ID_CHARS = 64;

/** Mode byte at the end of the binary layout. The legacy CBC layout has no mode byte (equivalent to 0). */
enum AesMode {
  CBC = 0,
  GCM = 1,
}

export type TokenErrorCode =
  | 'INVALID_APP_ID'
  | 'INVALID_USER_ID'
  | 'INVALID_SECRET'
  | 'INVALID_EFFECTIVE_TIME'
  | 'INVALID_PAYLOAD'
  | 'INVALID_OPTION'
  | 'INVALID_ROOM_ID'
  | 'INVALID_STREAM_ID_LIST'
  | 'INVALID_TOKEN_VERSION'
  | 'MALFORMED_TOKEN'
  | 'UNSUPPORTED_MODE'
  | 'TOKEN_AUTH_FAILED'
  | 'TOKEN_DECRYPT_FAILED';

/** A token04 failure: `code` is stable for programs, `message` says what to fix. Never contains the secret. */
export class TokenError extends Error {
  readonly code: TokenErrorCode;

  constructor(code: TokenErrorCode, message: string) {
    super(message);
    this.name = 'TokenError';
    this.code = code;
  }
}

/** Test hooks for the GCM generator; production callers pass none and get fresh random values. */
export interface Token04Options {
  /** Creation time (ctime) in Unix seconds; defaults to the current time. */
  nowSeconds?: number;
  /** The plaintext nonce, an int32; defaults to a random int32. */
  nonce?: number;
  /** The 12-byte AES-GCM IV; defaults to 12 random bytes. */
  iv?: Uint8Array;
}

/** Test hooks for the legacy CBC generator. */
export interface Token04CbcOptions {
  nowSeconds?: number;
  nonce?: number;
  /** The 16-character IV from [0-9a-z]; defaults to 16 random characters. */
  iv?: string;
}

/** The fields inside a token04. */
export interface DecodedToken04 {
  appId: number;
  userId: string;
  nonce: number;
  /** Creation time, Unix seconds. */
  ctime: number;
  /** Expiry time, Unix seconds (ctime + effectiveTimeInSeconds). */
  expire: number;
  /** '' for a basic token; a JSON string for a privilege token. */
  payload: string;
  mode: 'gcm' | 'cbc';
}

const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const UINT32_MAX = 4294967295;
const UINT16_MAX = 65535;
const CBC_IV_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Token fields; the property order is the one ZEGO's Node generator serialises. */
interface TokenPlaintext {
  app_id: number;
  user_id: string;
  nonce: number;
  ctime: number;
  expire: number;
  payload: string;
}

function describeType(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'an array';
  }
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Checks an AppID (uint32 > 0) and returns it. */
export function validateAppId(appId: unknown): number {
  if (typeof appId !== 'number' || !Number.isInteger(appId) || appId < 1 || appId > UINT32_MAX) {
    const got = typeof appId === 'number' ? String(appId) : describeType(appId);
    throw new TokenError('INVALID_APP_ID',
      `appId must be the numeric AppID from the ZEGO console, an integer from 1 to ${UINT32_MAX}; got ${got}`);
  }
  return appId;
}

function validateUserId(userId: unknown): string {
  if (typeof userId !== 'string') {
    throw new TokenError('INVALID_USER_ID', `userId must be a string; got ${describeType(userId)}`);
  }
  const chars = Array.from(userId).length;
  if (chars === 0 || chars > MAX_TOKEN_USER_ID_CHARS) {
    throw new TokenError('INVALID_USER_ID',
      `userId must be 1 to ${MAX_TOKEN_USER_ID_CHARS} characters (and at most 63 UTF-8 bytes for the SDK); got ${chars} characters`);
  }
  return userId;
}

/** Checks the ServerSecret without ever putting it, or any part of it, into a message. */
export function validateSecret(secret: unknown): Buffer {
  if (typeof secret !== 'string') {
    throw new TokenError('INVALID_SECRET',
      `secret must be the ${SERVER_SECRET_LENGTH}-character ServerSecret string from the ZEGO console; got ${describeType(secret)}`);
  }
  if (secret.length !== SERVER_SECRET_LENGTH) {
    throw new TokenError('INVALID_SECRET',
      `secret must be the ${SERVER_SECRET_LENGTH}-character ServerSecret from the ZEGO console; got ${secret.length} characters`);
  }
  const key = Buffer.from(secret, 'utf8');
  if (key.length !== SERVER_SECRET_LENGTH) {
    throw new TokenError('INVALID_SECRET',
      'secret must contain only ASCII characters (the ServerSecret is 32 hexadecimal digits)');
  }
  return key;
}

function validateEffectiveTime(effectiveTimeInSeconds: unknown): number {
  if (typeof effectiveTimeInSeconds !== 'number' || !Number.isSafeInteger(effectiveTimeInSeconds) ||
    effectiveTimeInSeconds <= 0) {
    const got = typeof effectiveTimeInSeconds === 'number' ? String(effectiveTimeInSeconds) : describeType(effectiveTimeInSeconds);
    throw new TokenError('INVALID_EFFECTIVE_TIME',
      `effectiveTimeInSeconds must be a positive whole number of seconds (for example 3600); got ${got}`);
  }
  return effectiveTimeInSeconds;
}

function validatePayload(payload: unknown): string {
  if (payload === undefined || payload === null) {
    return '';
  }
  if (typeof payload !== 'string') {
    throw new TokenError('INVALID_PAYLOAD',
      `payload must be a string ('' for a basic token, or buildPrivilegePayload(...)); got ${describeType(payload)}`);
  }
  return payload;
}

function resolveNow(nowSeconds: unknown): number {
  if (nowSeconds === undefined) {
    return Math.floor(Date.now() / 1000);
  }
  if (typeof nowSeconds !== 'number' || !Number.isSafeInteger(nowSeconds) || nowSeconds < 0) {
    throw new TokenError('INVALID_OPTION', 'options.nowSeconds must be a non-negative whole number of Unix seconds');
  }
  return nowSeconds;
}

function resolveNonce(nonce: unknown): number {
  if (nonce === undefined) {
    return randomInt(INT32_MIN, INT32_MAX + 1);
  }
  if (typeof nonce !== 'number' || !Number.isInteger(nonce) || nonce < INT32_MIN || nonce > INT32_MAX) {
    throw new TokenError('INVALID_OPTION',
      `options.nonce must be an int32 (an integer from ${INT32_MIN} to ${INT32_MAX}); a non-integer nonce makes the SDK fail with 1002080`);
  }
  return nonce;
}

function resolveGcmIv(iv: unknown): Buffer {
  if (iv === undefined) {
    return randomBytes(GCM_IV_BYTES);
  }
  if (!(iv instanceof Uint8Array) || iv.length !== GCM_IV_BYTES) {
    throw new TokenError('INVALID_OPTION', `options.iv must be a Uint8Array of exactly ${GCM_IV_BYTES} bytes for AES-GCM`);
  }
  return Buffer.from(iv);
}

function resolveCbcIv(iv: unknown): Buffer {
  if (iv === undefined) {
    let text = '';
    for (let i = 0; i < CBC_IV_CHARS; i++) {
      text += CBC_IV_ALPHABET[randomInt(CBC_IV_ALPHABET.length)];
    }
    return Buffer.from(text, 'latin1');
  }
  if (typeof iv !== 'string' || iv.length !== CBC_IV_CHARS || !/^[0-9a-z]+$/.test(iv)) {
    throw new TokenError('INVALID_OPTION', `options.iv must be a string of exactly ${CBC_IV_CHARS} characters from [0-9a-z] for AES-CBC`);
  }
  return Buffer.from(iv, 'latin1');
}

function buildPlaintext(appId: unknown, userId: unknown, effectiveTimeInSeconds: unknown, payload: unknown,
  nowSeconds: unknown, nonce: unknown): TokenPlaintext {
  const validAppId = validateAppId(appId);
  const validUserId = validateUserId(userId);
  const effective = validateEffectiveTime(effectiveTimeInSeconds);
  const validPayload = validatePayload(payload);
  const ctime = resolveNow(nowSeconds);
  const validNonce = resolveNonce(nonce);
  const expire = ctime + effective;
  if (!Number.isSafeInteger(expire)) {
    throw new TokenError('INVALID_EFFECTIVE_TIME', 'effectiveTimeInSeconds is too large: the expiry time overflows');
  }
  // Property order matters for byte-identical output with ZEGO's Node generator (not for ZEGO's server).
  return { app_id: validAppId, user_id: validUserId, nonce: validNonce, ctime, expire, payload: validPayload };
}

function packToken(expire: number, iv: Buffer, ciphertext: Buffer, modeByte: AesMode | undefined): string {
  if (ciphertext.length > UINT16_MAX) {
    throw new TokenError('INVALID_PAYLOAD', `the token is too large to encode (${ciphertext.length} bytes of ciphertext, at most ${UINT16_MAX}); shorten the payload`);
  }
  const head = Buffer.alloc(10);
  head.writeBigInt64BE(BigInt(expire), 0);
  head.writeUInt16BE(iv.length, 8);
  const length = Buffer.alloc(2);
  length.writeUInt16BE(ciphertext.length, 0);
  const parts: Buffer[] = [head, iv, length, ciphertext];
  if (modeByte !== undefined) {
    parts.push(Buffer.from([modeByte]));
  }
  return TOKEN04_VERSION + Buffer.concat(parts).toString('base64');
}

/**
 * Generates a token04 in the current AES-GCM format (mode byte 1).
 *
 * @param appId the AppID from the ZEGO console (uint32, > 0)
 * @param userId the user ID the client will log in with (1..64 characters; it must equal the login user ID)
 * @param secret the 32-character ServerSecret (never log it)
 * @param effectiveTimeInSeconds validity in seconds (> 0); expire = ctime + effectiveTimeInSeconds
 * @param payload '' (default) for a basic token, or a privilege payload from buildPrivilegePayload
 * @param options test hooks: fixed clock, nonce and IV
 * Fails with a TokenError whose code is INVALID_APP_ID, INVALID_USER_ID, INVALID_SECRET, INVALID_EFFECTIVE_TIME,
 *   INVALID_PAYLOAD or INVALID_OPTION
 */
export function generateToken04(appId: number, userId: string, secret: string, effectiveTimeInSeconds: number,
  payload?: string, options?: Token04Options): string {
  const plain = buildPlaintext(appId, userId, effectiveTimeInSeconds, payload, options?.nowSeconds, options?.nonce);
  const key = validateSecret(secret);
  const iv = resolveGcmIv(options?.iv);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return packToken(plain.expire, iv, ciphertext, AesMode.GCM);
}

/**
 * Generates a token04 in the legacy AES-CBC format (no mode byte). Prefer generateToken04; this exists
 * for compatibility checks against ZEGO's older generator.
 */
export function generateToken04Cbc(appId: number, userId: string, secret: string, effectiveTimeInSeconds: number,
  payload?: string, options?: Token04CbcOptions): string {
  const plain = buildPlaintext(appId, userId, effectiveTimeInSeconds, payload, options?.nowSeconds, options?.nonce);
  const key = validateSecret(secret);
  const iv = resolveCbcIv(options?.iv);
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(plain), 'utf8'), cipher.final()]);
  return packToken(plain.expire, iv, ciphertext, undefined);
}

function malformed(what: string): TokenError {
  return new TokenError('MALFORMED_TOKEN', `token is malformed: ${what}; pass the whole token exactly as issued`);
}

function readField<T>(fields: Record<string, unknown>, name: string, check: (v: unknown) => v is T, kind: string): T {
  const value = fields[name];
  if (!check(value)) {
    throw malformed(`the encrypted field "${name}" is missing or not ${kind}`);
  }
  return value;
}

function isInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function isString(v: unknown): v is string {
  return typeof v === 'string';
}

function parsePlaintext(plaintext: string, headerExpire: number, mode: 'gcm' | 'cbc'): DecodedToken04 {
  let parsed: unknown;
  try {
    parsed = JSON.parse(plaintext);
  } catch {
    if (mode === 'cbc') {
      throw new TokenError('TOKEN_DECRYPT_FAILED',
        'token could not be decrypted: check that the ServerSecret is the one the token was issued with');
    }
    throw malformed('the decrypted content is not JSON');
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw malformed('the decrypted content is not a JSON object');
  }
  const fields = parsed as Record<string, unknown>;
  const payloadValue = fields['payload'];
  if (payloadValue !== undefined && typeof payloadValue !== 'string') {
    throw malformed('the encrypted field "payload" is not a string');
  }
  const decoded: DecodedToken04 = {
    appId: readField(fields, 'app_id', isInteger, 'an integer'),
    userId: readField(fields, 'user_id', isString, 'a string'),
    nonce: readField(fields, 'nonce', isInteger, 'an integer'),
    ctime: readField(fields, 'ctime', isInteger, 'an integer'),
    expire: readField(fields, 'expire', isInteger, 'an integer'),
    payload: payloadValue === undefined ? '' : payloadValue,
    mode,
  };
  if (decoded.expire !== headerExpire) {
    throw malformed('the clear-text expiry does not match the encrypted one (the token was altered)');
  }
  return decoded;
}

/**
 * Decodes and verifies a token04 (GCM or legacy CBC) with the ServerSecret it was issued with. It does not
 * judge expiry: compare `expire` with the current time yourself.
 *
 * Fails with a TokenError: INVALID_SECRET; INVALID_TOKEN_VERSION when the token does not start with "04";
 *   MALFORMED_TOKEN when it is not base64 or the layout is truncated or inconsistent; UNSUPPORTED_MODE for
 *   an unknown mode byte; TOKEN_AUTH_FAILED when the AES-GCM tag does not verify (altered token or another
 *   secret); TOKEN_DECRYPT_FAILED when a CBC token does not decrypt (another secret or corruption).
 */
export function decodeToken04(token: string, secret: string): DecodedToken04 {
  const key = validateSecret(secret);
  if (typeof token !== 'string') {
    throw malformed(`expected a string, got ${describeType(token)}`);
  }
  if (!token.startsWith(TOKEN04_VERSION)) {
    throw new TokenError('INVALID_TOKEN_VERSION',
      `token must start with the version "${TOKEN04_VERSION}"; this decoder reads token04 only`);
  }
  const body = token.slice(TOKEN04_VERSION.length);
  if (body.length === 0 || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(body)) {
    throw malformed('the text after "04" is not standard base64');
  }
  const bin = Buffer.from(body, 'base64');
  let offset = 0;
  /** The next `n` bytes of the token (`what` names them when the token ends first). */
  const take = (n: number, what: string): Buffer => {
    if (bin.length < offset + n) {
      throw malformed(`it ends inside the ${what} (truncated)`);
    }
    offset += n;
    return bin.subarray(offset - n, offset);
  };
  const headerExpire = take(8, 'expiry').readBigInt64BE(0);
  if (headerExpire < BigInt(0) || headerExpire > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw malformed('the expiry is out of range');
  }
  const ivLength = take(2, 'IV length').readUInt16BE(0);
  const iv = take(ivLength, 'IV');
  const cipherLength = take(2, 'ciphertext length').readUInt16BE(0);
  const ciphertext = take(cipherLength, 'ciphertext');
  const trailing = bin.length - offset;
  let mode: AesMode;
  if (trailing === 0) {
    mode = AesMode.CBC;
  } else if (trailing === 1) {
    const modeByte = bin.readUInt8(offset);
    if (modeByte !== AesMode.GCM && modeByte !== AesMode.CBC) {
      throw new TokenError('UNSUPPORTED_MODE',
        `token uses encryption mode ${modeByte}; only 1 (AES-GCM) and the legacy CBC layout are supported`);
    }
    mode = modeByte;
  } else {
    throw malformed(`${trailing} unexpected bytes follow the ciphertext`);
  }
  const expire = Number(headerExpire);
  if (mode === AesMode.GCM) {
    if (ivLength !== GCM_IV_BYTES) {
      throw malformed(`an AES-GCM token needs a ${GCM_IV_BYTES}-byte IV, this one has ${ivLength}`);
    }
    if (cipherLength < GCM_TAG_BYTES) {
      throw malformed('the ciphertext is shorter than the AES-GCM authentication tag');
    }
    const tag = ciphertext.subarray(cipherLength - GCM_TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: GCM_TAG_BYTES });
    decipher.setAuthTag(tag);
    let plaintext: string;
    try {
      plaintext = Buffer.concat([decipher.update(ciphertext.subarray(0, cipherLength - GCM_TAG_BYTES)), decipher.final()])
        .toString('utf8');
    } catch {
      throw new TokenError('TOKEN_AUTH_FAILED',
        'token failed the AES-GCM authentication check: it was altered, or it was issued with a different ServerSecret');
    }
    return parsePlaintext(plaintext, expire, 'gcm');
  }
  if (ivLength !== CBC_IV_CHARS) {
    throw malformed(`an AES-CBC token needs a ${CBC_IV_CHARS}-byte IV, this one has ${ivLength}`);
  }
  if (cipherLength === 0 || cipherLength % 16 !== 0) {
    throw malformed('the AES-CBC ciphertext is not a whole number of 16-byte blocks');
  }
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  let plaintext: string;
  try {
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new TokenError('TOKEN_DECRYPT_FAILED',
      'token could not be decrypted: check that the ServerSecret is the one the token was issued with');
  }
  return parsePlaintext(plaintext, expire, 'cbc');
}

/**
 * Builds the payload string of a privilege token:
 * `{"room_id":"<roomId>","privilege":{"1":0|1,"2":0|1},"stream_id_list":null|["id",...]}`.
 * A null (omitted) stream list means stream IDs are not checked. ZEGO enforces privileges only for AppIDs
 * where support has enabled privilege checking; elsewhere the token behaves like a basic token.
 */
export function buildPrivilegePayload(roomId: string, canLogin: boolean, canPublish: boolean,
  streamIdList?: string[] | null): string {
  if (typeof roomId !== 'string' || roomId.length === 0) {
    throw new TokenError('INVALID_ROOM_ID', 'roomId must be a non-empty string: the room the privileges apply to');
  }
  let streams: string[] | null = null;
  if (streamIdList !== undefined && streamIdList !== null) {
    if (!Array.isArray(streamIdList) || streamIdList.some((s) => typeof s !== 'string' || s.length === 0)) {
      throw new TokenError('INVALID_STREAM_ID_LIST', 'streamIdList must be an array of non-empty stream ID strings, or omitted');
    }
    streams = streamIdList.slice();
  }
  // "1" is the loginRoom privilege and "2" the publish privilege; 1 allows, 0 denies.
  const privilege = { '1': canLogin ? 1 : 0, '2': canPublish ? 1 : 0 };
  return JSON.stringify({ room_id: roomId, privilege, stream_id_list: streams });
}
