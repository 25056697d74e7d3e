/** The connection's timer table: one deadline per kind; the connection's next timeout is their minimum. */
import type { Micros } from '../../util/time.js';
export declare const TimerKind: {
    readonly IDLE: 0;
    readonly LOSS_DETECTION: 1;
    readonly ACK_DELAY: 2;
    readonly CLOSE: 3;
    readonly KEY_DISCARD: 4;
    readonly PACING: 5;
    readonly HANDSHAKE: 6;
};
export type TimerKind = (typeof TimerKind)[keyof typeof TimerKind];
export declare class TimerTable {
    private readonly deadlines;
    set(kind: TimerKind, at: Micros | undefined): void;
    get(kind: TimerKind): Micros | undefined;
    stop(kind: TimerKind): void;
    isExpired(kind: TimerKind, now: Micros): boolean;
    next(): Micros | undefined;
    clearAll(): void;
}
