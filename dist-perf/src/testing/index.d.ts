/** "./testing" entry: the deterministic simulator for testing code built on tswebtransport. */
export { SeededRandom, testSeed } from './seeded-random.js';
export { VirtualClock, VirtualScheduler, type TimerHandle } from './virtual-clock.js';
export { SimBoundError } from './sim-bound-error.js';
export { EventHeap } from './event-heap.js';
export { SimLink, DEFAULT_LINK_CONFIG, type LinkConfig, type LinkStats, type GilbertElliottConfig, type PacketPredicate, type DeliverySink, } from './sim-link.js';
export { SimNetwork, addressKey, type SocketAddress, type SimNode, type SimDelivery, type SimObserver, type SimNetworkOptions, } from './sim-network.js';
export { Transcript, Fnv1a64, type TranscriptEntry, type TranscriptOptions } from './transcript.js';
export { ProtoPair, CLIENT_TO_SERVER, SERVER_TO_CLIENT, type SimEndpoint, type Side, type ProtoPairOptions, type DriveOptions, } from './proto-pair.js';
export { withSeededKeyShares, seededKeyShare } from './seeded-crypto.js';
export { memoizedSigningKey } from './memoized-signing-key.js';
