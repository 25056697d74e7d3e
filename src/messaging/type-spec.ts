/**
 * Runtime type descriptions for typed decoding (pywebtransport's `_convert_to_type`, which reads
 * Python type hints; TypeScript erases types, so the shape is described with small values).
 *
 *   class Chat { static readonly schema = { text: 'string', at: 'integer', tags: spec.array('string') } as const;
 *                text = ''; at = 0; tags: string[] = []; }
 *   serializer.deserialize(bytes, Chat)   // -> a Chat instance, fields checked, extra keys dropped
 *
 * Decoding checks every value against its spec and throws a SerializationError naming the path of
 * the first mismatch. Class instances are rebuilt with the class prototype (constructors and
 * field initialisers do not run) or with the class's own static `fromPlain`, when it has one.
 */
import { SerializationError } from '../index.js';

export type PrimitiveSpec = 'string' | 'number' | 'integer' | 'boolean' | 'bigint' | 'bytes' | 'null' | 'unknown';

export interface ArraySpec<E extends TypeSpec = TypeSpec> {
  readonly kind: 'array';
  readonly of: E;
}
export interface RecordSpec<E extends TypeSpec = TypeSpec> {
  readonly kind: 'record';
  readonly of: E;
}
export interface ObjectSpec<F extends FieldsSpec = FieldsSpec> {
  readonly kind: 'object';
  readonly fields: F;
}
/** Accepts a missing field, `undefined` or `null` (decoded as `undefined`). */
export interface OptionalSpec<E extends TypeSpec = TypeSpec> {
  readonly kind: 'optional';
  readonly of: E;
}
export type FieldsSpec = { readonly [field: string]: TypeSpec };

/** A class usable as a message type; `schema` describes its fields, `fromPlain` overrides rebuilding. */
export interface MessageClass<T extends object = object> {
  new (...args: never[]): T;
  readonly prototype: T;
  readonly schema?: FieldsSpec;
  fromPlain?(plain: Record<string, unknown>): T;
}

export type TypeSpec = PrimitiveSpec | ArraySpec | RecordSpec | ObjectSpec | OptionalSpec | MessageClass;

type InferPrimitive<S> = S extends 'string' ? string : S extends 'number' | 'integer' ? number : S extends 'boolean' ? boolean
  : S extends 'bigint' ? bigint : S extends 'bytes' ? Uint8Array : S extends 'null' ? null : unknown;
type InferFields<F extends FieldsSpec> = { -readonly [K in keyof F]: Infer<F[K]> };

/** The TypeScript type a spec decodes to (`unknown` for the unnarrowed TypeSpec union). */
export type Infer<S> = TypeSpec extends S ? unknown : InferNarrow<S>;
type InferNarrow<S> = S extends MessageClass<infer T> ? T
  : S extends ArraySpec<infer E> ? Infer<E>[]
  : S extends RecordSpec<infer E> ? Record<string, Infer<E>>
  : S extends ObjectSpec<infer F> ? InferFields<F>
  : S extends OptionalSpec<infer E> ? Infer<E> | undefined
  : InferPrimitive<S>;

/** Builders for composite specs. */
export const spec = {
  array: <E extends TypeSpec>(of: E): ArraySpec<E> => ({ kind: 'array', of }),
  record: <E extends TypeSpec>(of: E): RecordSpec<E> => ({ kind: 'record', of }),
  object: <F extends FieldsSpec>(fields: F): ObjectSpec<F> => ({ kind: 'object', fields }),
  optional: <E extends TypeSpec>(of: E): OptionalSpec<E> => ({ kind: 'optional', of }),
} as const;

export function isMessageClass(value: unknown): value is MessageClass {
  return typeof value === 'function';
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const DECIMAL = /^-?\d{1,400}$/;

function fail(path: string, expected: string, value: unknown): never {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  throw new SerializationError(`invalid message at ${path}: expected ${expected}, got ${got}`, { details: { path, expected } });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Own data property, safe for keys such as `__proto__` that plain assignment would misread. */
function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function decodePrimitive(value: unknown, s: PrimitiveSpec, path: string): unknown {
  switch (s) {
    case 'unknown': return value;
    case 'null': return value === null ? null : fail(path, 'null', value);
    case 'string': return typeof value === 'string' ? value : fail(path, 'string', value);
    case 'boolean': return typeof value === 'boolean' ? value : fail(path, 'boolean', value);
    case 'number': return typeof value === 'number' ? value : fail(path, 'number', value);
    case 'integer': return Number.isSafeInteger(value) ? value : fail(path, 'safe integer', value);
    case 'bigint':
      if (typeof value === 'bigint') return value;
      if (Number.isSafeInteger(value)) return BigInt(value as number);
      if (typeof value === 'string' && DECIMAL.test(value)) return BigInt(value);
      return fail(path, 'integer (bigint)', value);
    case 'bytes':
      if (value instanceof Uint8Array) return value;
      // JSON carries bytes as base64 text.
      if (typeof value === 'string' && BASE64.test(value)) {
        const b = Buffer.from(value, 'base64');
        return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      }
      return fail(path, 'bytes', value);
  }
}

function decodeFields(value: unknown, fields: FieldsSpec, path: string, target: object): void {
  if (!isPlainObject(value)) fail(path, 'object', value);
  for (const key of Object.keys(fields)) {
    const field = decodeAny(value[key], fields[key]!, `${path}.${key}`);
    if (field !== undefined) define(target, key, field);
  }
}

function decodeClass(value: unknown, cls: MessageClass, path: string): object {
  let plain: Record<string, unknown>;
  if (cls.schema !== undefined) {
    plain = {};
    decodeFields(value, cls.schema, path, plain);
  } else {
    if (!isPlainObject(value)) fail(path, `object (${cls.name})`, value);
    plain = value;
  }
  if (typeof cls.fromPlain === 'function') {
    try {
      return cls.fromPlain(plain);
    } catch (error) {
      throw new SerializationError(`invalid message at ${path}: ${cls.name}.fromPlain failed`, { cause: error, details: { path } });
    }
  }
  const instance = Object.create(cls.prototype) as object;
  for (const key of Object.keys(plain)) define(instance, key, plain[key]);
  return instance;
}

/**
 * Checks a freshly decoded value against `s` and rebuilds it (class instances, bigints, bytes).
 * Throws SerializationError on the first mismatch. Depth follows the spec, so it is bounded.
 */
export function decodeAs<S extends TypeSpec>(value: unknown, s: S, path = '$'): Infer<S> {
  return decodeAny(value, s, path) as never;
}

function decodeAny(value: unknown, s: TypeSpec, path: string): unknown {
  if (typeof s === 'string') return decodePrimitive(value, s, path);
  if (isMessageClass(s)) return decodeClass(value, s, path);
  switch (s.kind) {
    case 'optional':
      return value === undefined || value === null ? undefined : decodeAny(value, s.of, path);
    case 'array': {
      if (!Array.isArray(value)) fail(path, 'array', value);
      const out = new Array<unknown>(value.length);
      for (let i = 0; i < value.length; i++) out[i] = decodeAny(value[i], s.of, `${path}[${i}]`);
      return out;
    }
    case 'record': {
      if (!isPlainObject(value)) fail(path, 'object', value);
      const out: Record<string, unknown> = {};
      for (const key of Object.keys(value)) define(out, key, decodeAny(value[key], s.of, `${path}.${key}`));
      return out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      decodeFields(value, s.fields, path, out);
      return out;
    }
  }
}
