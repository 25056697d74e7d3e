export interface WorkDir {
    dir: string;
    /** @matrixai/quic is installed there. */
    hasQuiche: boolean;
    note: string;
}
export declare function resolveWorkDir(env: NodeJS.ProcessEnv): WorkDir;
