/**
 * Datagram Packetization Layer PMTU Discovery (RFC 8899 §5, RFC 9000 §14.3) for one path, as a
 * pure state machine: the connection asks which probe size to send, reports when probes and
 * ordinary packets are acknowledged or lost, and reads `current` (the validated packet size).
 *
 * Search: the common Ethernet answer (1452) first, then the upper bound itself, then a binary
 * search between the largest acknowledged and the smallest failed size. A size whose probe is
 * lost MAX_PROBES times in a row is taken as too big. Black holes (RFC 8899 §4.3, simplified):
 * BLACK_HOLE_LOSSES full-size packets lost in a row, none larger than the base size acknowledged
 * after them, drop back to the base size and start the search again.
 */

/** The QUIC minimum every path must carry (RFC 9000 §14). */
export const PMTU_BASE = 1200;
/** RFC 8899 §5.1.2 MAX_PROBES. */
export const MAX_PROBES = 3;
/** Tried first: the UDP payload of a 1500-byte Ethernet path over IPv6. */
export const PMTU_FIRST_PROBE = 1452;
/** The search ends once the gap between known-good and known-bad sizes is below this. */
export const PMTU_SEARCH_STEP = 64;
/** Consecutive losses of packets larger than the base that signal a black hole. */
export const BLACK_HOLE_LOSSES = 3;

export type PmtudPhase = 'disabled' | 'searching' | 'complete';

export class PmtuDiscovery {
  /** The largest packet size known to pass (what the connection may send). */
  current = PMTU_BASE;
  /** Probes declared lost so far (they signal no congestion). */
  probesLost = 0;
  /** Black holes detected (each dropped the size to the base). */
  blackHoles = 0;
  private readonly upperBound: number;
  /** Smallest size known (or assumed) not to pass, minus one: the search's ceiling. */
  private ceiling: number;
  /** The ceiling is a bound, not a failed size: probe it before halving the gap. */
  private ceilingUntried = true;
  private probeInFlight: number | undefined;
  /** The size being probed and how many of its probes were lost. */
  private target: number | undefined;
  private failures = 0;
  /** Packet number of the largest acknowledged packet larger than the base. */
  private largestAckedBigPn = -1;
  private bigLossRun = 0;

  /**
   * `upperBound`: min(peer max_udp_payload_size, our local bound); <= base disables probing.
   * `assumed`: the size used before any probe (clamped to the bound): packets of that size that
   * keep getting lost are a black hole, which drops the size to the base and restarts the search.
   */
  constructor(upperBound: number, assumed: number = PMTU_BASE) {
    this.upperBound = Math.max(PMTU_BASE, Math.floor(upperBound));
    this.current = Math.min(this.upperBound, Math.max(PMTU_BASE, Math.floor(assumed)));
    this.ceiling = this.upperBound;
    this.target = this.nextTarget();
  }

  get phase(): PmtudPhase {
    if (this.upperBound <= PMTU_BASE) return 'disabled';
    return this.target === undefined ? 'complete' : 'searching';
  }

  /** The size of the probe to send now, or undefined (search over, or one probe in flight). */
  probeSize(): number | undefined {
    return this.probeInFlight === undefined ? this.target : undefined;
  }

  /** The sender cannot write packets above `size` bytes (its buffers are smaller): search below. */
  capAt(size: number): void {
    if (size >= this.ceiling) return;
    this.ceiling = Math.max(this.current, size);
    this.ceilingUntried = true;
    this.failures = 0;
    this.target = this.nextTarget();
  }

  /** A probe of `size` bytes left. */
  onProbeSent(size: number): void {
    this.probeInFlight = size;
  }

  /** A probe was acknowledged: its size passes; returns true when `current` grew. */
  onProbeAcked(size: number, pn: number): boolean {
    this.noteBigAcked(size, pn);
    if (size === this.probeInFlight) this.probeInFlight = undefined;
    if (size <= this.current) return false;
    this.current = size;
    this.failures = 0;
    this.target = this.nextTarget();
    return true;
  }

  /** A probe was declared lost: after MAX_PROBES losses of one size it counts as too big. */
  onProbeLost(size: number): void {
    this.probesLost++;
    if (size === this.probeInFlight) this.probeInFlight = undefined;
    if (size !== this.target) return;
    if (++this.failures < MAX_PROBES) return;
    this.failures = 0;
    this.ceiling = Math.min(this.ceiling, size - 1);
    this.ceilingUntried = false;
    this.target = this.nextTarget();
  }

  /** An ordinary (non-probe) packet was acknowledged. */
  onPacketAcked(size: number, pn: number): void {
    this.noteBigAcked(size, pn);
  }

  /**
   * An ordinary packet was declared lost. Returns true when this reveals a black hole: `current`
   * is back at the base size and the search restarts (the caller shrinks its packets).
   */
  onPacketLost(size: number, pn: number): boolean {
    if (size <= PMTU_BASE || this.current <= PMTU_BASE || pn < this.largestAckedBigPn) return false;
    if (++this.bigLossRun < BLACK_HOLE_LOSSES) return false;
    this.blackHoles++;
    this.current = PMTU_BASE;
    this.ceiling = this.upperBound;
    this.ceilingUntried = true;
    this.failures = 0;
    this.bigLossRun = 0;
    this.probeInFlight = undefined;
    this.target = this.nextTarget();
    return true;
  }

  private noteBigAcked(size: number, pn: number): void {
    if (size <= PMTU_BASE) return;
    this.bigLossRun = 0;
    if (pn > this.largestAckedBigPn) this.largestAckedBigPn = pn;
  }

  /** The next size to try, or undefined when the search is complete. */
  private nextTarget(): number | undefined {
    const lo = this.current;
    const hi = this.ceiling;
    if (hi - lo < PMTU_SEARCH_STEP) return undefined;
    if (lo < PMTU_FIRST_PROBE && PMTU_FIRST_PROBE <= hi) return PMTU_FIRST_PROBE;
    // Optimistic jump to the bound first (loopback reaches it in one probe), then halve the gap.
    if (this.ceilingUntried) return hi;
    return Math.floor((lo + hi + 1) / 2);
  }
}

/** Whether `address` is a loopback address (127.0.0.0/8, ::1 or the IPv4-mapped 127/8), by text alone. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4);
}
