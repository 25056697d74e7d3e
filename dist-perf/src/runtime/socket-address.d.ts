import type { SocketAddress } from './proto-types.js';
export declare class AddressParseError extends Error {
    constructor(message: string);
}
/** Accepts "127.0.0.1:4433", "[::1]:4433", "localhost:4433"; a bare IPv6 literal needs brackets. */
export declare function parseHostPort(text: string): SocketAddress;
export declare function formatHostPort(addr: SocketAddress): string;
/** The socket family a host needs: IPv6 literals use udp6, everything else udp4. */
export declare function udpFamilyFor(host: string): 'udp4' | 'udp6';
