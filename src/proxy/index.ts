/**
 * `tswebtransport/proxy`: CONNECT-UDP (RFC 9298) proxying over HTTP/3. The server side is
 * ConnectUdpProxy; clients pass `proxy` to WebTransportClient, or use ConnectUdpClient directly
 * for raw UDP tunnels.
 */
export { ConnectUdpProxy, isLoopbackAddress, type ConnectUdpProxyOptions, type ConnectUdpProxyStats, type ProxyCredentials } from './connect-udp-proxy.js';
export { UdpRelay, type UdpRelayOptions, type UdpRelayStats } from './udp-relay.js';
export {
  ConnectUdpClient, ConnectUdpServer, ConnectUdpTunnel, TunnelDatagramSocket, ProxyConnectError, ProxyError, ProxyProtocolError,
  DEFAULT_CONNECT_UDP_TEMPLATE, expandConnectUdpTemplate, matchConnectUdpPath, parseConnectUdpTemplate,
  decodeUdpProxyingPayload, encodeUdpProxyingPayload,
  type ConnectUdpRequest, type ConnectUdpServerOptions, type ConnectUdpTemplate, type OpenTunnelOptions, type ProxyCertificateHash,
  type ProxyOptions, type TunnelCloseInfo, type TunnelStats, type TunnelTarget,
} from '../api/proxy/index.js';
