/** Counters of one connection, and the snapshot handed to users (rtt, window, packets, bytes). */
import type { RttEstimator } from '../recovery/rtt.js';
import type { Micros } from '../../util/time.js';

export interface ConnectionStats {
  smoothedRttMicros: Micros;
  minRttMicros: Micros;
  latestRttMicros: Micros;
  rttVarianceMicros: Micros;
  congestionWindow: number;
  bytesInFlight: number;
  packetsSent: number;
  packetsReceived: number;
  packetsLost: number;
  datagramsSent: number;
  datagramsReceived: number;
  bytesSent: number;
  bytesReceived: number;
  ptoCount: number;
  decryptionFailures: number;
  retries: number;
  /** Largest UDP payload the path has been validated for (PMTU discovery); 1200 before that. */
  maxPacketSize: number;
  /** PMTU probes declared lost (not counted in packetsLost: they signal no congestion). */
  pmtuProbesLost: number;
  streams: Record<string, number>;
  datagrams: Record<string, number>;
}

export class ConnectionStatsCounter {
  packetsSent = 0;
  packetsReceived = 0;
  packetsLost = 0;
  datagramsSent = 0;
  datagramsReceived = 0;
  bytesSent = 0;
  bytesReceived = 0;
  ptoCount = 0;
  decryptionFailures = 0;
  retries = 0;

  onDatagramSent(size: number): void {
    this.datagramsSent++;
    this.bytesSent += size;
  }

  onDatagramReceived(size: number): void {
    this.datagramsReceived++;
    this.bytesReceived += size;
  }

  snapshot(parts: {
    rtt: RttEstimator; cwnd: number; bytesInFlight: number; maxPacketSize: number; pmtuProbesLost: number; streams: object; datagrams: object;
  }): ConnectionStats {
    return {
      smoothedRttMicros: parts.rtt.smoothedRtt,
      minRttMicros: parts.rtt.minRtt,
      latestRttMicros: parts.rtt.latestRtt,
      rttVarianceMicros: parts.rtt.rttVar,
      congestionWindow: parts.cwnd,
      bytesInFlight: parts.bytesInFlight,
      packetsSent: this.packetsSent,
      packetsReceived: this.packetsReceived,
      packetsLost: this.packetsLost,
      datagramsSent: this.datagramsSent,
      datagramsReceived: this.datagramsReceived,
      bytesSent: this.bytesSent,
      bytesReceived: this.bytesReceived,
      ptoCount: this.ptoCount,
      decryptionFailures: this.decryptionFailures,
      retries: this.retries,
      maxPacketSize: parts.maxPacketSize,
      pmtuProbesLost: parts.pmtuProbesLost,
      streams: { ...parts.streams } as Record<string, number>,
      datagrams: { ...parts.datagrams } as Record<string, number>,
    };
  }
}
