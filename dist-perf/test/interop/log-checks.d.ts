/**
 * Readers for the evidence the interop peers print: ngtcp2's VERBOSE=1 log, the impairment proxy's
 * amplification line, @matrixai's client log and our CLI client's one JSON line. The ngtcp2 example
 * client exits 0 even when the handshake fails, so these lines are the verdict, not exit codes.
 */
/** "QUIC handshake has completed" (printed by both gtlsclient and gtlsserver). */
export declare function ngtcp2HandshakeCompleted(log: string): boolean;
/** "Negotiated ALPN is h3" → "h3". */
export declare function ngtcp2NegotiatedAlpn(log: string): string | undefined;
/** "Negotiated cipher suite is CHACHA20-POLY1305" → "CHACHA20-POLY1305". */
export declare function ngtcp2NegotiatedCipher(log: string): string | undefined;
/** A Retry seen by the client ("type=Retry") or sent by the server ("Sending Retry packet"). */
export declare function ngtcp2SawRetry(log: string): boolean;
/** Versions listed in received Version Negotiation packets ("pkt rx 0 VN v=0x00000001"), lower case. */
export declare function ngtcp2VersionNegotiationVersions(log: string): string[];
/** Whether a Version Negotiation packet was received at all ("type=VN"). */
export declare function ngtcp2ReceivedVersionNegotiation(log: string): boolean;
/** CONNECTION_CLOSE frames in the log, e.g. "frm rx 3 1RTT CONNECTION_CLOSE(0x1c) error_code=..." lines. */
export declare function ngtcp2ConnectionCloses(log: string): string[];
export interface AmplificationReport {
    serverBytes: number;
    clientBytes: number;
    ratio: number;
    ok: boolean;
}
/** "[proxy] amplification: server sent 2745B for 1200B received = 2.29x OK (<= 3x)". */
export declare function proxyAmplification(log: string): AmplificationReport | undefined;
export interface ProxyDirectionStats {
    packets: number;
    bytes: number;
    dropped: number;
}
/** "[proxy] c2s: 12 pkts 9000B, forwarded 8800B, dropped 1, corrupted 0" for c2s or s2c. */
export declare function proxyStats(log: string, direction: 'c2s' | 's2c'): ProxyDirectionStats | undefined;
export interface MatrixaiEchoReport {
    ok: boolean;
    certChainLength: number | undefined;
    bidiEchoed: number;
    uniEchoed: number;
    datagramsSent: number | undefined;
    datagramsEchoed: number | undefined;
}
/** Summary of `matrixai-client.mjs --mode echo` output (its final "OK mode=echo" line means success). */
export declare function matrixaiEchoReport(log: string): MatrixaiEchoReport;
/** The last line of our CLI client's stdout that parses as a JSON object (it prints exactly one). */
export declare function parseClientReport(stdout: string): Record<string, unknown> | undefined;
/** `{"listening":"127.0.0.1:4433"}` (or "[::1]:4433") from our server's first stdout line → port. */
export declare function parseListeningPort(line: string): number | undefined;
/** Whether a cipher name/id reported by our client is ChaCha20-Poly1305 (0x1303). */
export declare function isChaCha20(cipher: unknown): boolean;
