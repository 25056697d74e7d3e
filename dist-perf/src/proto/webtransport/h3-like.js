const WT_H3_EVENT_TYPES = new Set([
    'settings', 'headers', 'requestFinished', 'streamReset', 'streamStopped', 'streamError', 'streamWritable',
    'streamsAvailable', 'goaway', 'capsule', 'httpDatagram', 'webTransportStream', 'rawReadable', 'closed',
]);
/** Narrows an H3 event to the ones the engine takes. */
export function isWtH3Event(ev) {
    return WT_H3_EVENT_TYPES.has(ev.type);
}
//# sourceMappingURL=h3-like.js.map