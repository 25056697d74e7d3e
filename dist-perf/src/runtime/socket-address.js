/** Parsing and formatting of "host:port" strings, with IPv6 literals written as [::1]:4433. */
import { isIP } from 'node:net';
export class AddressParseError extends Error {
    constructor(message) {
        super(message);
        this.name = 'AddressParseError';
    }
}
/** Accepts "127.0.0.1:4433", "[::1]:4433", "localhost:4433"; a bare IPv6 literal needs brackets. */
export function parseHostPort(text) {
    let host;
    let portText;
    if (text.startsWith('[')) {
        const close = text.indexOf(']');
        if (close < 0 || text[close + 1] !== ':')
            throw new AddressParseError(`bad address "${text}": expected [ipv6]:port`);
        host = text.slice(1, close);
        if (isIP(host) !== 6)
            throw new AddressParseError(`bad address "${text}": not an IPv6 literal`);
        portText = text.slice(close + 2);
    }
    else {
        const colon = text.lastIndexOf(':');
        if (colon <= 0)
            throw new AddressParseError(`bad address "${text}": expected host:port`);
        host = text.slice(0, colon);
        if (host.includes(':'))
            throw new AddressParseError(`bad address "${text}": write IPv6 as [addr]:port`);
        portText = text.slice(colon + 1);
    }
    if (!/^\d{1,5}$/.test(portText))
        throw new AddressParseError(`bad port in "${text}"`);
    const port = Number(portText);
    if (port > 65535)
        throw new AddressParseError(`port out of range in "${text}"`);
    return { address: host, port };
}
export function formatHostPort(addr) {
    return isIP(addr.address) === 6 ? `[${addr.address}]:${addr.port}` : `${addr.address}:${addr.port}`;
}
/** The socket family a host needs: IPv6 literals use udp6, everything else udp4. */
export function udpFamilyFor(host) {
    return isIP(host) === 6 ? 'udp6' : 'udp4';
}
//# sourceMappingURL=socket-address.js.map