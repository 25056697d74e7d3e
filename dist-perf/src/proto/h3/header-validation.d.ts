import type { RequestPseudoHeaders } from './extended-connect.js';
/** A decoded field line, as QPACK produces it. */
export type HeaderField = readonly [name: string, value: string];
export type HeaderList = ReadonlyArray<HeaderField>;
export type { RequestPseudoHeaders } from './extended-connect.js';
export interface ValidatedResponse {
    readonly status: number;
}
export interface RequestValidationOptions {
    /** Whether this endpoint sent SETTINGS_ENABLE_CONNECT_PROTOCOL = 1 (allows `:protocol`). Default false. */
    readonly extendedConnectEnabled?: boolean;
}
/** Throws unless `name` is a non-empty lowercase token (regular field names only). */
export declare function checkFieldName(name: string): void;
/** Throws if `value` holds NUL, CR or LF (RFC 9110 §5.5: invalid and dangerous). */
export declare function checkFieldValue(name: string, value: string): void;
/**
 * Validates a request header section and returns its control data. Applies the CONNECT and
 * extended CONNECT rules (RFC 9220) and, for other methods, RFC 9114 §4.3.1.
 */
export declare function validateRequestHeaders(headers: HeaderList, options?: RequestValidationOptions): RequestPseudoHeaders;
/** Validates a response header section (interim or final); returns its status. */
export declare function validateResponseHeaders(headers: HeaderList): ValidatedResponse;
/** Validates a trailer section: regular fields only. */
export declare function validateTrailers(headers: HeaderList): void;
/** 1xx responses are interim: a final response still follows (RFC 9114 §4.1). */
export declare function isInformationalStatus(status: number): boolean;
/**
 * The declared content length, or undefined when absent. Repeated fields and comma lists must
 * all hold the same decimal value (RFC 9110 §8.6).
 */
export declare function parseContentLength(headers: HeaderList): number | undefined;
/**
 * Checks received body bytes against the declared length: never more, and exactly that much
 * once the message has ended (RFC 9114 §4.1.2).
 */
export declare function checkContentLength(declared: number | undefined, received: number, ended: boolean): void;
