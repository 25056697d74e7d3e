/**
 * Virtual time for simulations. Nothing here reads a real clock or arms a real timer: time moves
 * only when a test (or ProtoPair) moves it, so runs are reproducible and never sleep.
 */
import { EventHeap } from './event-heap.js';
import { SimBoundError } from './sim-bound-error.js';
import { MICROS_PER_MS } from '../proto/util/time.js';
export class VirtualClock {
    current;
    constructor(startMicros = 0) {
        assertMicros(startMicros);
        this.current = startMicros;
    }
    /** Current virtual time in integer microseconds (same shape as the runtime's Clock). */
    now() {
        return this.current;
    }
    nowMs() {
        return this.current / MICROS_PER_MS;
    }
    /** Moves time forward to `t`; moving backwards is a test bug and throws. */
    advanceTo(t) {
        assertMicros(t);
        if (t < this.current)
            throw new RangeError(`virtual time cannot go back: ${t} < ${this.current}`);
        this.current = t;
    }
    /** Moves time forward by `ms` milliseconds (rounded to whole microseconds). */
    advance(ms) {
        if (!(ms >= 0))
            throw new RangeError(`cannot advance by ${ms} ms`);
        this.advanceTo(this.current + Math.round(ms * MICROS_PER_MS));
    }
}
/**
 * Timers on virtual time, fired in (deadline, creation order). Used by the driver-on-sim mode in
 * place of setTimeout: the runtime asks for a deadline, the test moves time with runUntil().
 */
export class VirtualScheduler {
    clock;
    heap = new EventHeap();
    live = new Set();
    nextHandle = 1;
    constructor(clock = new VirtualClock()) {
        this.clock = clock;
    }
    /** Calls `callback` once virtual time reaches `deadline` (a past deadline fires at the next run). */
    setTimer(deadline, callback) {
        assertMicros(deadline);
        const handle = this.nextHandle++;
        this.live.add(handle);
        this.heap.push(deadline, { handle, callback });
        return handle;
    }
    /** setTimeout-shaped helper: fires `delayMs` after the current virtual time. */
    setTimeout(callback, delayMs) {
        return this.setTimer(this.clock.now() + Math.max(0, Math.round(delayMs * MICROS_PER_MS)), callback);
    }
    /** Cancels a timer; unknown or already-fired handles are ignored. */
    clearTimer(handle) {
        if (handle !== undefined)
            this.live.delete(handle);
    }
    get pendingCount() {
        return this.live.size;
    }
    /** Deadline of the earliest live timer. */
    nextDeadline() {
        this.dropCancelled();
        return this.heap.peekTime();
    }
    /**
     * Fires every timer due at or before `t`, each with the clock set to its own deadline (never
     * earlier than now), then leaves the clock at `t`. Timers set by callbacks are honoured.
     * Returns the number of timers fired.
     */
    runUntil(t) {
        let fired = 0;
        for (;;) {
            const deadline = this.nextDeadline();
            if (deadline === undefined || deadline > t)
                break;
            this.fireNext();
            fired++;
        }
        if (t > this.clock.now())
            this.clock.advanceTo(t);
        return fired;
    }
    /** runUntil(now + ms). */
    advance(ms) {
        return this.runUntil(this.clock.now() + Math.round(ms * MICROS_PER_MS));
    }
    /**
     * Fires timers until none is left. Throws SimBoundError when the next timer lies more than
     * `maxTimeMs` after the start, or after `maxTimers` firings (a timer that re-arms itself forever).
     */
    runUntilIdle(options = {}) {
        const start = this.clock.now();
        const limit = start + Math.round((options.maxTimeMs ?? 60_000) * MICROS_PER_MS);
        const maxTimers = options.maxTimers ?? 1_000_000;
        let fired = 0;
        for (;;) {
            const deadline = this.nextDeadline();
            if (deadline === undefined)
                return fired;
            if (deadline > limit || fired >= maxTimers) {
                throw new SimBoundError(`scheduler not idle: next timer at ${deadline / MICROS_PER_MS} ms, ` +
                    `${fired} fired since ${start / MICROS_PER_MS} ms`, this.clock.now(), options.seed);
            }
            this.fireNext();
            fired++;
        }
    }
    fireNext() {
        const deadline = this.heap.peekTime();
        const timer = this.heap.pop();
        this.live.delete(timer.handle);
        if (deadline > this.clock.now())
            this.clock.advanceTo(deadline);
        timer.callback();
    }
    dropCancelled() {
        for (;;) {
            const top = this.heap.peek();
            if (top === undefined || this.live.has(top.handle))
                return;
            this.heap.pop();
        }
    }
}
function assertMicros(t) {
    if (!Number.isSafeInteger(t) || t < 0)
        throw new RangeError(`time must be a non-negative integer of µs, got ${t}`);
}
//# sourceMappingURL=virtual-clock.js.map