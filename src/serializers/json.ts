/**
 * JsonSerializer (pywebtransport JSONSerializer): UTF-8 JSON with typed decoding through a TypeSpec
 * or a message class (see messaging `spec`). Bytes travel as base64 strings and bigints as decimal
 * strings; both come back as Uint8Array / bigint when the spec asks for 'bytes' / 'bigint'.
 *
 * Limits: input above `maxSize` is refused before parsing, and nesting deeper than `maxDepth` is
 * found by a linear pre-scan, so JSON.parse never sees a hostile shape.
 */
import {
  asSerializationError, checkSize, decodeAs, resolveLimits, type Infer, type Serializer, type SerializerLimits, type TypeSpec,
} from '../messaging/index.js';
import { SerializationError } from '../index.js';

export interface JsonSerializerOptions extends SerializerLimits {
  /** Spaces of indentation for readable output (default compact). */
  space?: number;
}

const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Deepest array/object nesting of JSON text, stopping as soon as it passes `max`. */
export function jsonNestingExceeds(data: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > max) return true;
    } else if (c === CLOSE_BRACKET || c === CLOSE_BRACE) {
      depth--;
    }
  }
  return false;
}

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  return value;
}

export class JsonSerializer implements Serializer<TypeSpec> {
  readonly name = 'json';
  readonly maxSize: number;
  readonly maxDepth: number;
  readonly #space: number | undefined;
  readonly #encoder = new TextEncoder();
  readonly #decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

  constructor(options: JsonSerializerOptions = {}) {
    const limits = resolveLimits(options);
    this.maxSize = limits.maxSize;
    this.maxDepth = limits.maxDepth;
    this.#space = options.space;
  }

  serialize(value: unknown): Uint8Array {
    let text: string | undefined;
    try {
      text = JSON.stringify(value, replacer, this.#space);
    } catch (error) {
      throw asSerializationError(this.name, 'encode', error);
    }
    if (text === undefined) throw new SerializationError(`${this.name}: cannot encode ${typeof value}`);
    const bytes = this.#encoder.encode(text);
    checkSize(this.name, 'encoded', bytes.length, this.maxSize);
    return bytes;
  }

  deserialize<S extends TypeSpec>(data: Uint8Array, type: S): Infer<S>;
  deserialize(data: Uint8Array, type?: TypeSpec): unknown;
  deserialize(data: Uint8Array, type?: TypeSpec): unknown {
    checkSize(this.name, 'received', data.length, this.maxSize);
    if (jsonNestingExceeds(data, this.maxDepth)) {
      throw new SerializationError(`${this.name}: value nests deeper than ${this.maxDepth} levels`, { details: { maxDepth: this.maxDepth } });
    }
    let value: unknown;
    try {
      value = JSON.parse(this.#decoder.decode(data));
    } catch (error) {
      throw asSerializationError(this.name, 'decode', error);
    }
    return type === undefined ? value : decodeAs(value, type);
  }
}
