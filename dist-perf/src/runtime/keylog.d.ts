export type KeyLogWriter = (label: string, clientRandom: Uint8Array, secret: Uint8Array) => void;
/** One key log line, newline included. */
export declare function formatKeyLogLine(label: string, clientRandom: Uint8Array, secret: Uint8Array): string;
/**
 * A writer appending to `path` (default: the SSLKEYLOGFILE environment variable), or undefined
 * when no path is set, so callers can skip key logging entirely.
 */
export declare function createKeyLogWriter(path?: string | undefined): KeyLogWriter | undefined;
