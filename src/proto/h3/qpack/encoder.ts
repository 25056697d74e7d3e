/**
 * The QPACK encoder (RFC 9204 §2.1): encodes field sections for our request/push streams and
 * uses the dynamic table the peer's decoder allows. It inserts fields on their second use
 * (:authority, user-agent, custom headers...; the table is announced with the first insertion),
 * references them, never references an
 * unacknowledged entry on a stream that may not block (SETTINGS_QPACK_BLOCKED_STREAMS), and
 * never evicts an entry that is unacknowledged or still referenced by an unacknowledged section.
 */
import { ByteReader, ByteWriter, TruncatedInputError, concatBytes } from '../../util/bytes.js';
import { readDecoderInstruction, type DecoderInstruction } from './decoder-instructions.js';
import { DynamicTable, entrySize } from './dynamic-table.js';
import { writeEncoderInstruction } from './encoder-instructions.js';
import { QpackError, QpackErrorCode } from './errors.js';
import { FieldLine } from './field-lines.js';
import { prefixIntLength, writePrefixInt } from './prefix-int.js';
import { encodeRequiredInsertCount, maxEntries } from './required-insert-count.js';
import { staticExactIndex, staticNameIndex } from './static-table.js';
import { writeStringLiteral } from './string-literal.js';

export type HeaderLine = readonly [name: string, value: string];

export interface QpackEncoderOptions {
  /** Upper bound on the table capacity we use, whatever the peer allows (default 4096). */
  readonly maxTableCapacity?: number;
  /** Huffman-code string literals when shorter (default true; false reproduces RFC examples). */
  readonly huffman?: boolean;
  /**
   * Whether a field is worth a dynamic table entry (default: everything except secrets and
   * per-message values such as :path, content-length, date; see NOT_INDEXED), from its second use.
   */
  readonly shouldIndex?: (name: string, value: string) => boolean;
}

/** Fields sent once are remembered (as literals) up to this many, so a second use can index them. */
const SEEN_ONCE_LIMIT = 64;

export interface QpackPeerSettings {
  /** The peer's SETTINGS_QPACK_MAX_TABLE_CAPACITY. */
  readonly maxTableCapacity: number;
  /** The peer's SETTINGS_QPACK_BLOCKED_STREAMS. */
  readonly blockedStreams: number;
}

/** A field section sent with dynamic references that the decoder has not acknowledged yet. */
interface OutstandingSection {
  readonly requiredInsertCount: number;
  readonly minRef: number;
}

/** Fields never put in the table: secrets (RFC 9204 §7.1) and values that change every time. */
const NOT_INDEXED = new Set([
  'authorization', 'proxy-authorization', 'cookie', 'set-cookie',
  ':path', 'content-length', 'content-range', 'date', 'etag', 'last-modified', 'expires', 'age',
  'if-modified-since', 'if-none-match', 'if-range', 'range', 'x-request-id',
]);

const DEFAULT_MAX_TABLE_CAPACITY = 4096;

function defaultShouldIndex(name: string): boolean {
  return !NOT_INDEXED.has(name);
}

const NO_SECTIONS: Map<number, never[]> = new Map();
/**
 * Field lines of the section being encoded, shared by every encoder: encodeFieldSection()
 * fills and copies it out synchronously. Grows to the largest section seen.
 */
const sharedLines = new ByteWriter(0);

export class QpackEncoder {
  private readonly table = new DynamicTable({ indexed: true });
  private readonly ownMaxCapacity: number;
  private readonly huffman: boolean;
  private readonly shouldIndex: (name: string, value: string) => boolean;
  private peerBlockedStreams = 0;
  private maxEntries = 0;
  private knownReceivedCount = 0;
  /** Stream id -> its unacknowledged sections, oldest first. */
  /** Shared empty map until a section references the dynamic table: only ever read. */
  private sections: Map<number, OutstandingSection[]> = NO_SECTIONS;
  /** Encoder-stream bytes not yet polled; none between insertions (idle connections hold no buffer). */
  private encoderOut: ByteWriter | undefined;
  private partial: Uint8Array | undefined;
  private settingsApplied = false;
  /** The capacity we will announce with our first insertion (none is sent before it is needed). */
  private pendingCapacity = 0;
  /** Default policy: name+value pairs sent once as literals; created on first use. */
  private seenOnce: Set<string> | undefined;

  constructor(options: QpackEncoderOptions = {}) {
    this.ownMaxCapacity = options.maxTableCapacity ?? DEFAULT_MAX_TABLE_CAPACITY;
    this.huffman = options.huffman ?? true;
    this.shouldIndex = options.shouldIndex ?? ((name, value) => defaultShouldIndex(name) && this.seenBefore(name, value));
  }

