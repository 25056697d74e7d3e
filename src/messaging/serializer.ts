/**
 * Helpers for Serializer implementations (`tswebtransport/serializers/*`): size and depth limits
 * and error wrapping. The Serializer contract itself is part of the public API ("." entry), since
 * WebTransportSession.createStructuredStream takes one.
 *
 * Every failure is a SerializationError.
 */
import { invalidConfig, SerializationError } from '../index.js';

/** Bounds applied to every encode and decode, so a hostile peer cannot make us allocate without bound. */
export interface SerializerLimits {
  /** Largest encoded message in bytes (default 1 MiB). */
  maxSize?: number;
  /** Deepest nesting of arrays/objects/messages (default 64). */
  maxDepth?: number;
}

export const DEFAULT_MAX_SERIALIZED_SIZE = 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;

/** Validated limits with defaults filled in. */
export function resolveLimits(limits: SerializerLimits = {}): Required<SerializerLimits> {
  const maxSize = limits.maxSize ?? DEFAULT_MAX_SERIALIZED_SIZE;
  const maxDepth = limits.maxDepth ?? DEFAULT_MAX_DEPTH;
  if (!Number.isSafeInteger(maxSize) || maxSize < 1) throw invalidConfig({ key: 'maxSize', value: maxSize, reason: 'must be a positive integer' });
  if (!Number.isSafeInteger(maxDepth) || maxDepth < 1) throw invalidConfig({ key: 'maxDepth', value: maxDepth, reason: 'must be a positive integer' });
  return { maxSize, maxDepth };
}

/** Throws a SerializationError when `size` exceeds `maxSize`. */
export function checkSize(codec: string, what: 'encoded' | 'received', size: number, maxSize: number): void {
  if (size > maxSize) {
    throw new SerializationError(`${codec}: ${what} message of ${size} bytes exceeds the limit of ${maxSize} bytes`, {
      details: { size, maxSize },
    });
  }
}

/** Wraps a foreign failure (JSON.parse, codec library) as a SerializationError; ours pass through. */
export function asSerializationError(codec: string, operation: 'encode' | 'decode', error: unknown): SerializationError {
  if (error instanceof SerializationError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new SerializationError(`${codec}: cannot ${operation}: ${reason}`, { cause: error });
}

/**
 * Throws when a decoded value nests deeper than `maxDepth` (arrays, plain objects, maps).
 * Iterative, so a deep value cannot exhaust the call stack.
 */
export function checkDepth(codec: string, value: unknown, maxDepth: number): void {
  const stack: unknown[] = [value];
  const depths: number[] = [1];
  while (stack.length > 0) {
    const v = stack.pop();
    const depth = depths.pop()!;
    if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) continue;
    if (depth > maxDepth) throw new SerializationError(`${codec}: value nests deeper than ${maxDepth} levels`, { details: { maxDepth } });
    const children: Iterable<unknown> = Array.isArray(v) ? v : v instanceof Map ? v.values() : Object.values(v);
    for (const child of children) {
      if (typeof child === 'object' && child !== null) {
        stack.push(child);
        depths.push(depth + 1);
      }
    }
  }
}
