/**
 * Small helpers shared by applications: WebTransport URL parsing/building and origin checks,
 * a pluggable Logger with a console implementation, and self-signed development certificates.
 */
export { parseWebTransportUrl, isValidWebTransportUrl, buildWebTransportUrl, normalizeOriginValue, isOriginAllowed } from './url.js';
export type { WebTransportUrlParts, BuildUrlOptions } from './url.js';
export { LogLevel, parseLogLevel, formatLogRecord, createConsoleLogger, noopLogger, childLogger } from './logging.js';
export type { LogLevelName, LogFields, Logger, LogRecord, ConsoleLoggerOptions } from './logging.js';
export { certificateSha256, generateSelfSignedCertificate, certificateHashEntry, certificateHashHex } from './certificates.js';
export type { SelfSignedCertificate, SelfSignedOptions } from './certificates.js';
export {
  CHECKSUM_ALGORITHMS, ensureBytes, ensureString, chunkBytes, formatBytes, formatDuration, calculateChecksum,
  generateConnectionId, generateRequestId, generateSessionId,
} from './format.js';
export type { ChecksumAlgorithm } from './format.js';
export {
  isIPv4Address, isIPv6Address, validatePort, validateErrorCode, validateStreamId, validateAddress, normalizeHeaders, mergeConfigs, resolveAddress,
} from './validation.js';
export { Timer, waitForCondition, runWithTimeout } from './async.js';
export type { WaitForConditionOptions } from './async.js';
