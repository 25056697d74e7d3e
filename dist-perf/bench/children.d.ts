import type { ClientReport } from './peer.js';
export interface ServerProcess {
    ports: Record<string, number>;
    notes: string[];
    stop(): Promise<void>;
}
export declare function startServer(args: string[], nodeFlags: string[], timeoutMs?: number): Promise<ServerProcess>;
export declare function runClient(args: string[], nodeFlags: string[], timeoutMs: number): Promise<ClientReport>;
