import type { SocketAddress } from '../runtime/proto-types.js';
/** Modes are open-ended: h3 and wt modes are added later beside echo. */
export declare const INTEROP_MODES: readonly ["echo"];
export type InteropMode = (typeof INTEROP_MODES)[number];
export interface ServerArgs {
    role: 'server';
    mode: InteropMode;
    alpn: string[];
    listen: SocketAddress;
    cert: string;
    key: string;
    retry: boolean;
    keylog: string | undefined;
}
export interface ClientArgs {
    role: 'client';
    mode: InteropMode;
    alpn: string[];
    connect: SocketAddress;
    ca: string | undefined;
    insecure: boolean;
    sni: string | undefined;
    bytes: number;
    streams: number;
    uni: number;
    datagrams: number;
    chacha20: boolean;
    timeoutSeconds: number;
    keylog: string | undefined;
}
export type InteropArgs = ServerArgs | ClientArgs;
export declare class UsageError extends Error {
    constructor(message: string);
}
export declare const USAGE = "usage:\n  tswebtransport-interop server --mode echo --alpn <alpn> --listen <host>:<port> --cert <pem> --key <pem> [--retry] [--keylog FILE]\n  tswebtransport-interop client --mode echo --alpn <alpn> --connect <host>:<port> [--ca <pem> | --insecure] [--sni <name>]\n                                [--bytes N] [--streams K] [--uni U] [--datagrams D] [--chacha20] [--timeout S] [--keylog FILE]\n  IPv6 addresses are written [::1]:4433; --alpn may be repeated or comma-separated.";
export declare function parseInteropArgs(argv: string[]): InteropArgs;
