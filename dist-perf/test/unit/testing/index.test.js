import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as testing from '../../../src/testing/index.js';
test('the ./testing entry exports the simulator', () => {
    for (const name of ['SeededRandom', 'testSeed', 'VirtualClock', 'VirtualScheduler', 'SimBoundError', 'EventHeap',
        'SimLink', 'DEFAULT_LINK_CONFIG', 'SimNetwork', 'addressKey', 'Transcript', 'Fnv1a64', 'ProtoPair',
        'CLIENT_TO_SERVER', 'SERVER_TO_CLIENT', 'withSeededKeyShares', 'seededKeyShare', 'memoizedSigningKey']) {
        assert.ok(name in testing, `missing export ${name}`);
    }
    const pair = new testing.ProtoPair({
        seed: 1,
        client: { handleDatagram() { }, pollTransmit: () => undefined, pollTimeout: () => undefined, handleTimeout() { }, pollEvent: () => undefined },
        server: { handleDatagram() { }, pollTransmit: () => undefined, pollTimeout: () => undefined, handleTimeout() { }, pollEvent: () => undefined },
    });
    assert.equal(pair.clientToServer.direction, testing.CLIENT_TO_SERVER);
    assert.equal(pair.serverToClient.direction, testing.SERVER_TO_CLIENT);
});
//# sourceMappingURL=index.test.js.map