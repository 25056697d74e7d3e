/**
 * A UDP socket, a proto Endpoint and its driver for the HTTP/3 client and server, built with the
 * runtime's own factories (as QuicEndpoint does) so both share its socket and timer behaviour.
 */
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import type { TransportConfig } from '../../proto/quic/connection/config.js';
import { wallClockMicros } from '../../runtime/clock.js';
import { createDefaultProtoEndpoint } from '../../runtime/default-endpoint.js';
import { EndpointDriver } from '../../runtime/endpoint-driver.js';
import type { ProtoConnection, ProtoEndpointConfig, ProtoServerConfig, SocketAddress } from '../../runtime/proto-types.js';
import { udpFamilyFor } from '../../runtime/socket-address.js';
import { createUdpSocket, type DatagramSocket } from '../../runtime/udp-socket.js';

export const H3_ALPN = 'h3';

/** Peer uni streams we allow: HTTP/3 needs 3 (control + QPACK encoder/decoder), peers may add GREASE. */
const H3_TRANSPORT_DEFAULTS: Partial<TransportConfig> = { initialMaxStreamsUni: 16 };

export interface OpenedEndpoint {
  driver: EndpointDriver;
  address: SocketAddress;
}

export async function openEndpoint(options: {
  host: string;
  port: number;
  server?: ProtoServerConfig;
  transport?: Partial<TransportConfig> | undefined;
  onAccepted?: (connection: ProtoConnection) => void;
  /** An unbound socket to use instead of a node:dgram one (e.g. a CONNECT-UDP tunnel). */
  socket?: DatagramSocket;
}): Promise<OpenedEndpoint> {
  const config: ProtoEndpointConfig = { wallClock: wallClockMicros, transport: { ...H3_TRANSPORT_DEFAULTS, ...options.transport } };
  if (options.server) config.server = options.server;
  const socket = options.socket ?? createUdpSocket({ family: udpFamilyFor(options.host) });
  const endpoint = await createDefaultProtoEndpoint(config);
  const driver = new EndpointDriver({
    socket,
    endpoint,
    ...(options.onAccepted ? { onAccepted: options.onAccepted } : {}),
  });
  try {
    const address = await socket.bind(options.port, options.host);
    return { driver, address };
  } catch (error) {
    await socket.close();
    throw error;
  }
}

/** IP literals pass through; names resolve (IPv4 preferred). */
export async function resolveHost(host: string, port: number): Promise<SocketAddress> {
  if (isIP(host) !== 0) return { address: host, port };
  // RFC 6761 §6.3: localhost names always mean loopback (as browsers do): no resolver round trip.
  if (isLocalhostName(host)) return { address: '127.0.0.1', port };
  const results = await lookup(host, { all: true });
  const pick = results.find((r) => r.family === 4) ?? results[0];
  if (!pick) throw new Error(`cannot resolve ${host}`);
  return { address: pick.address, port };
}

function isLocalhostName(host: string): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}
