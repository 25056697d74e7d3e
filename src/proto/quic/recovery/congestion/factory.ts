/** Builds the congestion controller named by TransportConfig.congestionControl. */
import type { CongestionController } from './controller.js';
import { Cubic } from './cubic.js';
import { NewReno } from './new-reno.js';

export type CongestionAlgorithm = 'newreno' | 'cubic';

export function createCongestionController(algorithm: CongestionAlgorithm, maxDatagramSize = 1200): CongestionController {
  return algorithm === 'cubic' ? new Cubic({ maxDatagramSize }) : new NewReno({ maxDatagramSize });
}
