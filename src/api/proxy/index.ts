/** CONNECT-UDP (RFC 9298) over HTTP/3: client tunnels, the tunnel socket, the server side. */
export { ConnectUdpClient, type OpenTunnelOptions, type ProxyCertificateHash, type ProxyOptions } from './connect-udp-client.js';
export { ConnectUdpServer, type ConnectUdpRequest, type ConnectUdpServerOptions } from './connect-udp-server.js';
export { ConnectUdpTunnel, type TunnelCloseInfo, type TunnelStats, type TunnelTarget } from './tunnel.js';
export { TunnelDatagramSocket } from './tunnel-socket.js';
export { ProxyConnectError, ProxyError, ProxyProtocolError } from './errors.js';
export {
  DEFAULT_CONNECT_UDP_TEMPLATE, expandConnectUdpTemplate, matchConnectUdpPath, parseConnectUdpTemplate, type ConnectUdpTemplate,
} from './uri-template.js';
export { decodeUdpProxyingPayload, encodeUdpProxyingPayload, UDP_PAYLOAD_CONTEXT_ID } from './udp-payload.js';
export { ProxyDialer, TUNNELLED_MAX_PACKET_SIZE, type ProxiedEndpoint, type TunnelledConnection } from './proxy-dialer.js';
