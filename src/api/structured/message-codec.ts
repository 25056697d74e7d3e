/**
 * Registry + serializer glue shared by StructuredStream and StructuredDatagrams: value -> (typeId,
 * payload) and back, with every failure reported as a SerializationError.
 */
import { SerializationError } from '../errors.js';
import type { MessageRegistry } from './registry.js';
import type { Serializer } from './serializer.js';

/** One received message with the registration it was decoded by. */
export interface StructuredMessage<K = unknown> {
  readonly typeId: number;
  readonly type: K;
  /** Registered name, for logs. */
  readonly name: string;
  readonly value: unknown;
}

/** What both structured wrappers need: the agreed registry and the codec. */
export interface StructuredOptions<K> {
  serializer: Serializer<K>;
  registry: MessageRegistry<K>;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value !== 'object') return typeof value;
  const typeName = (value as { $typeName?: unknown }).$typeName;
  if (typeof typeName === 'string') return typeName;
  const proto = Object.getPrototypeOf(value) as { constructor?: { name?: string } } | null;
  if (proto === null || proto === Object.prototype) return 'plain object';
  return `instance of ${proto.constructor?.name ?? 'an anonymous class'}`;
}

function wrap(error: unknown, message: string, details: Record<string, unknown>): SerializationError {
  if (error instanceof SerializationError) return error;
  return new SerializationError(message, { cause: error, details });
}

export class MessageCodec<K> {
  readonly serializer: Serializer<K>;
  readonly registry: MessageRegistry<K>;

  constructor(options: StructuredOptions<K>) {
    this.serializer = options.serializer;
    this.registry = options.registry;
  }

  /** Type id and payload for `value`; `type` names the registered type, else it is found from the value. */
  encode(value: unknown, type?: K): { typeId: number; payload: Uint8Array } {
    let typeId: number | undefined;
    let resolved: K;
    if (type !== undefined) {
      typeId = this.registry.typeIdOf(type);
      if (typeId === undefined) throw new SerializationError('message type is not registered', { details: { type: String(type) } });
      resolved = type;
    } else {
      const entry = this.registry.match(value);
      if (entry === undefined) {
        throw new SerializationError(`no registered message type for ${describeValue(value)}; register its class or pass the type`);
      }
      typeId = entry.typeId;
      resolved = entry.type;
    }
    try {
      return { typeId, payload: this.serializer.serialize(value, resolved) };
    } catch (error) {
      throw wrap(error, `${this.serializer.name}: cannot encode message type ${typeId}`, { typeId });
    }
  }

  /** The decoded message; SerializationError for an unknown id or a payload its type rejects. */
  decode(typeId: number, payload: Uint8Array): StructuredMessage<K> {
    const entry = this.registry.get(typeId);
    if (entry === undefined) {
      throw new SerializationError(`unknown message type id ${typeId}`, { details: { typeId, payloadSize: payload.length } });
    }
    try {
      const value = this.serializer.deserialize(payload, entry.type);
      return { typeId, type: entry.type, name: entry.name, value };
    } catch (error) {
      throw wrap(error, `${this.serializer.name}: cannot decode message type ${typeId} (${entry.name})`, { typeId });
    }
  }
}
