// SPDX-License-Identifier: Apache-2.0
// Host fake of '@kit.ArkTS', as far as the kit uses it: `util.TextDecoder` (@ohos.util), to turn the bytes of a
// rawfile (resourceManager.getRawFileContentSync) into text. It follows the SDK's shape (API 13 declarations,
// @ohos.util.d.ts): `TextDecoder.create(encoding?, options?)` (default 'utf-8') and `decodeToString(input)`
// (API 12), decoding with Node's own TextDecoder, which refuses an encoding it does not know as the SDK does
// (BusinessError 401 there, a RangeError here). Plain TypeScript for Node, never part of the HAR.

/** The options of TextDecoder.create (@ohos.util TextDecoderOptions). */
interface TextDecoderOptions {
  fatal?: boolean;
  ignoreBOM?: boolean;
}

/** @ohos.util TextDecoder on Node's WHATWG TextDecoder. */
class TextDecoder {
  private readonly decoder: globalThis.TextDecoder;

  private constructor(encoding: string, options: TextDecoderOptions) {
    this.decoder = new globalThis.TextDecoder(encoding, { fatal: options.fatal === true, ignoreBOM: options.ignoreBOM === true });
  }

  /** TextDecoder.create(encoding = 'utf-8', options). */
  static create(encoding?: string, options?: TextDecoderOptions): TextDecoder {
    return new TextDecoder(encoding ?? 'utf-8', options ?? {});
  }

  /** The whole input as text. */
  decodeToString(input: Uint8Array): string {
    return this.decoder.decode(input);
  }
}

/** The `util` namespace of '@kit.ArkTS' (only TextDecoder). */
export const util = { TextDecoder };
