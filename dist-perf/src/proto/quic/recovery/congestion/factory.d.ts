/** Builds the congestion controller named by TransportConfig.congestionControl. */
import type { CongestionController } from './controller.js';
export type CongestionAlgorithm = 'newreno' | 'cubic';
export declare function createCongestionController(algorithm: CongestionAlgorithm, maxDatagramSize?: number): CongestionController;
