/**
 * The QPACK decoder (RFC 9204 §2.2): applies the peer encoder's instructions to our dynamic
 * table, decodes field sections (or reports them blocked until the inserts they need arrive),
 * and produces the decoder-stream bytes that acknowledge progress.
 *
 * Blocked sections are not copied: the caller keeps the HEADERS payload, and calls
 * decodeFieldSection() again with it for each id that unblockedStreams() returns.
 */
import { ByteReader, ByteWriter, TruncatedInputError } from '../../util/bytes.js';
import { DynamicTable, ENTRY_OVERHEAD, entrySize, type DynamicEntry } from './dynamic-table.js';
import { writeDecoderInstruction } from './decoder-instructions.js';
import { encoderInstructionSize, readEncoderInstruction, type EncoderInstruction } from './encoder-instructions.js';
import { QpackError, QpackErrorCode } from './errors.js';
import { FieldLine } from './field-lines.js';
import { readPrefixInt } from './prefix-int.js';
import { decodeRequiredInsertCount, maxEntries } from './required-insert-count.js';
import { STATIC_TABLE } from './static-table.js';
import { readStringLiteral, StringLiteralTooLongError } from './string-literal.js';

export type Header = [name: string, value: string];
export type DecodeResult = { readonly headers: Header[]; readonly blocked?: never } | { readonly blocked: true; readonly headers?: never };

export interface QpackDecoderOptions {
  /** Our SETTINGS_QPACK_MAX_TABLE_CAPACITY. */
  readonly maxTableCapacity: number;
  /** Our SETTINGS_QPACK_BLOCKED_STREAMS. */
  readonly maxBlockedStreams: number;
  /** Our SETTINGS_MAX_FIELD_SECTION_SIZE (sum of name + value + 32 per line); default 64 KiB. */
  readonly maxFieldSectionSize?: number;
}

const BLOCKED: DecodeResult = { blocked: true };
/** Shared while no instruction is partial: only ever copied from, grown into a buffer of its own. */
const NOTHING_PENDING = new Uint8Array(0);
const DEFAULT_MAX_FIELD_SECTION_SIZE = 64 * 1024;

const NO_BLOCKED: Map<number, number> = new Map();

export class QpackDecoder {
  private readonly table = new DynamicTable();
  private readonly maxTableCapacity: number;
  private readonly maxBlockedStreams: number;
  private readonly maxFieldSectionSize: number;
  private readonly maxEntries: number;
  /** An encoder-stream instruction whose bytes have not all arrived: pending[0, pendingLength). */
  private pending = NOTHING_PENDING;
  private pendingLength = 0;
  /** Bytes the pending instruction needs before it is worth parsing again. */
  private pendingNeed = 0;
  /** Blocked stream id -> its Required Insert Count. */
  /** Shared empty map until a stream blocks (most connections never): only ever read. */
  private blocked: Map<number, number> = NO_BLOCKED;
  /** Decoder-stream bytes not yet polled; none in between (idle connections hold no buffer). */
  private out: ByteWriter | undefined;
  /** The Known Received Count as the encoder will compute it from what we sent. */
  private acknowledgedInsertCount = 0;

  constructor(options: QpackDecoderOptions) {
    this.maxTableCapacity = options.maxTableCapacity;
    this.maxBlockedStreams = options.maxBlockedStreams;
    this.maxFieldSectionSize = options.maxFieldSectionSize ?? DEFAULT_MAX_FIELD_SECTION_SIZE;
    this.maxEntries = maxEntries(options.maxTableCapacity);
  }

  get insertCount(): number { return this.table.insertCount; }
  get tableSize(): number { return this.table.size; }
  get tableCapacity(): number { return this.table.capacity; }
  get blockedStreamCount(): number { return this.blocked.size; }
  /** A dynamic table entry by absolute index (for inspection and tests). */
  entry(absIndex: number): DynamicEntry | undefined { return this.table.get(absIndex); }

  /** Bytes received on the peer's encoder stream. Throws QpackError(QPACK_ENCODER_STREAM_ERROR). */
  handleEncoderStream(bytes: Uint8Array): void {
    if (this.pendingLength === 0) {
      this.parseInstructions(bytes);
      return;
    }
    const length = this.pendingLength + bytes.length;
    if (length > this.pending.length) {
      const grown = new Uint8Array(Math.max(length, this.pending.length * 2));
      grown.set(this.pending.subarray(0, this.pendingLength));
      this.pending = grown;
    }
    this.pending.set(bytes, this.pendingLength);
    this.pendingLength = length;
    if (length < this.pendingNeed) return;
    this.pendingLength = 0;
    this.parseInstructions(this.pending.subarray(0, length));
  }

