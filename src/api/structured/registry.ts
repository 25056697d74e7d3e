/**
 * MessageRegistry: the u16 type ids both peers agree on, each bound to one message type
 * (pywebtransport's `registry: dict[int, type]`, with the uniqueness it left unchecked).
 *
 * A type is whatever the serializer understands: a class or TypeSpec for JSON/MessagePack, a
 * protobuf message descriptor for Protobuf. Outgoing values are matched to their id by exact
 * class (`value.constructor`) or, for protobuf messages, by `$typeName`; plain-object specs can
 * only be sent with their type named explicitly.
 */
import { ConfigurationError } from '../errors.js';

export interface MessageRegistration<K> {
  readonly typeId: number;
  readonly type: K;
  readonly name: string;
}

export const MAX_TYPE_ID = 0xffff;

function typeNameOf(type: unknown): string | undefined {
  if (typeof type === 'object' && type !== null) {
    const t = type as { kind?: unknown; typeName?: unknown };
    if (t.kind === 'message' && typeof t.typeName === 'string') return t.typeName;
  }
  return undefined;
}

function describe(type: unknown, typeId: number): string {
  if (typeof type === 'function' && type.name !== '') return type.name;
  return typeNameOf(type) ?? (typeof type === 'string' ? type : `type#${typeId}`);
}

export class MessageRegistry<K = unknown> implements Iterable<MessageRegistration<K>> {
  readonly #byId = new Map<number, MessageRegistration<K>>();
  readonly #byType = new Map<unknown, MessageRegistration<K>>();
  readonly #byTypeName = new Map<string, MessageRegistration<K>>();

  /** A registry pre-filled from `[typeId, type]` pairs or an id-keyed object. */
  constructor(entries: Iterable<readonly [number, K]> | Readonly<Record<number, K>> = []) {
    const list = Symbol.iterator in entries
      ? (entries as Iterable<readonly [number, K]>)
      : Object.entries(entries).map(([id, type]) => [Number(id), type as K] as const);
    for (const [typeId, type] of list) this.register(typeId, type);
  }

  /** Binds `typeId` (0..65535) to `type`; both must be unused. Returns this for chaining. */
  register(typeId: number, type: K, name?: string): this {
    if (!Number.isInteger(typeId) || typeId < 0 || typeId > MAX_TYPE_ID) {
      throw new ConfigurationError(`message type id must be an integer in 0..${MAX_TYPE_ID}, got ${typeId}`, { configKey: 'typeId', configValue: typeId });
    }
    if (this.#byId.has(typeId)) {
      throw new ConfigurationError(`message type id ${typeId} is already registered to ${this.#byId.get(typeId)!.name}`, { configKey: 'typeId', configValue: typeId });
    }
    const typeName = typeNameOf(type);
    if (this.#byType.has(type) || (typeName !== undefined && this.#byTypeName.has(typeName))) {
      throw new ConfigurationError(`message type ${describe(type, typeId)} is already registered with id ${this.typeIdOf(type)}`, { configKey: 'type' });
    }
    const entry: MessageRegistration<K> = { typeId, type, name: name ?? describe(type, typeId) };
    this.#byId.set(typeId, entry);
    this.#byType.set(type, entry);
    if (typeName !== undefined) this.#byTypeName.set(typeName, entry);
    return this;
  }

  get size(): number {
    return this.#byId.size;
  }

  has(typeId: number): boolean {
    return this.#byId.has(typeId);
  }

  /** The registration for a wire type id, if any. */
  get(typeId: number): MessageRegistration<K> | undefined {
    return this.#byId.get(typeId);
  }

  /** The id of a registered type (the same object passed to register), if any. */
  typeIdOf(type: K): number | undefined {
    const entry = this.#byType.get(type) ?? (typeNameOf(type) !== undefined ? this.#byTypeName.get(typeNameOf(type)!) : undefined);
    return entry?.typeId;
  }

  /** The registration matching a value: exact class, or protobuf `$typeName`. */
  match(value: unknown): MessageRegistration<K> | undefined {
    if (typeof value !== 'object' || value === null) return undefined;
    const proto: unknown = Object.getPrototypeOf(value);
    if (proto !== null && proto !== Object.prototype) {
      const byClass = this.#byType.get((proto as { constructor?: unknown }).constructor);
      if (byClass !== undefined) return byClass;
    }
    const typeName = (value as { $typeName?: unknown }).$typeName;
    return typeof typeName === 'string' ? this.#byTypeName.get(typeName) : undefined;
  }

  [Symbol.iterator](): Iterator<MessageRegistration<K>> {
    return this.#byId.values();
  }
}
