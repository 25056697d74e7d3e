/**
 * SSLKEYLOGFILE support: appends NSS key log lines (`LABEL <client_random hex> <secret hex>`) so
 * Wireshark can decrypt captured QUIC. Debug only: the file holds live traffic secrets, hence
 * owner-only permissions and synchronous appends (lines land before the packets they unlock).
 */
import { appendFileSync } from 'node:fs';
import { toHex } from '../proto/util/bytes.js';
/** NSS key log labels are upper-case words; anything else would corrupt the file. */
const LABEL = /^[A-Z0-9_]+$/;
/** One key log line, newline included. */
export function formatKeyLogLine(label, clientRandom, secret) {
    if (!LABEL.test(label))
        throw new RangeError(`invalid key log label: ${JSON.stringify(label)}`);
    return `${label} ${toHex(clientRandom)} ${toHex(secret)}\n`;
}
/**
 * A writer appending to `path` (default: the SSLKEYLOGFILE environment variable), or undefined
 * when no path is set, so callers can skip key logging entirely.
 */
export function createKeyLogWriter(path = process.env['SSLKEYLOGFILE']) {
    if (path === undefined || path === '')
        return undefined;
    return (label, clientRandom, secret) => {
        appendFileSync(path, formatKeyLogLine(label, clientRandom, secret), { mode: 0o600 });
    };
}
//# sourceMappingURL=keylog.js.map