  private parseInstructions(data: Uint8Array): void {
    const r = new ByteReader(data);
    while (!r.done) {
      const start = r.pos;
      const maxStringOctets = this.table.capacity - ENTRY_OVERHEAD;
      let ins: EncoderInstruction;
      try {
        ins = readEncoderInstruction(r, maxStringOctets);
      } catch (e) {
        if (e instanceof TruncatedInputError) {
          this.keepPending(data.subarray(start), maxStringOctets);
          return;
        }
        throw encoderStreamError(e instanceof Error ? e.message : 'malformed instruction');
      }
      this.apply(ins);
    }
  }

  /** Stores an incomplete instruction (`rest` may be a view of `pending` itself). */
  private keepPending(rest: Uint8Array, maxStringOctets: number): void {
    if (rest.length > this.pending.length) {
      const grown = new Uint8Array(Math.max(64, rest.length * 2));
      grown.set(rest);
      this.pending = grown;
    } else {
      this.pending.set(rest); // TypedArray#set copies correctly when source and target overlap
    }
    this.pendingLength = rest.length;
    this.pendingNeed = encoderInstructionSize(this.pending, 0, rest.length, maxStringOctets);
  }

  private apply(ins: EncoderInstruction): void {
    const table = this.table;
    switch (ins.type) {
      case 'setCapacity':
        if (ins.capacity > this.maxTableCapacity) throw encoderStreamError(`capacity ${ins.capacity} exceeds our maximum ${this.maxTableCapacity}`);
        table.setCapacity(ins.capacity);
        return;
      case 'insertWithNameRef': {
        const name = ins.isStatic ? STATIC_TABLE[ins.nameIndex]?.[0] : table.get(table.insertCount - ins.nameIndex - 1)?.name;
        if (name === undefined) throw encoderStreamError(`insert references missing ${ins.isStatic ? 'static' : 'dynamic'} entry ${ins.nameIndex}`);
        this.insert(name, ins.value);
        return;
      }
      case 'insertWithLiteralName':
        this.insert(ins.name, ins.value);
        return;
      case 'duplicate': {
        const e = table.get(table.insertCount - ins.relativeIndex - 1);
        if (e === undefined) throw encoderStreamError(`duplicate references missing entry ${ins.relativeIndex}`);
        this.insert(e.name, e.value);
        return;
      }
    }
  }

  private insert(name: string, value: string): void {
    const size = entrySize(name, value);
    if (size > this.table.capacity) throw encoderStreamError(`entry of ${size} bytes exceeds table capacity ${this.table.capacity}`);
    this.table.insert(name, value, size);
  }

  /**
   * Decodes one encoded field section from a request/push stream. Returns { blocked: true } when
   * it needs inserts that have not arrived (call again once unblockedStreams() lists the stream).
   * Throws QpackError: QPACK_DECOMPRESSION_FAILED (connection error) for malformed input, or a
   * stream error (streamError = true, H3_MESSAGE_ERROR) when the section exceeds
   * maxFieldSectionSize; in that case the Stream Cancellation is already queued.
   */
  decodeFieldSection(streamId: number, bytes: Uint8Array): DecodeResult {
    const r = new ByteReader(bytes);
    let ric = 0;
    try {
      ric = decodeRequiredInsertCount(readPrefixInt(r, 8), this.maxEntries, this.table.insertCount);
      if (r.done) throw new TruncatedInputError();
      const negative = (r.buf[r.pos]! & 0x80) !== 0;
      const delta = readPrefixInt(r, 7);
      const base = negative ? ric - delta - 1 : ric + delta;
      if (base < 0) throw decompressionFailed('negative Base');
      if (ric > this.table.insertCount) {
        if (!this.blocked.has(streamId)) {
          if (this.blocked.size >= this.maxBlockedStreams) throw decompressionFailed(`more than ${this.maxBlockedStreams} blocked streams`);
          if (this.blocked === NO_BLOCKED) this.blocked = new Map();
          this.blocked.set(streamId, ric);
        }
        return BLOCKED;
      }
      this.blocked.delete(streamId);
      const headers = this.decodeLines(r, ric, base);
      if (ric > 0) {
        writeDecoderInstruction(this.decoderStreamWriter(), { type: 'sectionAck', streamId });
        if (ric > this.acknowledgedInsertCount) this.acknowledgedInsertCount = ric;
      }
      return { headers };
    } catch (e) {
      if (e instanceof QpackError) {
        if (e.streamError) this.cancelStream(streamId, ric > 0);
        throw e;
      }
      if (e instanceof StringLiteralTooLongError) {
        this.cancelStream(streamId, ric > 0);
        throw tooLarge(this.maxFieldSectionSize);
      }
      throw decompressionFailed(e instanceof Error ? e.message : 'malformed field section');
    }
  }

