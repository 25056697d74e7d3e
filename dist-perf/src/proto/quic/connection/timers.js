export const TimerKind = {
    IDLE: 0,
    LOSS_DETECTION: 1,
    ACK_DELAY: 2,
    CLOSE: 3,
    KEY_DISCARD: 4,
    PACING: 5,
    HANDSHAKE: 6,
};
const COUNT = 7;
export class TimerTable {
    deadlines = new Array(COUNT).fill(undefined);
    set(kind, at) {
        this.deadlines[kind] = at;
    }
    get(kind) {
        return this.deadlines[kind];
    }
    stop(kind) {
        this.deadlines[kind] = undefined;
    }
    isExpired(kind, now) {
        const d = this.deadlines[kind];
        return d !== undefined && d <= now;
    }
    next() {
        let min;
        for (const d of this.deadlines)
            if (d !== undefined && (min === undefined || d < min))
                min = d;
        return min;
    }
    clearAll() {
        this.deadlines.fill(undefined);
    }
}
//# sourceMappingURL=timers.js.map