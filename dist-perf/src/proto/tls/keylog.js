/** NSS key log format (SSLKEYLOGFILE), as read by Wireshark. */
import { toHex } from '../util/bytes.js';
export const KeyLogLabel = {
    CLIENT_HANDSHAKE_TRAFFIC_SECRET: 'CLIENT_HANDSHAKE_TRAFFIC_SECRET',
    SERVER_HANDSHAKE_TRAFFIC_SECRET: 'SERVER_HANDSHAKE_TRAFFIC_SECRET',
    CLIENT_TRAFFIC_SECRET_0: 'CLIENT_TRAFFIC_SECRET_0',
    SERVER_TRAFFIC_SECRET_0: 'SERVER_TRAFFIC_SECRET_0',
};
/** One line, without the trailing newline: `<label> <client random hex> <secret hex>`. */
export function formatKeyLogLine(label, clientRandom, secret) {
    return `${label} ${toHex(clientRandom)} ${toHex(secret)}`;
}
//# sourceMappingURL=keylog.js.map