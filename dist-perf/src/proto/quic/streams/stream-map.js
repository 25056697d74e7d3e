/**
 * Which streams exist, and the stream-count limits both ways (RFC 9000 §2.1, §4.6).
 *
 * Local streams: ids allocated in order up to the peer's MAX_STREAMS; a refusal is remembered so
 * STREAMS_BLOCKED is sent once per limit and streamsAvailable follows the next raise.
 * Peer streams: a frame naming stream N opens every lower stream of that type too; ids beyond the
 * limit we advertised are a STREAM_LIMIT_ERROR. As peer streams close, their count is given back
 * with MAX_STREAMS in batches (a quarter of the initial limit), or at once after STREAMS_BLOCKED.
 */
import { TransportError, TransportErrorCode } from '../errors.js';
import { isBidi, isLocal, makeStreamId, streamIndex, MAX_STREAM_COUNT } from './stream-id.js';
function dirIndex(bidi) {
    return bidi ? 0 : 1;
}
export class StreamMap {
    isServer;
    entries = new Map();
    dirs;
    constructor(isServer, localMaxStreamsBidi, localMaxStreamsUni) {
        this.isServer = isServer;
        const make = (limit) => ({
            nextLocal: 0, peerLimit: 0, blockedReportedAt: -1, openRefused: false,
            nextRemote: 0, localLimit: limit, closedPending: 0, batch: Math.max(1, Math.ceil(limit / 4)),
        });
        this.dirs = [make(localMaxStreamsBidi), make(localMaxStreamsUni)];
    }
    get size() {
        return this.entries.size;
    }
    get(id) {
        return this.entries.get(id);
    }
    values() {
        return this.entries.values();
    }
    set(entry) {
        this.entries.set(entry.id, entry);
    }
    // ------------------------------------------------------------ local streams
    /** Allocates the next local stream id, or undefined when the peer's limit is reached. */
    allocateLocal(bidi) {
        const d = this.dirs[dirIndex(bidi)];
        if (d.nextLocal >= d.peerLimit) {
            d.openRefused = true;
            return undefined;
        }
        return makeStreamId(d.nextLocal++, bidi, this.isServer);
    }
    /** True (once per limit) when a STREAMS_BLOCKED frame should report the current limit. */
    takeBlockedReport(bidi) {
        const d = this.dirs[dirIndex(bidi)];
        if (d.nextLocal < d.peerLimit || d.blockedReportedAt === d.peerLimit)
            return false;
        d.blockedReportedAt = d.peerLimit;
        return true;
    }
    /** The peer's current limit for our streams of this direction. */
    peerLimit(bidi) {
        return this.dirs[dirIndex(bidi)].peerLimit;
    }
    /** True while we are blocked at the limit already reported with STREAMS_BLOCKED. */
    isBlockedAt(bidi, limit) {
        const d = this.dirs[dirIndex(bidi)];
        return d.peerLimit === limit && d.nextLocal >= d.peerLimit;
    }
    /** Applies MAX_STREAMS (or the initial parameter); returns true when streamsAvailable is due. */
    raisePeerLimit(bidi, maximum, frameType = 0x12) {
        if (maximum > MAX_STREAM_COUNT) {
            throw new TransportError(TransportErrorCode.FRAME_ENCODING_ERROR, 'MAX_STREAMS above 2^60', frameType);
        }
        const d = this.dirs[dirIndex(bidi)];
        if (maximum <= d.peerLimit)
            return false;
        d.peerLimit = maximum;
        const announce = d.openRefused;
        d.openRefused = false;
        return announce;
    }
    // ------------------------------------------------------------ peer streams
    /**
     * Classifies a stream id named by a peer frame: 'existing' (in the map), 'closed' (opened and
     * forgotten: ignore the frame) or 'new' (peer stream to open, with lower ids first). Throws
     * STREAM_STATE_ERROR for local streams we never opened, STREAM_LIMIT_ERROR beyond our limit.
     */
    classify(id, frameType) {
        if (this.entries.has(id))
            return 'existing';
        const bidi = isBidi(id);
        const d = this.dirs[dirIndex(bidi)];
        const index = streamIndex(id);
        if (isLocal(id, this.isServer)) {
            if (index >= d.nextLocal) {
                throw new TransportError(TransportErrorCode.STREAM_STATE_ERROR, `stream ${id} was not opened by us`, frameType);
            }
            return 'closed';
        }
        if (index < d.nextRemote)
            return 'closed';
        if (index >= d.localLimit) {
            throw new TransportError(TransportErrorCode.STREAM_LIMIT_ERROR, `stream ${id} beyond the advertised limit`, frameType);
        }
        return 'new';
    }
    /** Ids of the peer streams opened implicitly by `id` (itself included), in order; records them. */
    openRemoteUpTo(id) {
        const d = this.dirs[dirIndex(isBidi(id))];
        const index = streamIndex(id);
        const first = makeStreamId(d.nextRemote, isBidi(id), !this.isServer);
        const count = index - d.nextRemote + 1;
        d.nextRemote = index + 1;
        return { first, count };
    }
    /** Forgets a stream whose both parts are finished; returns true when MAX_STREAMS is due. */
    remove(id) {
        if (!this.entries.delete(id))
            return false;
        if (isLocal(id, this.isServer))
            return false;
        const d = this.dirs[dirIndex(isBidi(id))];
        d.closedPending++;
        if (d.closedPending < d.batch)
            return false;
        return this.flushCredit(isBidi(id));
    }
    /** Returns all pending peer-stream credit now (after STREAMS_BLOCKED); true when raised. */
    flushCredit(bidi) {
        const d = this.dirs[dirIndex(bidi)];
        if (d.closedPending === 0)
            return false;
        d.localLimit = Math.min(MAX_STREAM_COUNT, d.localLimit + d.closedPending);
        d.closedPending = 0;
        return true;
    }
    /** The MAX_STREAMS value we currently advertise for peer streams. */
    localLimit(bidi) {
        return this.dirs[dirIndex(bidi)].localLimit;
    }
    /** Counts for stats(). */
    counts() {
        return {
            localBidiOpened: this.dirs[0].nextLocal, localUniOpened: this.dirs[1].nextLocal,
            remoteBidiOpened: this.dirs[0].nextRemote, remoteUniOpened: this.dirs[1].nextRemote,
        };
    }
}
//# sourceMappingURL=stream-map.js.map