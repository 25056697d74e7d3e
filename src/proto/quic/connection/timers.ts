/** The connection's timer table: one deadline per kind; the connection's next timeout is their minimum. */
import type { Micros } from '../../util/time.js';

export const TimerKind = {
  IDLE: 0,
  LOSS_DETECTION: 1,
  ACK_DELAY: 2,
  CLOSE: 3,
  KEY_DISCARD: 4,
  PACING: 5,
  HANDSHAKE: 6,
  /** Send a PING when nothing ack-eliciting left for a while (keepAliveIntervalMs). */
  KEEP_ALIVE: 7,
} as const;
export type TimerKind = (typeof TimerKind)[keyof typeof TimerKind];
const COUNT = 8;

export class TimerTable {
  private readonly deadlines: (Micros | undefined)[] = new Array(COUNT).fill(undefined);

  set(kind: TimerKind, at: Micros | undefined): void {
    this.deadlines[kind] = at;
  }

  get(kind: TimerKind): Micros | undefined {
    return this.deadlines[kind];
  }

  stop(kind: TimerKind): void {
    this.deadlines[kind] = undefined;
  }

  isExpired(kind: TimerKind, now: Micros): boolean {
    const d = this.deadlines[kind];
    return d !== undefined && d <= now;
  }

  next(): Micros | undefined {
    let min: Micros | undefined;
    for (const d of this.deadlines) if (d !== undefined && (min === undefined || d < min)) min = d;
    return min;
  }

  clearAll(): void {
    this.deadlines.fill(undefined);
  }
}
