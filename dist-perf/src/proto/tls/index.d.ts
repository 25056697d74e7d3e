/** TLS 1.3 for QUIC: the pieces other layers use. */
export { AlertDescription, TlsAlertError, alertName } from './alerts.js';
export { createTlsClient, TlsClient, isIpLiteral, type TlsClientConfig } from './client.js';
export { createTlsServer, TlsServer, type TlsServerConfig } from './server.js';
export type { TlsDeps } from './session-base.js';
export { certificateAlert } from './session-base.js';
export { formatKeyLogLine, KeyLogLabel } from './keylog.js';
export { KeySchedule, resumptionPsk } from './key-schedule.js';
export { HandshakeType, HandshakeReassembler, MAX_HANDSHAKE_MESSAGE } from './messages.js';
export { ExtensionType, NamedGroup } from './extensions.js';
export { EncryptionLevel, CertificateVerificationError, type TlsSession, type TlsEvent, type SessionTicket, type SigningKey, type CertificateVerifier, } from './session.js';
export { SignatureScheme, CERTIFICATE_VERIFY_SCHEMES, CERTIFICATE_CHAIN_SCHEMES } from './signature-schemes.js';
