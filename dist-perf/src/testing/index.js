/** "./testing" entry: the deterministic simulator for testing code built on tswebtransport. */
export { SeededRandom, testSeed } from './seeded-random.js';
export { VirtualClock, VirtualScheduler } from './virtual-clock.js';
export { SimBoundError } from './sim-bound-error.js';
export { EventHeap } from './event-heap.js';
export { SimLink, DEFAULT_LINK_CONFIG, } from './sim-link.js';
export { SimNetwork, addressKey, } from './sim-network.js';
export { Transcript, Fnv1a64 } from './transcript.js';
export { ProtoPair, CLIENT_TO_SERVER, SERVER_TO_CLIENT, } from './proto-pair.js';
export { withSeededKeyShares, seededKeyShare } from './seeded-crypto.js';
export { memoizedSigningKey } from './memoized-signing-key.js';
//# sourceMappingURL=index.js.map