/**
 * MsgPackSerializer (pywebtransport MsgPackSerializer) on @msgpack/msgpack: compact binary, native
 * bytes (bin) and 64-bit integers (bigint), typed decoding through a TypeSpec or message class.
 *
 * Limits: input above `maxSize` is refused before decoding; string/bin/array/map headers may not
 * claim more than `maxSize` (the decoder checks before allocating); nesting is checked on encode by
 * the library and on decode by an iterative walk (the decoder itself is not recursive).
 */
import { Decoder, Encoder } from '@msgpack/msgpack';
import {
  asSerializationError, checkDepth, checkSize, decodeAs, resolveLimits, type Infer, type Serializer, type SerializerLimits, type TypeSpec,
} from '../messaging/index.js';

export type MsgPackSerializerOptions = SerializerLimits;

const INT64_MIN = -(2n ** 63n);
const UINT64_MAX = 2n ** 64n - 1n;

/**
 * The library writes bigints with setBigUint64/setBigInt64, which silently wrap values outside
 * 64 bits; refuse them instead. (Instance patch of an internal method: the unit test for a
 * 70-bit bigint fails if a library update renames it.)
 */
function guardBigInts(encoder: Encoder): void {
  const target = encoder as unknown as { encodeBigInt64?: (value: bigint) => void };
  const original = target.encodeBigInt64;
  if (typeof original !== 'function') return;
  target.encodeBigInt64 = function (value: bigint): void {
    if (value < INT64_MIN || value > UINT64_MAX) throw new RangeError(`bigint ${value} does not fit in 64 bits`);
    original.call(this, value);
  };
}

export class MsgPackSerializer implements Serializer<TypeSpec> {
  readonly name = 'msgpack';
  readonly maxSize: number;
  readonly maxDepth: number;
  readonly #encoder: Encoder;
  readonly #decoder: Decoder;

  constructor(options: MsgPackSerializerOptions = {}) {
    const limits = resolveLimits(options);
    this.maxSize = limits.maxSize;
    this.maxDepth = limits.maxDepth;
    this.#encoder = new Encoder({ useBigInt64: true, maxDepth: this.maxDepth, ignoreUndefined: true });
    guardBigInts(this.#encoder);
    const max = this.maxSize;
    this.#decoder = new Decoder({
      useBigInt64: true, maxStrLength: max, maxBinLength: max, maxArrayLength: max, maxMapLength: max, maxExtLength: max,
    });
  }

  serialize(value: unknown): Uint8Array {
    let bytes: Uint8Array;
    try {
      bytes = this.#encoder.encode(value);
    } catch (error) {
      throw asSerializationError(this.name, 'encode', error);
    }
    checkSize(this.name, 'encoded', bytes.length, this.maxSize);
    return bytes;
  }

  deserialize<S extends TypeSpec>(data: Uint8Array, type: S): Infer<S>;
  deserialize(data: Uint8Array, type?: TypeSpec): unknown;
  deserialize(data: Uint8Array, type?: TypeSpec): unknown {
    checkSize(this.name, 'received', data.length, this.maxSize);
    let value: unknown;
    try {
      value = this.#decoder.decode(data);
    } catch (error) {
      throw asSerializationError(this.name, 'decode', error);
    }
    checkDepth(this.name, value, this.maxDepth);
    return type === undefined ? value : decodeAs(value, type);
  }
}
