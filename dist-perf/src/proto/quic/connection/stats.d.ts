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
    streams: Record<string, number>;
    datagrams: Record<string, number>;
}
export declare class ConnectionStatsCounter {
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
    onDatagramSent(size: number): void;
    onDatagramReceived(size: number): void;
    snapshot(parts: {
        rtt: RttEstimator;
        cwnd: number;
        bytesInFlight: number;
        streams: object;
        datagrams: object;
    }): ConnectionStats;
}
