import { type BenchConnection } from './bench-protocol.js';
import type { CertFiles } from './credentials.js';
interface NativeConnection {
    dgramSend(data: Uint8Array): void | null;
    dgramSendQueueLen(): number;
    dgramRecvVec(): Uint8Array | null;
}
interface QStream {
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;
    readonly type?: 'bidi' | 'uni';
}
interface QConnection extends EventTarget {
    readonly conn: NativeConnection;
    newStream(type?: 'bidi' | 'uni'): QStream;
    processStreams(): void;
    send(): Promise<void>;
}
interface QClient {
    readonly connection: QConnection;
    destroy(o?: {
        isApp?: boolean;
        errorCode?: number;
        force?: boolean;
    }): Promise<void>;
}
interface QServer extends EventTarget {
    readonly port: number;
    start(o: {
        host: string;
        port: number;
    }): Promise<void>;
    stop(o?: {
        force?: boolean;
    }): Promise<void>;
}
interface QSocket {
    start(o: {
        host: string;
        port?: number;
    }): Promise<void>;
    stop(o?: {
        force?: boolean;
    }): Promise<void>;
}
interface MatrixaiModules {
    quic: {
        QUICServer: new (o: object) => QServer;
        QUICClient: {
            createQUICClient(o: object, ctx?: object): Promise<QClient>;
        };
        QUICSocket: new (o: object) => QSocket;
        events: Record<string, {
            name: string;
        }>;
    };
    logger: {
        default: new (name: string, level: number, handlers: unknown[]) => unknown;
        LogLevel: Record<string, number>;
        StreamHandler: new () => unknown;
    };
}
/** Where the interop kit lives: $INTEROP_KIT, ../shared/interop/peers from the repo root, or /work/shared. */
export declare function interopKitDir(): string;
export declare function loadMatrixai(workDir: string): Promise<MatrixaiModules>;
/** Starts a quiche echo-less bench server (it always answers the first Initial with a Retry). */
export declare function startQuicheServer(workDir: string, files: CertFiles): Promise<{
    port: number;
    stop(): Promise<void>;
}>;
export interface QuicheDialer {
    dial(): Promise<{
        bench: BenchConnection;
        datagramsSent(accepted: number): number;
    }>;
    close(): Promise<void>;
}
/** A client socket shared by every connection it dials. */
export declare function quicheDialer(workDir: string, port: number, files: CertFiles, verify: boolean): Promise<QuicheDialer>;
export {};
