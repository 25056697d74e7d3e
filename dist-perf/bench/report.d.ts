/** Turns the clients' samples into the printed table: min/median/max per stack, ratio, target. */
import type { ClientReport, Stack } from './peer.js';
/** Results per stack, keyed by run key: upload, download, handshake, handshake-retry, datagram. */
export type Results = Partial<Record<Stack, Record<string, ClientReport>>>;
export declare function renderTable(results: Results): string;
/** Failures and notes worth printing under the table (each note once per stack). */
export declare function renderNotes(results: Results): string[];
