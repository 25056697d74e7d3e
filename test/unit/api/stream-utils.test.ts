import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyStreamData, echoStream, type StreamDataDuplex, type StreamDataReader, type StreamDataWriter } from '../../../src/api/stream-utils.js';
import { StreamError } from '../../../src/api/errors.js';

/** Reader over fixed bytes that hands out at most `size` bytes per read and records sizes asked. */
class FakeReader implements StreamDataReader {
  readonly sizes: number[] = [];
  #data: Uint8Array;
  #failAfter: number;
  constructor(data: Uint8Array, failAfter = Infinity) {
    this.#data = data;
    this.#failAfter = failAfter;
  }
  async read(size = 8192): Promise<Uint8Array> {
    this.sizes.push(size);
    if (this.sizes.length > this.#failAfter) throw new StreamError('reset by peer', { streamId: 0 });
    const chunk = this.#data.subarray(0, size);
    this.#data = this.#data.subarray(chunk.length);
    return chunk;
  }
}

class FakeWriter implements StreamDataWriter {
  readonly chunks: Uint8Array[] = [];
  closed = false;
  abortedWith: number | undefined;
  #failOnWrite: number;
  constructor(failOnWrite = Infinity) {
    this.#failOnWrite = failOnWrite;
  }
  async write(data: Uint8Array, options: { endStream?: boolean } = {}): Promise<void> {
    if (this.closed) throw new StreamError('write after close');
    if (this.chunks.length + 1 >= this.#failOnWrite) throw new StreamError('write failed');
    this.chunks.push(data.slice());
    if (options.endStream) this.closed = true;
  }
  async close(): Promise<void> {
    this.closed = true;
  }
  async abort(code = 0): Promise<void> {
    this.abortedWith = code;
  }
  get bytes(): Uint8Array {
    return Buffer.concat(this.chunks);
  }
}

const sample = (n: number): Uint8Array => Uint8Array.from({ length: n }, (_, i) => (i * 31) & 0xff);

describe('copyStreamData', () => {
  test('copies everything in chunkSize reads, closes the destination, returns the count', async () => {
    const data = sample(20_000);
    const reader = new FakeReader(data);
    const writer = new FakeWriter();
    const copied = await copyStreamData(reader, writer);
    assert.equal(copied, 20_000);
    assert.deepEqual(writer.bytes, Buffer.from(data));
    assert.ok(writer.closed);
    assert.deepEqual(reader.sizes, [8192, 8192, 8192, 8192]);
    assert.ok(writer.chunks.every((c) => c.length <= 8192));
  });

  test('honours chunkSize', async () => {
    const reader = new FakeReader(sample(10));
    const writer = new FakeWriter();
    assert.equal(await copyStreamData(reader, writer, { chunkSize: 3 }), 10);
    assert.deepEqual(writer.chunks.map((c) => c.length), [3, 3, 3, 1]);
  });

  test('an empty source just closes the destination', async () => {
    const writer = new FakeWriter();
    assert.equal(await copyStreamData(new FakeReader(new Uint8Array(0)), writer), 0);
    assert.ok(writer.closed);
    assert.equal(writer.chunks.length, 0);
  });

  test('a read failure aborts the destination with code 1 and rethrows', async () => {
    const writer = new FakeWriter();
    await assert.rejects(copyStreamData(new FakeReader(sample(100), 1), writer, { chunkSize: 10 }), /reset by peer/);
    assert.equal(writer.abortedWith, 1);
    assert.equal(writer.closed, false);
  });

  test('a write failure aborts the destination and rethrows', async () => {
    const writer = new FakeWriter(2);
    await assert.rejects(copyStreamData(new FakeReader(sample(100)), writer, { chunkSize: 10 }), /write failed/);
    assert.equal(writer.abortedWith, 1);
  });

  test('a failing abort does not hide the original error; abort is optional', async () => {
    const writer = new FakeWriter(1);
    writer.abort = async () => { throw new Error('abort failed'); };
    await assert.rejects(copyStreamData(new FakeReader(sample(5)), writer), /write failed/);
    const noAbort: StreamDataWriter = {
      write: async () => { throw new StreamError('nope'); },
      close: async () => {},
    };
    await assert.rejects(copyStreamData(new FakeReader(sample(5)), noAbort), /nope/);
  });

  test('an abort signal stops the copy between chunks', async () => {
    const controller = new AbortController();
    const writer = new FakeWriter();
    const reader: StreamDataReader = {
      read: async () => {
        controller.abort(new Error('cancelled'));
        return sample(4);
      },
    };
    await assert.rejects(copyStreamData(reader, writer, { signal: controller.signal }), /cancelled/);
    assert.equal(writer.chunks.length, 0);
    assert.equal(writer.abortedWith, 1);
  });

  test('invalid chunkSize', async () => {
    await assert.rejects(copyStreamData(new FakeReader(sample(1)), new FakeWriter(), { chunkSize: 0 }), RangeError);
  });
});

describe('echoStream', () => {
  test('writes back what it reads, in order, then sends FIN', async () => {
    const input = sample(30_000);
    let remaining = input;
    const out: Uint8Array[] = [];
    let fin = false;
    const stream: StreamDataDuplex = {
      read: async (size = 8192) => {
        const chunk = remaining.subarray(0, size);
        remaining = remaining.subarray(chunk.length);
        return chunk;
      },
      write: async (data) => {
        assert.equal(fin, false);
        out.push(data);
      },
      close: async () => { fin = true; },
    };
    assert.equal(await echoStream(stream), 30_000);
    assert.deepEqual(Buffer.concat(out), Buffer.from(input));
    assert.ok(fin);
  });
});
