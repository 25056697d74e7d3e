/** Incremental FNV-1a 64 on two 32-bit halves (no BigInt on the per-byte path). */
export class Fnv1a64 {
    hi = 0xcbf29ce4;
    lo = 0x84222325;
    byte(b) {
        const lo = (this.lo ^ (b & 0xff)) >>> 0;
        // h * 0x100000001b3 mod 2^64 = h * 0x1b3 + (h << 40)
        const loMul = lo * 0x1b3;
        const carry = Math.floor(loMul / 0x1_0000_0000);
        this.lo = loMul >>> 0;
        this.hi = (this.hi * 0x1b3 + carry + ((lo << 8) >>> 0)) >>> 0;
    }
    bytes(data) {
        for (let i = 0; i < data.length; i++)
            this.byte(data[i]);
    }
    /** A non-negative safe integer, as 8 little-endian bytes. */
    u64(n) {
        let lo = n >>> 0;
        let hi = Math.floor(n / 0x1_0000_0000) >>> 0;
        for (let i = 0; i < 4; i++, lo >>>= 8)
            this.byte(lo);
        for (let i = 0; i < 4; i++, hi >>>= 8)
            this.byte(hi);
    }
    string(s) {
        this.u64(s.length);
        for (let i = 0; i < s.length; i++) {
            const c = s.charCodeAt(i);
            this.byte(c);
            this.byte(c >>> 8);
        }
    }
    /** The hash as 16 lowercase hex digits. */
    hex() {
        return this.hi.toString(16).padStart(8, '0') + this.lo.toString(16).padStart(8, '0');
    }
}
export class Transcript {
    entries = [];
    fnv = new Fnv1a64();
    keepBytes;
    sendsOnly;
    constructor(options = {}) {
        this.keepBytes = options.keepBytes ?? false;
        this.sendsOnly = options.sendsOnly ?? false;
    }
    /** Starts recording `network`; returns a function that stops. */
    attach(network) {
        return network.observe({
            onSend: (now, direction, data) => this.record('send', now, direction, data),
            onDeliver: (d) => {
                if (!this.sendsOnly)
                    this.record('deliver', d.deliverAt, d.direction, d.data);
            },
        });
    }
    record(kind, time, direction, data) {
        this.entries.push({ kind, time, direction, length: data.length, bytes: this.keepBytes ? data.slice() : undefined });
        const f = this.fnv;
        f.byte(kind === 'send' ? 0x53 : 0x44);
        f.u64(time);
        f.string(direction);
        f.u64(data.length);
        f.bytes(data);
    }
    /** Hash of everything recorded so far (16 hex digits). */
    hash() {
        return this.fnv.hex();
    }
    get count() {
        return this.entries.length;
    }
}
//# sourceMappingURL=transcript.js.map