import { systemClock } from './clock.js';
import { SendBufferPool } from './send-buffer-pool.js';
import { MAX_TIMER_DELAY_MS, nodeTimerScheduler } from './timer-scheduler.js';
export class EndpointDriver {
    socket;
    endpoint;
    clock;
    stats = { datagramsReceived: 0, datagramsSent: 0, sendErrors: 0, flushes: 0, timerFires: 0 };
    #timers;
    #pool;
    #handlers = new Map();
    #onAccepted;
    #scheduleFlush;
    #maxTransmitsPerFlush;
    /** Slots handed to socket.send, in send order; completions arrive in the same order. */
    #inFlight = [];
    #inFlightHead = 0;
    #flushScheduled = false;
    #timer;
    #armedDeadline;
    #socketClosed = false;
    #blockedOnBuffers = false;
    #idleWaiters = [];
    #flushCallback = () => {
        this.#flushScheduled = false;
        this.#flush();
    };
    #timerCallback = () => {
        this.#timer = undefined;
        this.#armedDeadline = undefined;
        this.stats.timerFires++;
        this.endpoint.handleTimeout(this.clock.now());
        this.#flush();
    };
    #sendCallback = (error) => {
        const slot = this.#inFlight[this.#inFlightHead];
        this.#inFlight[this.#inFlightHead++] = undefined;
        if (this.#inFlightHead === this.#inFlight.length) {
            this.#inFlight.length = 0;
            this.#inFlightHead = 0;
        }
        if (error)
            this.stats.sendErrors++;
        this.#pool.release(slot);
        // Transmits were held back for lack of buffers: resume them.
        if (this.#blockedOnBuffers) {
            this.#blockedOnBuffers = false;
            this.wake();
        }
    };
    constructor(options) {
        this.socket = options.socket;
        this.endpoint = options.endpoint;
        this.clock = options.clock ?? systemClock;
        this.#timers = options.timers ?? nodeTimerScheduler;
        this.#pool = options.pool ?? new SendBufferPool();
        this.#onAccepted = options.onAccepted;
        this.#scheduleFlush = options.scheduleFlush ?? setImmediate;
        this.#maxTransmitsPerFlush = options.maxTransmitsPerFlush ?? 256;
        this.socket.onMessage((data, remote) => {
            this.stats.datagramsReceived++;
            this.endpoint.handleDatagram(this.clock.now(), data, remote);
            this.wake();
        });
        // Socket errors (e.g. ICMP unreachable on some platforms) are not fatal for QUIC: loss recovery copes.
        this.socket.onError(() => { this.stats.sendErrors++; });
    }
    now() {
        return this.clock.now();
    }
    /** Attaches the handler that receives this connection's events (until its 'closed' event). */
    register(connection, handler) {
        this.#handlers.set(connection.handle, handler);
    }
    /** Starts a client connection; events go to `handler`. */
    connect(remote, options, handler) {
        const connection = this.endpoint.connect(this.clock.now(), remote, options);
        this.register(connection, handler);
        this.wake();
        return connection;
    }
    /** Call after any command on a connection: schedules one flush for the current turn. */
    wake() {
        if (this.#flushScheduled || this.#socketClosed)
            return;
        this.#flushScheduled = true;
        this.#scheduleFlush(this.#flushCallback);
    }
    /** Runs a flush now (the driver's inputs do this themselves; tests and shutdown use it). */
    flushNow() {
        this.#flush();
    }
    get connectionCount() {
        return this.endpoint.connectionCount;
    }
    /** Resolves once the endpoint holds no connections (after their draining periods). */
    whenIdle() {
        if (this.endpoint.connectionCount === 0)
            return Promise.resolve();
        return new Promise((resolve) => this.#idleWaiters.push(resolve));
    }
    /**
     * Closes every connection (application close with `code`), waits for them to finish draining
     * or for `timeoutMs`, then stops the timer and closes the socket.
     */
    async close(options = {}) {
        if (this.#socketClosed)
            return;
        const now = this.clock.now();
        for (const connection of options.connections ?? []) {
            if (connection.state === 'handshaking' || connection.state === 'established') {
                connection.close(now, options.code ?? 0n, options.reason ?? '');
            }
        }
        this.#flush();
        const timeoutMs = options.timeoutMs ?? 2000;
        if (this.endpoint.connectionCount > 0 && timeoutMs > 0) {
            let bound;
            await Promise.race([
                this.whenIdle(),
                new Promise((resolve) => { bound = this.#timers.setTimer(resolve, timeoutMs); }),
            ]);
            this.#timers.clearTimer(bound);
        }
        this.#socketClosed = true;
        this.#disarm();
        this.#handlers.clear();
        await this.socket.close();
    }
    #flush() {
        if (this.#socketClosed)
            return;
        this.stats.flushes++;
        const endpoint = this.endpoint;
        let now = this.clock.now();
        let sent = 0;
        let pending = true;
        // Handlers may issue commands (e.g. a pending write continuing on 'streamWritable') that queue
        // more events or transmits, so alternate until both queues are empty.
        while (pending) {
            pending = false;
            for (let ev = endpoint.pollEvent(); ev !== undefined; ev = endpoint.pollEvent()) {
                pending = true;
                if (ev.type === 'accepted')
                    this.#onAccepted?.(ev.connection);
                else
                    this.#dispatch(ev.connection, ev.event);
            }
            now = this.clock.now();
            while (sent < this.#maxTransmitsPerFlush) {
                const slot = this.#pool.acquire();
                if (slot === undefined) {
                    this.#blockedOnBuffers = true; // every buffer is in flight: the next send callback wakes us
                    break;
                }
                const tx = endpoint.pollTransmit(now, slot);
                if (tx === undefined) {
                    this.#pool.release(slot);
                    break;
                }
                this.#inFlight.push(slot);
                this.socket.send(slot, 0, tx.size, tx.remote, this.#sendCallback);
                this.stats.datagramsSent++;
                sent++;
                pending = true;
            }
            if (sent >= this.#maxTransmitsPerFlush) {
                // Let received datagrams in before writing more; the rest goes out next turn.
                this.wake();
                break;
            }
        }
        this.#arm(now);
        if (endpoint.connectionCount === 0 && this.#idleWaiters.length > 0) {
            const waiters = this.#idleWaiters;
            this.#idleWaiters = [];
            for (const w of waiters)
                w();
        }
    }
    #dispatch(connection, event) {
        const handler = this.#handlers.get(connection.handle);
        if (event.type === 'closed')
            this.#handlers.delete(connection.handle);
        handler?.onConnectionEvent(event);
    }
    /** One OS timer for the whole endpoint, at pollTimeout(); untouched when the deadline is unchanged. */
    #arm(now) {
        const deadline = this.endpoint.pollTimeout();
        if (deadline === this.#armedDeadline && this.#timer !== undefined)
            return;
        this.#disarm();
        if (deadline === undefined)
            return;
        const delayMs = Math.min(Math.max(0, Math.ceil((deadline - now) / 1000)), MAX_TIMER_DELAY_MS);
        this.#armedDeadline = deadline;
        this.#timer = this.#timers.setTimer(this.#timerCallback, delayMs);
    }
    #disarm() {
        if (this.#timer !== undefined)
            this.#timers.clearTimer(this.#timer);
        this.#timer = undefined;
        this.#armedDeadline = undefined;
    }
}
//# sourceMappingURL=endpoint-driver.js.map