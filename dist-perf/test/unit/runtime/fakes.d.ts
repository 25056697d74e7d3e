/** Small fakes of the proto Endpoint/Connection and of the runtime seams, for driver and API tests. */
import type { Micros } from '../../../src/proto/util/time.js';
import type { ConnectionEvent, ProtoClientConnectOptions, ProtoConnection, ProtoConnectionState, ProtoConnectionStats, ProtoEndpoint, ProtoEndpointEvent, SocketAddress, StreamDirection, Transmit } from '../../../src/runtime/proto-types.js';
import type { TimerHandle, TimerScheduler } from '../../../src/runtime/timer-scheduler.js';
import type { DatagramSocket, SendCallback } from '../../../src/runtime/udp-socket.js';
export interface FakeStreamState {
    recv: Uint8Array[];
    recvFin: boolean;
    sendCapacity: number;
    sent: number[];
    finSent: boolean;
    reset?: bigint;
    stopped?: bigint;
}
export declare class FakeConnection implements ProtoConnection {
    #private;
    static nextHandle: number;
    readonly handle: number;
    readonly isServer: boolean;
    readonly remote: SocketAddress;
    state: ProtoConnectionState;
    alpn: string | undefined;
    maxDatagramSize: number;
    readonly streams: Map<number, FakeStreamState>;
    readonly datagramsOut: Uint8Array[];
    readonly datagramsIn: Uint8Array[];
    readonly calls: string[];
    readStreamCalls: number;
    streamLimit: Record<StreamDirection, number>;
    defaultSendCapacity: number;
    closedWith: {
        code: bigint;
        reason: string | undefined;
    } | undefined;
    constructor(isServer: boolean, remote: SocketAddress, emit: (c: FakeConnection, e: ConnectionEvent) => void);
    emit(event: ConnectionEvent): void;
    stream(id: number): FakeStreamState;
    openStream(direction: StreamDirection): number | undefined;
    writeStream(streamId: number, data: Uint8Array, fin?: boolean): number;
    readStream(streamId: number, maxBytes: number): {
        data: Uint8Array;
        fin: boolean;
    } | undefined;
    resetStream(streamId: number, code: bigint): void;
    stopStream(streamId: number, code: bigint): void;
    sendDatagram(data: Uint8Array): 'queued' | 'too-large' | 'unsupported' | 'closed';
    readDatagram(): Uint8Array | undefined;
    initiateKeyUpdate(_now: Micros): boolean;
    close(_now: Micros, code: bigint, reason?: string): void;
    stats(): ProtoConnectionStats;
}
/** A fake Endpoint: tests queue its events, transmits and deadline, and inspect the inputs it got. */
export declare class FakeEndpoint implements ProtoEndpoint<FakeConnection> {
    readonly events: ProtoEndpointEvent<FakeConnection>[];
    readonly transmits: {
        bytes: Uint8Array;
        remote: SocketAddress;
    }[];
    readonly received: {
        now: Micros;
        bytes: Uint8Array;
        remote: SocketAddress;
    }[];
    readonly timeoutsHandled: Micros[];
    readonly connections: FakeConnection[];
    deadline: Micros | undefined;
    connectionCount: number;
    /** Called on every handleDatagram (e.g. to accept a connection or answer). */
    onDatagram: ((bytes: Uint8Array, remote: SocketAddress) => void) | undefined;
    onTimeout: ((now: Micros) => void) | undefined;
    readonly emit: (connection: FakeConnection, event: ConnectionEvent) => void;
    newConnection(isServer: boolean, remote: SocketAddress): FakeConnection;
    connect(_now: Micros, remote: SocketAddress, _options: ProtoClientConnectOptions): FakeConnection;
    handleDatagram(now: Micros, data: Uint8Array, remote: SocketAddress): void;
    pollTransmit(_now: Micros, out: Uint8Array): Transmit | undefined;
    pollTimeout(): Micros | undefined;
    handleTimeout(now: Micros): void;
    pollEvent(): ProtoEndpointEvent<FakeConnection> | undefined;
}
export declare class FakeClock {
    t: Micros;
    now(): Micros;
}
export declare class FakeTimers implements TimerScheduler {
    #private;
    readonly armed: Map<number, {
        callback: () => void;
        delayMs: number;
    }>;
    readonly history: number[];
    setTimer(callback: () => void, delayMs: number): TimerHandle;
    clearTimer(handle: TimerHandle): void;
    /** Fires every armed timer (as if their delays elapsed). */
    fireAll(): void;
}
/** An in-memory socket: records sends, completes them when the test says so, injects receives. */
export declare class FakeSocket implements DatagramSocket {
    #private;
    readonly sent: {
        bytes: Uint8Array;
        remote: SocketAddress;
        buffer: Uint8Array;
    }[];
    readonly pendingCallbacks: SendCallback[];
    closed: boolean;
    bind(port: number, address: string): Promise<SocketAddress>;
    send(data: Uint8Array, offset: number, length: number, remote: SocketAddress, callback?: SendCallback): void;
    completeSends(n?: number): void;
    onMessage(handler: (data: Uint8Array, remote: SocketAddress) => void): void;
    onError(): void;
    deliver(data: Uint8Array, remote: SocketAddress): void;
    address(): SocketAddress;
    close(): Promise<void>;
}
/** Lets setImmediate-scheduled flushes and pending Promise callbacks run. */
export declare function turn(): Promise<void>;
