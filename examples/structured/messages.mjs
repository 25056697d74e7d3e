/**
 * The message types both sides agree on. Each class declares a `schema` so incoming payloads are
 * checked and decoded into real instances; the registry maps each class to its wire type id.
 */
import { MessageRegistry } from 'tswebtransport/messaging';
import { JsonSerializer } from 'tswebtransport/serializers/json';

export class Join {
  static schema = { room: 'string', user: 'string' };
  room = '';
  user = '';
}

export class Welcome {
  static schema = { room: 'string', greeting: 'string', messagesSoFar: 'integer' };
  room = '';
  greeting = '';
  messagesSoFar = 0;
}

export class Say {
  static schema = { id: 'integer', text: 'string' };
  id = 0;
  text = '';
}

export class Ack {
  static schema = { id: 'integer', words: 'integer', shout: 'string' };
  id = 0;
  words = 0;
  shout = '';
}

export const make = (cls, fields) => Object.assign(new cls(), fields);

/** 64 KiB per message: the limit both the serializer and the framing enforce. */
const MAX_MESSAGE_SIZE = 64 * 1024;

export function structuredOptions() {
  return {
    serializer: new JsonSerializer({ maxSize: MAX_MESSAGE_SIZE }),
    registry: new MessageRegistry([[1, Join], [2, Welcome], [3, Say], [4, Ack]]),
    maxMessageSize: MAX_MESSAGE_SIZE,
  };
}
