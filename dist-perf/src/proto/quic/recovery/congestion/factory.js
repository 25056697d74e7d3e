import { Cubic } from './cubic.js';
import { NewReno } from './new-reno.js';
export function createCongestionController(algorithm, maxDatagramSize = 1200) {
    return algorithm === 'cubic' ? new Cubic({ maxDatagramSize }) : new NewReno({ maxDatagramSize });
}
//# sourceMappingURL=factory.js.map