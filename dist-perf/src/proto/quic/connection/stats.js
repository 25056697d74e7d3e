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
    onDatagramSent(size) {
        this.datagramsSent++;
        this.bytesSent += size;
    }
    onDatagramReceived(size) {
        this.datagramsReceived++;
        this.bytesReceived += size;
    }
    snapshot(parts) {
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
            streams: { ...parts.streams },
            datagrams: { ...parts.datagrams },
        };
    }
}
//# sourceMappingURL=stats.js.map