export function pkt(space, pn, timeSent, opts = {}) {
    const ackEliciting = opts.ackEliciting ?? true;
    return {
        pn, space, timeSent, size: opts.size ?? 1200, ackEliciting,
        inFlight: opts.inFlight ?? ackEliciting,
        frames: ackEliciting ? [{ type: 'ping' }] : [],
    };
}
/** ACK frame from inclusive [smallest, largest] pairs given in descending order. */
export function ack(...ranges) {
    return { type: 'ack', ackDelay: 0, ranges: ranges.map(([smallest, largest]) => ({ smallest, largest })) };
}
export const pns = (ps) => ps.map((p) => p.pn);
//# sourceMappingURL=helpers.js.map