  private decodeLines(r: ByteReader, ric: number, base: number): Header[] {
    const headers: Header[] = [];
    const limit = this.maxFieldSectionSize;
    let total = 0;
    while (!r.done) {
      const b = r.buf[r.pos]!;
      let name: string;
      let value: string;
      if ((b & FieldLine.INDEXED) !== 0) {
        const index = readPrefixInt(r, 6);
        const e = (b & FieldLine.INDEXED_STATIC) !== 0 ? staticEntry(index) : this.dynamicEntry(base - index - 1, ric);
        name = e[0];
        value = e[1];
      } else if ((b & FieldLine.LITERAL_NAME_REF) !== 0) {
        const index = readPrefixInt(r, 4);
        name = (b & FieldLine.LITERAL_NAME_REF_STATIC) !== 0 ? staticEntry(index)[0] : this.dynamicEntry(base - index - 1, ric)[0];
        value = readStringLiteral(r, 7, limit - total - ENTRY_OVERHEAD - name.length);
      } else if ((b & FieldLine.LITERAL_LITERAL_NAME) !== 0) {
        name = readStringLiteral(r, 3, limit - total - ENTRY_OVERHEAD);
        value = readStringLiteral(r, 7, limit - total - ENTRY_OVERHEAD - name.length);
      } else if ((b & FieldLine.INDEXED_POST_BASE) !== 0) {
        const e = this.dynamicEntry(base + readPrefixInt(r, 4), ric);
        name = e[0];
        value = e[1];
      } else {
        name = this.dynamicEntry(base + readPrefixInt(r, 3), ric)[0];
        value = readStringLiteral(r, 7, limit - total - ENTRY_OVERHEAD - name.length);
      }
      total += name.length + value.length + ENTRY_OVERHEAD;
      if (total > limit) throw tooLarge(limit);
      headers.push([name, value]);
    }
    return headers;
  }

  private dynamicEntry(absIndex: number, ric: number): Header {
    if (absIndex >= ric) throw decompressionFailed(`reference to entry ${absIndex} at or above Required Insert Count ${ric}`);
    const e = this.table.get(absIndex);
    if (e === undefined) throw decompressionFailed(`reference to missing or evicted entry ${absIndex}`);
    return [e.name, e.value];
  }

  /**
   * Streams that were blocked and can now be decoded (each listed once): call
   * decodeFieldSection() again for them.
   */
  unblockedStreams(): number[] {
    const ready: number[] = [];
    const count = this.table.insertCount;
    for (const [streamId, ric] of this.blocked) if (ric <= count) ready.push(streamId);
    for (const id of ready) this.blocked.delete(id);
    return ready;
  }

  /**
   * The stream was reset or abandoned before all its field sections were decoded: forget it and
   * tell the encoder (Stream Cancellation; omitted when our table capacity is 0, RFC 9204 §4.4.2).
   */
  cancelStream(streamId: number, notify = this.maxTableCapacity > 0): void {
    this.blocked.delete(streamId);
    if (notify) writeDecoderInstruction(this.decoderStreamWriter(), { type: 'streamCancel', streamId });
  }

  /** Bytes to send on our decoder stream, if any. */
  pollDecoderStream(): Uint8Array | undefined {
    const inserted = this.table.insertCount;
    if (inserted > this.acknowledgedInsertCount) {
      writeDecoderInstruction(this.decoderStreamWriter(), { type: 'insertCountIncrement', increment: inserted - this.acknowledgedInsertCount });
      this.acknowledgedInsertCount = inserted;
    }
    const out = this.out;
    if (out === undefined || out.length === 0) return undefined;
    this.out = undefined;
    return out.finish();
  }

  private decoderStreamWriter(): ByteWriter {
    return this.out ??= new ByteWriter(64);
  }
}

function staticEntry(index: number): readonly [string, string] {
  const e = STATIC_TABLE[index];
  if (e === undefined) throw decompressionFailed(`invalid static index ${index}`);
  return e;
}

function decompressionFailed(reason: string): QpackError {
  return new QpackError(QpackErrorCode.QPACK_DECOMPRESSION_FAILED, reason);
}

function encoderStreamError(reason: string): QpackError {
  return new QpackError(QpackErrorCode.QPACK_ENCODER_STREAM_ERROR, reason);
}

function tooLarge(limit: number): QpackError {
  return new QpackError(QpackErrorCode.H3_MESSAGE_ERROR, `field section exceeds ${limit} bytes`, true);
}
