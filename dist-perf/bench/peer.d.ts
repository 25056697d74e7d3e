export type Scenario = 'upload' | 'download' | 'handshake' | 'datagram';
export type Stack = 'ours' | 'quiche';
export interface HandshakeSample {
    count: number;
    seconds: number;
    perSecond: number;
    msMedian: number;
    msMin: number;
    msMax: number;
}
export interface ClientReport {
    ok: boolean;
    samples: unknown[];
    notes: string[];
    error?: string;
}
