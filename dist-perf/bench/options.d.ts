import type { Scenario, Stack } from './peer.js';
export interface BenchOptions {
    quick: boolean;
    runs: number;
    warmup: number;
    bytes: number;
    /** Transfer size for quiche: @matrixai/quic moves ~1.5 MB/s, so 100 MB would take minutes per run. */
    quicheBytes: number;
    handshakes: number;
    dgramMs: number;
    dgramSize: number;
    stacks: Stack[];
    scenarios: Scenario[];
    verify: boolean;
    /** Per client process, seconds. */
    timeoutSec: number;
    /** Directory for --cpu-prof output of our stack's processes. */
    profileDir: string | undefined;
    jsonPath: string | undefined;
}
export declare const USAGE = "npm run bench -- [options]      (or: node dist/bench/run.js [options])\n  --quick              10 MB transfers, 3 runs, 50 handshakes, 0.5 s of datagrams, no warm-up\n  --runs N             measured runs per scenario (default 5; env BENCH_RUNS)\n  --warmup N           unmeasured runs first (default 1)\n  --mb N               transfer size in MB (default 100; env BENCH_MB)\n  --quiche-mb N        transfer size for quiche (default min(--mb, 10): @matrixai/quic is slow)\n  --handshakes N       sequential handshakes per run (default 200; env BENCH_HANDSHAKES)\n  --dgram-ms N         datagram send time per run (default 2000)\n  --dgram-size N       datagram payload bytes (default 64)\n  --stacks a,b         ours,quiche (default both; env BENCH_STACKS)\n  --scenarios a,b      upload,download,handshake,datagram (default all; env BENCH_SCENARIOS)\n  --no-verify          clients skip certificate verification (default: verify against the kit CA)\n  --timeout S          bound per client process (default 300)\n  --profile DIR        run our stack's processes with --cpu-prof into DIR\n  --json FILE          also write every sample as JSON\nEnv: INTEROP_WORKDIR (interop kit work dir with @matrixai/quic and certs; default /work/peers-work\nwhen present, else setup.sh runs into a temporary directory), INTEROP_KIT (the kit folder).";
export declare function parseBenchOptions(argv: string[], env: NodeJS.ProcessEnv): BenchOptions | 'help';
