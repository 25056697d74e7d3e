/**
 * Stream helpers of pywebtransport `stream.utils`: copyStreamData and echoStream, written against
 * the smallest reader/writer shapes so any stream class (or a test fake) can use them.
 * Data moves chunk by chunk: memory stays bounded by `chunkSize` whatever the stream length.
 */
import { COPY_FAILURE_ABORT_CODE, DEFAULT_CHUNK_SIZE } from './constants.js';
/**
 * Copies everything from `source` to `destination`, then closes the destination (FIN).
 * Resolves with the number of bytes copied. On failure the destination is aborted with code 1
 * (best effort) and the original error is rethrown.
 */
export async function copyStreamData(source, destination, { chunkSize = DEFAULT_CHUNK_SIZE, signal } = {}) {
    if (!Number.isInteger(chunkSize) || chunkSize <= 0)
        throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
    let total = 0;
    try {
        for (;;) {
            signal?.throwIfAborted();
            const chunk = await source.read(chunkSize);
            if (chunk.length === 0)
                break;
            signal?.throwIfAborted();
            await destination.write(chunk);
            total += chunk.length;
        }
        await destination.close();
    }
    catch (error) {
        if (destination.abort !== undefined) {
            // The original failure matters more than a failed abort.
            await destination.abort(COPY_FAILURE_ABORT_CODE).catch(() => undefined);
        }
        throw error;
    }
    return total;
}
/** Writes back everything read from a bidirectional stream, then closes its sending side. */
export function echoStream(stream, options = {}) {
    return copyStreamData(stream, stream, options);
}
//# sourceMappingURL=stream-utils.js.map