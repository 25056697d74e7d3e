/**
 * Stream helpers of pywebtransport `stream.utils`: copyStreamData and echoStream, written against
 * the smallest reader/writer shapes so any stream class (or a test fake) can use them.
 * Data moves chunk by chunk: memory stays bounded by `chunkSize` whatever the stream length.
 */
import { COPY_FAILURE_ABORT_CODE, DEFAULT_CHUNK_SIZE } from './constants.js';

/** Something to read from: `read(size)` resolves with up to `size` bytes, empty at the end. */
export interface StreamDataReader {
  read(size?: number): Promise<Uint8Array>;
}

/** Something to write to: `write` with `endStream` sends FIN after the data; `close()` sends FIN. */
export interface StreamDataWriter {
  write(data: Uint8Array, options?: { endStream?: boolean }): Promise<void>;
  close(): Promise<void>;
  /** Resets the sending side with an application error code, when supported. */
  abort?(code?: number): Promise<void>;
}

export type StreamDataDuplex = StreamDataReader & StreamDataWriter;

export interface CopyStreamOptions {
  /** Largest read (default 8192). */
  chunkSize?: number;
  /** Stops the copy between chunks; the destination is aborted and the signal's reason thrown. */
  signal?: AbortSignal;
}

/**
 * Copies everything from `source` to `destination`, then closes the destination (FIN).
 * Resolves with the number of bytes copied. On failure the destination is aborted with code 1
 * (best effort) and the original error is rethrown.
 */
export async function copyStreamData(
  source: StreamDataReader,
  destination: StreamDataWriter,
  { chunkSize = DEFAULT_CHUNK_SIZE, signal }: CopyStreamOptions = {},
): Promise<number> {
  if (!Number.isInteger(chunkSize) || chunkSize <= 0) throw new RangeError(`chunkSize must be a positive integer, got ${chunkSize}`);
  let total = 0;
  try {
    for (;;) {
      signal?.throwIfAborted();
      const chunk = await source.read(chunkSize);
      if (chunk.length === 0) break;
      signal?.throwIfAborted();
      await destination.write(chunk);
      total += chunk.length;
    }
    await destination.close();
  } catch (error) {
    if (destination.abort !== undefined) {
      // The original failure matters more than a failed abort.
      await destination.abort(COPY_FAILURE_ABORT_CODE).catch(() => undefined);
    }
    throw error;
  }
  return total;
}

/** Writes back everything read from a bidirectional stream, then closes its sending side. */
export function echoStream(stream: StreamDataDuplex, options: CopyStreamOptions = {}): Promise<number> {
  return copyStreamData(stream, stream, options);
}
