import { type InteropDeps } from './interop-deps.js';
export declare function main(argv: string[], deps?: InteropDeps): Promise<number>;