  /**
   * A field is only worth an entry when it repeats: a one-off (a WebTransport CONNECT, most
   * responses) costs an encoder-stream write and a Section Acknowledgment for nothing.
   */
  private seenBefore(name: string, value: string): boolean {
    const key = `${name}\0${value}`;
    const seen = (this.seenOnce ??= new Set());
    if (seen.delete(key)) return true;
    if (seen.size >= SEEN_ONCE_LIMIT) seen.clear();
    seen.add(key);
    return false;
  }

  get insertCount(): number { return this.table.insertCount; }
  get tableCapacity(): number { return this.table.capacity; }
  get tableSize(): number { return this.table.size; }
  get acknowledgedInsertCount(): number { return this.knownReceivedCount; }
  get outstandingSectionCount(): number {
    let n = 0;
    for (const list of this.sections.values()) n += list.length;
    return n;
  }

  /** Applies the peer's SETTINGS (once): enables the dynamic table when it allows one. */
  setPeerSettings(settings: QpackPeerSettings): void {
    if (this.settingsApplied) return;
    this.settingsApplied = true;
    this.peerBlockedStreams = settings.blockedStreams;
    this.maxEntries = maxEntries(settings.maxTableCapacity);
    this.pendingCapacity = Math.min(settings.maxTableCapacity, this.ownMaxCapacity);
  }

  /** Announces our table capacity on the encoder stream just before the first insertion. */
  private enableTable(): boolean {
    const capacity = this.pendingCapacity;
    if (capacity <= 0) return false;
    this.pendingCapacity = 0;
    this.table.setCapacity(capacity);
    writeEncoderInstruction(this.encoderStreamWriter(), { type: 'setCapacity', capacity });
    return true;
  }

  /** Encodes one field section for `streamId`; new encoder-stream bytes may follow (pollEncoderStream). */
  encodeFieldSection(streamId: number, headers: Iterable<HeaderLine>): Uint8Array {
    const table = this.table;
    const dynamic = table.capacity > 0 || this.pendingCapacity > 0;
    const base = table.insertCount;
    const canBlock = dynamic && (this.isBlocking(streamId) || this.blockingStreamCount() < this.peerBlockedStreams);
    const w = sharedLines;
    w.pos = 0;
    let maxRef = -1;
    let minRef = Number.MAX_SAFE_INTEGER;
    for (const [name, value] of headers) {
      const s = staticExactIndex(name, value);
      if (s >= 0) {
        writePrefixInt(w, FieldLine.INDEXED | FieldLine.INDEXED_STATIC, 6, s);
        continue;
      }
      if (dynamic) {
        let abs = table.findExact(name, value);
        if (abs < 0 && this.shouldIndex(name, value) && (table.capacity > 0 || this.enableTable())) {
          abs = this.tryInsert(name, value, minRef);
        }
        if (abs >= 0 && (abs < this.knownReceivedCount || canBlock)) {
          if (abs > maxRef) maxRef = abs;
          if (abs < minRef) minRef = abs;
          if (abs < base) writePrefixInt(w, FieldLine.INDEXED, 6, base - abs - 1);
          else writePrefixInt(w, FieldLine.INDEXED_POST_BASE, 4, abs - base);
          continue;
        }
      }
      const sn = staticNameIndex(name);
      const dn = sn < 0 && dynamic ? table.findName(name) : -1;
      if (sn >= 0) {
        writePrefixInt(w, FieldLine.LITERAL_NAME_REF | FieldLine.LITERAL_NAME_REF_STATIC, 4, sn);
      } else if (dn >= 0 && (dn < this.knownReceivedCount || canBlock)) {
        if (dn > maxRef) maxRef = dn;
        if (dn < minRef) minRef = dn;
        if (dn < base) writePrefixInt(w, FieldLine.LITERAL_NAME_REF, 4, base - dn - 1);
        else writePrefixInt(w, FieldLine.LITERAL_POST_BASE_NAME_REF, 3, dn - base);
      } else {
        writeStringLiteral(w, FieldLine.LITERAL_LITERAL_NAME, 3, name, this.huffman);
      }
      writeStringLiteral(w, 0, 7, value, this.huffman);
    }
    const ric = maxRef + 1;
    const encodedRic = encodeRequiredInsertCount(ric, this.maxEntries);
    const negative = ric > base;
    const delta = ric === 0 ? 0 : negative ? ric - base - 1 : base - ric;
    const out = new Uint8Array(prefixIntLength(8, encodedRic) + prefixIntLength(7, delta) + w.length);
    const ow = new ByteWriter(out);
    writePrefixInt(ow, 0, 8, encodedRic);
    writePrefixInt(ow, negative ? 0x80 : 0, 7, delta);
    ow.bytes(w.finish());
    if (ric > 0) {
      let list = this.sections.get(streamId);
      if (list === undefined) {
        if (this.sections === NO_SECTIONS) this.sections = new Map();
        this.sections.set(streamId, (list = []));
      }
      list.push({ requiredInsertCount: ric, minRef });
    }
    return out;
  }

