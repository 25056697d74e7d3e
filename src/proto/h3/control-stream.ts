/**
 * The control streams (RFC 9114 §6.2.1, §7.2): the bytes that open ours (stream type, SETTINGS
 * first and once, an optional GREASE frame) and the rules for the peer's: SETTINGS first
 * (H3_MISSING_SETTINGS) and only once (H3_FRAME_UNEXPECTED), GOAWAY ids that never increase and,
 * from a server, name a client bidi stream (H3_ID_ERROR), MAX_PUSH_ID only from a client and never
 * decreasing, CANCEL_PUSH only for push ids that were allowed (we never push nor allow pushes).
 */
import { concatBytes } from '../util/bytes.js';
import type { RandomSource } from '../util/random.js';
import { H3Error, H3ErrorCode } from './errors.js';
import { encodeGreaseFrame, encodeSettingsFrame, type H3Frame } from './frames.js';
import { greaseSetting, H3SettingId, type H3Settings } from './settings.js';
import { encodeUniStreamHeader } from './stream-types.js';

export interface LocalSettingsInit {
  readonly qpackMaxTableCapacity: number;
  readonly qpackBlockedStreams: number;
  readonly maxFieldSectionSize: number;
  readonly enableConnectProtocol: boolean;
  readonly h3Datagram: boolean;
  /** More settings (WebTransport ids...), sent as given after ours. */
  readonly extra: ReadonlyArray<readonly [number | bigint, number | bigint]>;
}

/** The settings we send, in order; zero-valued defaults are left out (RFC defaults apply). */
export function localSettingsList(init: LocalSettingsInit, rng: RandomSource | undefined): Array<readonly [number | bigint, number | bigint]> {
  const out: Array<readonly [number | bigint, number | bigint]> = [];
  if (init.qpackMaxTableCapacity > 0) out.push([H3SettingId.SETTINGS_QPACK_MAX_TABLE_CAPACITY, init.qpackMaxTableCapacity]);
  if (Number.isFinite(init.maxFieldSectionSize)) out.push([H3SettingId.SETTINGS_MAX_FIELD_SECTION_SIZE, init.maxFieldSectionSize]);
  if (init.qpackBlockedStreams > 0) out.push([H3SettingId.SETTINGS_QPACK_BLOCKED_STREAMS, init.qpackBlockedStreams]);
  if (init.enableConnectProtocol) out.push([H3SettingId.SETTINGS_ENABLE_CONNECT_PROTOCOL, 1]);
  if (init.h3Datagram) out.push([H3SettingId.SETTINGS_H3_DATAGRAM, 1]);
  for (const pair of init.extra) out.push(pair);
  if (rng !== undefined) out.push(greaseSetting(rng));
  return out;
}

/** Stream type 0x00, SETTINGS, and (with rng) one GREASE frame: everything our control stream starts with. */
export function encodeControlStreamPreamble(settings: ReadonlyArray<readonly [number | bigint, number | bigint]>, rng: RandomSource | undefined): Uint8Array {
  const parts = [encodeUniStreamHeader({ kind: 'control' }), encodeSettingsFrame(settings)];
  if (rng !== undefined) parts.push(encodeGreaseFrame(rng));
  return concatBytes(...parts);
}

/** What a control frame from the peer asks of the connection. */
export type ControlAction =
  | { readonly type: 'settings'; readonly settings: H3Settings }
  | { readonly type: 'goaway'; readonly id: number }
  | undefined;

/** Sequence and id rules of the peer's control stream. `weAreServer` picks which frames are legal. */
export class PeerControlState {
  private readonly weAreServer: boolean;
  private settingsSeen = false;
  /** Last GOAWAY id received (ids must not increase). */
  goawayId: number | undefined;
  /** The client's MAX_PUSH_ID (server side; we never push, it is only checked). */
  maxPushId: number | undefined;

  constructor(weAreServer: boolean) {
    this.weAreServer = weAreServer;
  }

  get hasSettings(): boolean {
    return this.settingsSeen;
  }

  /** Applies one frame from the peer's control stream; throws H3Error for a connection error. */
  handleFrame(f: H3Frame): ControlAction {
    if (!this.settingsSeen) {
      if (f.type !== 'SETTINGS') throw new H3Error(H3ErrorCode.H3_MISSING_SETTINGS, 'first frame on the control stream is not SETTINGS');
      this.settingsSeen = true;
      return { type: 'settings', settings: f.settings };
    }
    switch (f.type) {
      case 'SETTINGS':
        throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, 'second SETTINGS frame');
      case 'GOAWAY': {
        // From a server: a client-initiated bidi stream id. From a client: a push id.
        if (!this.weAreServer && f.id % 4 !== 0) throw new H3Error(H3ErrorCode.H3_ID_ERROR, `GOAWAY id ${f.id} is not a client bidi stream id`);
        if (this.goawayId !== undefined && f.id > this.goawayId) {
          throw new H3Error(H3ErrorCode.H3_ID_ERROR, `GOAWAY id grew from ${this.goawayId} to ${f.id}`);
        }
        this.goawayId = f.id;
        return { type: 'goaway', id: f.id };
      }
      case 'MAX_PUSH_ID':
        if (!this.weAreServer) throw new H3Error(H3ErrorCode.H3_FRAME_UNEXPECTED, 'MAX_PUSH_ID from a server');
        if (this.maxPushId !== undefined && f.pushId < this.maxPushId) {
          throw new H3Error(H3ErrorCode.H3_ID_ERROR, `MAX_PUSH_ID decreased from ${this.maxPushId} to ${f.pushId}`);
        }
        this.maxPushId = f.pushId;
        return undefined;
      case 'CANCEL_PUSH':
        // A client may cancel pushes it allowed; a server may cancel pushes it promised. We never
        // send MAX_PUSH_ID, so a server has no push id to name.
        if (!this.weAreServer || this.maxPushId === undefined || f.pushId > this.maxPushId) {
          throw new H3Error(H3ErrorCode.H3_ID_ERROR, `CANCEL_PUSH for push id ${f.pushId} that was never allowed`);
        }
        return undefined;
      default:
        return undefined; // unknown, GREASE, PRIORITY_UPDATE: ignored
    }
  }
}
