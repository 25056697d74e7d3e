/**
 * Readers for the evidence the interop peers print: ngtcp2's VERBOSE=1 log, the impairment proxy's
 * amplification line, @matrixai's client log and our CLI client's one JSON line. The ngtcp2 example
 * client exits 0 even when the handshake fails, so these lines are the verdict, not exit codes.
 */

/** "QUIC handshake has completed" (printed by both gtlsclient and gtlsserver). */
export function ngtcp2HandshakeCompleted(log: string): boolean {
  return /^QUIC handshake has completed$/m.test(log);
}

/** "Negotiated ALPN is h3" → "h3". */
export function ngtcp2NegotiatedAlpn(log: string): string | undefined {
  return /^Negotiated ALPN is (\S+)$/m.exec(log)?.[1];
}

/** "Negotiated cipher suite is CHACHA20-POLY1305" → "CHACHA20-POLY1305". */
export function ngtcp2NegotiatedCipher(log: string): string | undefined {
  return /^Negotiated cipher suite is (\S+)$/m.exec(log)?.[1];
}

/** A Retry seen by the client ("type=Retry") or sent by the server ("Sending Retry packet"). */
export function ngtcp2SawRetry(log: string): boolean {
  return /\btype=Retry\b/.test(log) || /^Sending Retry packet/m.test(log);
}

/** Versions listed in received Version Negotiation packets ("pkt rx 0 VN v=0x00000001"), lower case. */
export function ngtcp2VersionNegotiationVersions(log: string): string[] {
  return [...log.matchAll(/\bpkt rx \d+ VN v=(0x[0-9a-fA-F]{8})\b/g)].map((m) => m[1]!.toLowerCase());
}

/** Whether a Version Negotiation packet was received at all ("type=VN"). */
export function ngtcp2ReceivedVersionNegotiation(log: string): boolean {
  return /\bpkt rx pkn=\d+ .*\btype=VN\b/.test(log);
}

/** CONNECTION_CLOSE frames in the log, e.g. "frm rx 3 1RTT CONNECTION_CLOSE(0x1c) error_code=..." lines. */
export function ngtcp2ConnectionCloses(log: string): string[] {
  return log.split('\n').filter((line) => /CONNECTION_CLOSE\(0x1[cd]\)/.test(line)).map((line) => line.trim());
}

export interface AmplificationReport {
  serverBytes: number;
  clientBytes: number;
  ratio: number;
  ok: boolean;
}

/** "[proxy] amplification: server sent 2745B for 1200B received = 2.29x OK (<= 3x)". */
export function proxyAmplification(log: string): AmplificationReport | undefined {
  const m = /amplification: server sent (\d+)B for (\d+)B received = ([\d.]+)x (OK|VIOLATION)/.exec(log);
  if (!m) return undefined;
  return { serverBytes: Number(m[1]), clientBytes: Number(m[2]), ratio: Number(m[3]), ok: m[4] === 'OK' };
}

export interface ProxyDirectionStats {
  packets: number;
  bytes: number;
  dropped: number;
}

/** "[proxy] c2s: 12 pkts 9000B, forwarded 8800B, dropped 1, corrupted 0" for c2s or s2c. */
export function proxyStats(log: string, direction: 'c2s' | 's2c'): ProxyDirectionStats | undefined {
  const m = new RegExp(`\\[proxy\\] ${direction}: (\\d+) pkts (\\d+)B, forwarded \\d+B, dropped (\\d+)`).exec(log);
  if (!m) return undefined;
  return { packets: Number(m[1]), bytes: Number(m[2]), dropped: Number(m[3]) };
}

export interface MatrixaiEchoReport {
  ok: boolean;
  certChainLength: number | undefined;
  bidiEchoed: number;
  uniEchoed: number;
  datagramsSent: number | undefined;
  datagramsEchoed: number | undefined;
}

/** Summary of `matrixai-client.mjs --mode echo` output (its final "OK mode=echo" line means success). */
export function matrixaiEchoReport(log: string): MatrixaiEchoReport {
  const chain = /server cert chain length (\d+)/.exec(log);
  const datagrams = /datagrams: sent (\d+), echoed back (\d+)/.exec(log);
  return {
    ok: /\] OK mode=echo\b/.test(log),
    certChainLength: chain ? Number(chain[1]) : undefined,
    bidiEchoed: [...log.matchAll(/bidi stream \d+: \d+ bytes echoed OK/g)].length,
    uniEchoed: [...log.matchAll(/uni stream \d+: \d+ bytes echoed OK/g)].length,
    datagramsSent: datagrams ? Number(datagrams[1]) : undefined,
    datagramsEchoed: datagrams ? Number(datagrams[2]) : undefined,
  };
}

/** The last line of our CLI client's stdout that parses as a JSON object (it prints exactly one). */
export function parseClientReport(stdout: string): Record<string, unknown> | undefined {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('{'));
  for (let i = lines.length - 1; i >= 0; i--) {
    try {
      const value: unknown = JSON.parse(lines[i]!);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    } catch {
      // Not the report line; keep looking.
    }
  }
  return undefined;
}

/** `{"listening":"127.0.0.1:4433"}` (or "[::1]:4433") from our server's first stdout line → port. */
export function parseListeningPort(line: string): number | undefined {
  const m = /"listening"\s*:\s*"([^"]+)"/.exec(line);
  if (!m) return undefined;
  const port = Number(m[1]!.slice(m[1]!.lastIndexOf(':') + 1));
  return Number.isInteger(port) && port > 0 && port < 65536 ? port : undefined;
}

/** Whether a cipher name/id reported by our client is ChaCha20-Poly1305 (0x1303). */
export function isChaCha20(cipher: unknown): boolean {
  if (typeof cipher === 'number') return cipher === 0x1303;
  return typeof cipher === 'string' && /chacha20/i.test(cipher);
}

/** `hash  name` lines of the kit's www/SHA256SUMS → name → hex digest. */
export function parseSha256Sums(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^([0-9a-f]{64})\s+\*?(\S+)$/.exec(line.trim());
    if (m) out.set(m[2]!, m[1]!);
  }
  return out;
}

export interface OurH3RequestLog {
  method: string;
  path: string;
  status: number;
  bytes: number;
}

/** The `{"h3request":{...}}` lines our `--mode h3` server prints on stderr, one per request served. */
export function ourH3Requests(log: string): OurH3RequestLog[] {
  const out: OurH3RequestLog[] = [];
  for (const line of log.split('\n')) {
    if (!line.startsWith('{"h3request"')) continue;
    try {
      out.push((JSON.parse(line) as { h3request: OurH3RequestLog }).h3request);
    } catch {
      // A line cut by the log cap: ignore.
    }
  }
  return out;
}
