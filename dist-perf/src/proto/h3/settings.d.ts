import type { RandomSource } from '../util/random.js';
export declare const H3SettingId: {
    readonly SETTINGS_QPACK_MAX_TABLE_CAPACITY: 1;
    readonly SETTINGS_MAX_FIELD_SECTION_SIZE: 6;
    readonly SETTINGS_QPACK_BLOCKED_STREAMS: 7;
    readonly SETTINGS_ENABLE_CONNECT_PROTOCOL: 8;
    readonly SETTINGS_H3_DATAGRAM: 51;
    /** draft-ietf-masque-h3-datagram-04..08; Chromium still sends it beside 0x33. */
    readonly SETTINGS_H3_DATAGRAM_DRAFT04: 16765559;
    /** WebTransport draft-02 (Chromium's default wire version). */
    readonly SETTINGS_ENABLE_WEBTRANSPORT: 727725890;
    /** WebTransport draft-07 .. -12. */
    readonly SETTINGS_WEBTRANSPORT_MAX_SESSIONS: 3329323114;
    /** WebTransport -13 / -14. */
    readonly SETTINGS_WT_MAX_SESSIONS: 350866729;
    /** WebTransport -15 / -16. */
    readonly SETTINGS_WT_ENABLED: 746385408;
    readonly SETTINGS_WT_INITIAL_MAX_DATA: 11105;
    readonly SETTINGS_WT_INITIAL_MAX_STREAMS_UNI: 11108;
    readonly SETTINGS_WT_INITIAL_MAX_STREAMS_BIDI: 11109;
};
export type H3SettingId = (typeof H3SettingId)[keyof typeof H3SettingId];
/** HTTP/2 setting ids reserved in HTTP/3: receiving one is H3_SETTINGS_ERROR (RFC 9114 §7.2.4.1, §11.2.2). */
export declare const H2OnlySettingId: {
    readonly SETTINGS_ENABLE_PUSH: 2;
    readonly SETTINGS_MAX_CONCURRENT_STREAMS: 3;
    readonly SETTINGS_INITIAL_WINDOW_SIZE: 4;
    readonly SETTINGS_MAX_FRAME_SIZE: 5;
};
/**
 * Decoded SETTINGS: id -> value. Reserved (GREASE) ids are dropped; other unknown ids are kept so
 * that upper layers can read ids this file does not know. Ids and values above 2^53 - 1 cannot be
 * held exactly: such ids are unknown by construction and are dropped, such values saturate to
 * Number.MAX_SAFE_INTEGER (e.g. WT_MAX_SESSIONS = 2^62 - 1 sent by webtransport-go).
 */
export type H3Settings = Map<number, number>;
/** What the encoder accepts: a map or a list of pairs; bigint for 62-bit values. */
export type H3SettingsInput = ReadonlyMap<number | bigint, number | bigint> | ReadonlyArray<readonly [number | bigint, number | bigint]>;
/** Decodes and validates a SETTINGS frame payload; throws H3Error(H3_SETTINGS_ERROR | H3_FRAME_ERROR). */
export declare function decodeSettingsPayload(payload: Uint8Array): H3Settings;
/** Encodes a SETTINGS payload in the given order. Throws RangeError for our own bad input (duplicates, HTTP/2 ids). */
export declare function encodeSettingsPayload(settings: H3SettingsInput): Uint8Array;
/** A GREASE setting (RFC 9114 §7.2.4.1 says to send at least one): reserved id, random small value. */
export declare function greaseSetting(rng: RandomSource): [number, number];
/** The settings this file interprets, with RFC defaults applied. */
export interface H3SettingsView {
    readonly qpackMaxTableCapacity: number;
    /** Infinity when absent (RFC 9114 default: unlimited). */
    readonly maxFieldSectionSize: number;
    readonly qpackBlockedStreams: number;
    readonly enableConnectProtocol: boolean;
    /** RFC 9297 SETTINGS_H3_DATAGRAM (0x33) = 1, or the draft-04 id 0xffd277 = 1. */
    readonly h3Datagram: boolean;
}
export declare function viewSettings(s: ReadonlyMap<number, number>): H3SettingsView;