  /**
   * Speculatively inserts a field (e.g. to warm the table before the first request); returns
   * false when the table is disabled or it cannot fit without an unsafe eviction.
   */
  insert(name: string, value: string): boolean {
    if (this.table.findExact(name, value) >= 0) return true;
    if (this.table.capacity === 0 && !this.enableTable()) return false;
    return this.tryInsert(name, value, Number.MAX_SAFE_INTEGER) >= 0;
  }

  /**
   * Inserts name+value when it fits without evicting anything still needed; returns the new
   * absolute index or -1. `sectionMinRef` protects entries the section being encoded uses.
   */
  private tryInsert(name: string, value: string, sectionMinRef: number): number {
    const table = this.table;
    const size = entrySize(name, value);
    if (size * 2 > table.capacity) return -1; // one field must not flush the whole table
    const evictions = table.evictionsNeeded(size);
    if (evictions < 0) return -1;
    if (table.droppedCount + evictions > this.evictionLimit(sectionMinRef)) return -1;
    const sn = staticNameIndex(name);
    const dn = sn < 0 ? table.findName(name) : -1;
    if (sn >= 0) writeEncoderInstruction(this.encoderStreamWriter(), { type: 'insertWithNameRef', isStatic: true, nameIndex: sn, value }, this.huffman);
    else if (dn >= 0) writeEncoderInstruction(this.encoderStreamWriter(), { type: 'insertWithNameRef', isStatic: false, nameIndex: table.insertCount - dn - 1, value }, this.huffman);
    else writeEncoderInstruction(this.encoderStreamWriter(), { type: 'insertWithLiteralName', name, value }, this.huffman);
    return table.insert(name, value, size);
  }

  /** Entries with an absolute index below this are evictable (RFC 9204 §2.1.1). */
  private evictionLimit(sectionMinRef: number): number {
    let limit = Math.min(this.knownReceivedCount, sectionMinRef);
    for (const list of this.sections.values()) for (const s of list) if (s.minRef < limit) limit = s.minRef;
    return limit;
  }

  private isBlocking(streamId: number): boolean {
    const list = this.sections.get(streamId);
    if (list === undefined) return false;
    for (const s of list) if (s.requiredInsertCount > this.knownReceivedCount) return true;
    return false;
  }

  private blockingStreamCount(): number {
    let n = 0;
    for (const id of this.sections.keys()) if (this.isBlocking(id)) n++;
    return n;
  }

  /** Bytes received on the peer's decoder stream. Throws QpackError(QPACK_DECODER_STREAM_ERROR). */
  handleDecoderStream(bytes: Uint8Array): void {
    let data = bytes;
    if (this.partial !== undefined) {
      data = concatBytes(this.partial, bytes);
      this.partial = undefined;
    }
    const r = new ByteReader(data);
    while (!r.done) {
      const start = r.pos;
      let ins: DecoderInstruction;
      try {
        ins = readDecoderInstruction(r);
      } catch (e) {
        if (e instanceof TruncatedInputError) {
          this.partial = data.slice(start);
          return;
        }
        throw decoderStreamError(e instanceof Error ? e.message : 'malformed instruction');
      }
      this.apply(ins);
    }
  }

  private apply(ins: DecoderInstruction): void {
    switch (ins.type) {
      case 'sectionAck': {
        const list = this.sections.get(ins.streamId);
        const section = list?.shift();
        if (list === undefined || section === undefined) throw decoderStreamError(`Section Acknowledgment for stream ${ins.streamId} with no outstanding section`);
        if (list.length === 0) this.sections.delete(ins.streamId);
        if (section.requiredInsertCount > this.knownReceivedCount) this.knownReceivedCount = section.requiredInsertCount;
        return;
      }
      case 'streamCancel':
        this.sections.delete(ins.streamId);
        return;
      case 'insertCountIncrement':
        if (ins.increment === 0 || this.knownReceivedCount + ins.increment > this.table.insertCount) {
          throw decoderStreamError(`invalid Insert Count Increment ${ins.increment}`);
        }
        this.knownReceivedCount += ins.increment;
        return;
    }
  }

  /** Bytes to send on our encoder stream, if any (send them before the sections that need them). */
  pollEncoderStream(): Uint8Array | undefined {
    const out = this.encoderOut;
    if (out === undefined || out.length === 0) return undefined;
    this.encoderOut = undefined;
    return out.finish();
  }

  private encoderStreamWriter(): ByteWriter {
    return this.encoderOut ??= new ByteWriter(64);
  }
}

function decoderStreamError(reason: string): QpackError {
  return new QpackError(QpackErrorCode.QPACK_DECODER_STREAM_ERROR, reason);
}
