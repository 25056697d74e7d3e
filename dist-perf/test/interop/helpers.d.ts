/**
 * Process plumbing for the interop cases: where the peers and our CLI live, free loopback ports,
 * child processes with a hard timeout whose whole process group is killed at the end, waiting for
 * a line, and a per-case temp dir whose logs are attached to the error when a case fails.
 */
import { type ChildProcess } from 'node:child_process';
export interface InteropEnvironment {
    /** Project root (holds package.json and dist/). */
    root: string;
    /** The peers kit (../shared/interop/peers unless INTEROP_KIT says otherwise). */
    kit: string;
    /** Work dir prepared by the kit's setup.sh (INTEROP_WORKDIR). */
    workdir: string;
    /** Our interop CLI, compiled: dist/src/cli/interop.js (INTEROP_CLI overrides). */
    cli: string;
    ca: string;
    /** Leaf + CA chain, loaded by servers. */
    cert: string;
    key: string;
}
/** The environment, or the reason every interop case is skipped. */
export declare function interopEnvironment(): {
    env: InteropEnvironment;
    skip?: undefined;
} | {
    env?: undefined;
    skip: string;
};
/** Why the ngtcp2 cases are skipped, or undefined when gtlsclient/gtlsserver are installed. */
export declare function ngtcp2Missing(): string | undefined;
/** Why the quiche (@matrixai/quic) cases are skipped, or undefined when its modules are installed. */
export declare function matrixaiMissing(env: InteropEnvironment): string | undefined;
/** Environment for the kit's scripts: they find certs, www and node_modules through WORKDIR. */
export declare function kitEnv(env: InteropEnvironment, extra?: Record<string, string>): NodeJS.ProcessEnv;
/** A UDP port that was free a moment ago on `host` (the OS picks it; we release it at once). */
export declare function freeUdpPort(host?: string): Promise<number>;
/** Resolves once some socket is bound to UDP `port` (read from /proc/net/udp*), or after `timeoutMs`. */
export declare function waitForUdpBound(port: number, timeoutMs?: number): Promise<boolean>;
export declare function delay(ms: number): Promise<void>;
export interface ExitInfo {
    code: number | null;
    signal: NodeJS.Signals | null;
    /** True when our hard timeout killed it. */
    timedOut: boolean;
}
/** A spawned peer: its own process group, a log file, a hard timeout, and line waiting. */
export declare class PeerProcess {
    readonly name: string;
    readonly logPath: string;
    readonly commandLine: string;
    readonly child: ChildProcess;
    readonly exited: Promise<ExitInfo>;
    stdout: string;
    stderr: string;
    private readonly log;
    private readonly hardTimer;
    private exitInfo;
    private timedOut;
    private readonly listeners;
    constructor(name: string, command: string, args: readonly string[], options: {
        logDir: string;
        timeoutMs: number;
        env?: NodeJS.ProcessEnv;
        cwd?: string;
    });
    /** Everything printed so far, stdout then stderr. */
    get output(): string;
    get running(): boolean;
    private capture;
    /** Resolves with the first match of `pattern` in the output; rejects on exit or timeout. */
    waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray>;
    /** Waits for exit; past `timeoutMs` the process group is killed and the exit reports timedOut. */
    waitExit(timeoutMs: number): Promise<ExitInfo>;
    /** SIGTERM to the process group, SIGKILL after `graceMs`; resolves when it has exited. */
    stop(graceMs?: number): Promise<ExitInfo>;
    private signal;
}
/** Last `lines` lines of a text. */
export declare function tail(text: string, lines: number): string;
/** One interop case: a temp dir for logs, the processes it started, and cleanup. */
export declare class InteropCase {
    readonly name: string;
    readonly dir: string;
    readonly env: InteropEnvironment;
    private readonly processes;
    constructor(env: InteropEnvironment, name: string);
    spawn(name: string, command: string, args: readonly string[], options: {
        timeoutMs: number;
        env?: NodeJS.ProcessEnv;
    }): PeerProcess;
    /** A Node script (a kit .mjs or our CLI) run by this same Node binary. */
    node(name: string, script: string, args: readonly string[], options: {
        timeoutMs: number;
        env?: NodeJS.ProcessEnv;
    }): PeerProcess;
    /** A kit shell script, run through bash so a read-only kit without exec bits still works. */
    kitScript(name: string, script: string, args: readonly string[], options: {
        timeoutMs: number;
        env?: Record<string, string>;
    }): PeerProcess;
    /** Our echo server on 127.0.0.1 with an OS-chosen port; resolves once it printed {"listening":...}. */
    startOurServer(alpn: string, extra?: readonly string[], timeoutMs?: number): Promise<{
        process: PeerProcess;
        port: number;
    }>;
    /** The impairment proxy in front of `targetPort`; resolves with its listen port once bound. */
    startProxy(targetPort: number, options: readonly string[], timeoutSeconds: number): Promise<{
        process: PeerProcess;
        port: number;
    }>;
    /** Kills whatever still runs (process groups), waits for the exits. */
    stopAll(): Promise<void>;
    /** Log tails of every process, for a failure message. */
    report(lines?: number): string;
}
/**
 * Runs one case: every process is stopped at the end; on failure the error carries the log tails
 * and the log dir is kept; on success the dir is removed unless INTEROP_KEEP_LOGS is set.
 */
export declare function runCase(env: InteropEnvironment, name: string, body: (c: InteropCase) => Promise<void>): Promise<void>;
