import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ErrorCodes } from '../../../src/api/constants.js';
import { AuthenticationError, CertificateError, ClientError, ConfigurationError, ConnectionError, DatagramError, FlowControlError, HandshakeError, IdleTimeoutError, IncompleteReadError, MiddlewareRejectedError, OperationTimeoutError, ProtocolError, SerializationError, ServerError, SessionClosedError, SessionError, SessionRejectedError, StatelessResetError, StreamError, StreamResetError, StreamStoppedError, WebTransportError, certificateNotFound, connectionTimeout, datagramTooLarge, getErrorCategory, invalidConfig, isAbortError, isFatalError, isRetriableError, isTimeoutError, protocolViolation, sessionNotReady, streamClosed, } from '../../../src/api/errors.js';
describe('error hierarchy', () => {
    const cases = [
        [new ConfigurationError('x'), 'ConfigurationError', 'WT_ERR_INVALID_OPTION', ErrorCodes.APP_INVALID_REQUEST, []],
        [new ConnectionError('x'), 'ConnectionError', 'WT_ERR_CONNECTION', ErrorCodes.CONNECTION_REFUSED, []],
        [new HandshakeError('x'), 'HandshakeError', 'WT_ERR_HANDSHAKE', ErrorCodes.INTERNAL_ERROR, [ConnectionError]],
        [new CertificateError('x'), 'CertificateError', 'WT_ERR_CERTIFICATE', ErrorCodes.APP_AUTHENTICATION_FAILED, [HandshakeError, ConnectionError]],
        [new IdleTimeoutError('x'), 'IdleTimeoutError', 'WT_ERR_IDLE_TIMEOUT', ErrorCodes.APP_CONNECTION_TIMEOUT, [ConnectionError]],
        [new StatelessResetError('x'), 'StatelessResetError', 'WT_ERR_STATELESS_RESET', ErrorCodes.NO_ERROR, [ConnectionError]],
        [new ClientError('x'), 'ClientError', 'WT_ERR_CLIENT', ErrorCodes.APP_INVALID_REQUEST, [ConnectionError]],
        [new ServerError('x'), 'ServerError', 'WT_ERR_SERVER', ErrorCodes.APP_SERVICE_UNAVAILABLE, []],
        [new SessionError('x'), 'SessionError', 'WT_ERR_SESSION', ErrorCodes.INTERNAL_ERROR, []],
        [new SessionRejectedError('x', { status: 404 }), 'SessionRejectedError', 'WT_ERR_SESSION_REJECTED', ErrorCodes.H3_REQUEST_REJECTED, [SessionError]],
        [new SessionClosedError('x'), 'SessionClosedError', 'WT_ERR_SESSION_CLOSED', ErrorCodes.NO_ERROR, [SessionError]],
        [new StreamError('x'), 'StreamError', 'WT_ERR_STREAM', ErrorCodes.STREAM_STATE_ERROR, []],
        [new StreamResetError('x'), 'StreamResetError', 'WT_ERR_STREAM_RESET', ErrorCodes.STREAM_STATE_ERROR, [StreamError]],
        [new StreamStoppedError('x'), 'StreamStoppedError', 'WT_ERR_STREAM_STOPPED', ErrorCodes.STREAM_STATE_ERROR, [StreamError]],
        [new IncompleteReadError('x', { partial: new Uint8Array(1), expected: 2 }), 'IncompleteReadError', 'WT_ERR_INCOMPLETE_READ', ErrorCodes.STREAM_STATE_ERROR, [StreamError]],
        [new FlowControlError('x'), 'FlowControlError', 'WT_ERR_FLOW_CONTROL', ErrorCodes.FLOW_CONTROL_ERROR, []],
        [new DatagramError('x'), 'DatagramError', 'WT_ERR_DATAGRAM', ErrorCodes.INTERNAL_ERROR, []],
        [new ProtocolError('x'), 'ProtocolError', 'WT_ERR_PROTOCOL', ErrorCodes.PROTOCOL_VIOLATION, []],
        [new SerializationError('x'), 'SerializationError', 'WT_ERR_SERIALIZATION', ErrorCodes.INTERNAL_ERROR, []],
        [new OperationTimeoutError('x'), 'TimeoutError', 'WT_ERR_TIMEOUT', ErrorCodes.APP_CONNECTION_TIMEOUT, []],
        [new MiddlewareRejectedError('x'), 'MiddlewareRejectedError', 'WT_ERR_MIDDLEWARE_REJECTED', ErrorCodes.APP_PERMISSION_DENIED, []],
        [new AuthenticationError('x'), 'AuthenticationError', 'WT_ERR_AUTHENTICATION', ErrorCodes.APP_AUTHENTICATION_FAILED, [MiddlewareRejectedError]],
    ];
    for (const [error, name, code, errorCode, parents] of cases) {
        test(`${name}: name, code, default errorCode, ancestry`, () => {
            assert.equal(error.name, name);
            assert.equal(error.code, code);
            assert.equal(error.errorCode, errorCode);
            assert.equal(error.message, 'x');
            assert.ok(error instanceof Error);
            assert.ok(error instanceof WebTransportError);
            for (const parent of parents)
                assert.ok(error instanceof parent, `${name} instanceof ${parent.name}`);
            assert.ok(error.stack?.startsWith(`${name}: x`));
        });
    }
    test('siblings are not instances of each other', () => {
        assert.ok(!(new StreamError('x') instanceof SessionError));
        assert.ok(!(new SessionError('x') instanceof StreamError));
        assert.ok(!(new ConnectionError('x') instanceof HandshakeError));
        assert.ok(!(new StreamError('x') instanceof StreamResetError));
        assert.ok(!(new Error('x') instanceof WebTransportError));
        assert.ok(!(null instanceof WebTransportError));
    });
    test('brand check recognises errors from another copy of the package', () => {
        // A structurally foreign object carrying the same Symbol.for brands (as a second copy would).
        const foreign = Object.create(Error.prototype);
        foreign[Symbol.for('tswebtransport.error.WT_ERR')] = true;
        foreign[Symbol.for('tswebtransport.error.WT_ERR_STREAM')] = true;
        assert.ok(foreign instanceof StreamError);
        assert.ok(foreign instanceof WebTransportError);
        assert.ok(!(foreign instanceof StreamResetError));
    });
    test('user subclasses get ordinary instanceof semantics', () => {
        class MyStreamError extends StreamError {
        }
        assert.ok(new MyStreamError('x') instanceof MyStreamError);
        assert.ok(new MyStreamError('x') instanceof StreamError);
        assert.ok(!(new StreamError('x') instanceof MyStreamError));
    });
    test('an explicit errorCode of 0 is kept (0.5.1 replaced it with the default)', () => {
        assert.equal(new StreamError('x', { errorCode: 0 }).errorCode, 0);
        assert.equal(new ProtocolError('x', { errorCode: 0x105n }).errorCode, 0x105n);
    });
    test('cause is chained the standard way', () => {
        const root = new TypeError('root');
        const error = new SerializationError('bad', { cause: root });
        assert.equal(error.cause, root);
        assert.ok(!('cause' in new SerializationError('no cause')));
    });
    test('extra fields', () => {
        const stream = new StreamResetError('reset', { streamId: 4, streamErrorCode: 7n });
        assert.equal(stream.streamId, 4);
        assert.equal(stream.streamErrorCode, 7n);
        assert.equal(stream.remote, true, 'a reset error is from the peer by default');
        assert.equal(new StreamError('x').remote, false);
        const rejected = new SessionRejectedError('no', { status: 404, headers: { a: 'b' } });
        assert.equal(rejected.status, 404);
        assert.deepEqual(rejected.headers, { a: 'b' });
        assert.equal(new MiddlewareRejectedError('no').status, 403);
        assert.equal(new AuthenticationError('no', { authMethod: 'token' }).status, 401);
        assert.equal(new AuthenticationError('no', { authMethod: 'token' }).authMethod, 'token');
        const connection = new ConnectionError('closed', { transportCode: 0xan, reason: 'bye', remote: true });
        assert.equal(connection.transportCode, 0xan);
        assert.equal(connection.reason, 'bye');
        assert.equal(connection.remote, true);
    });
    test('toJSON is JSON-safe, including bigints, bytes and the cause', () => {
        const error = new IncompleteReadError('short', { partial: new Uint8Array(3), expected: 5, streamErrorCode: 9n, cause: new Error('c') });
        const json = JSON.parse(JSON.stringify(error));
        assert.equal(json['name'], 'IncompleteReadError');
        assert.equal(json['code'], 'WT_ERR_INCOMPLETE_READ');
        assert.equal(json['message'], 'short');
        assert.equal(json['streamErrorCode'], '9');
        assert.deepEqual(json['partial'], { byteLength: 3 });
        assert.equal(json['expected'], 5);
        assert.deepEqual(json['cause'], { name: 'Error', message: 'c' });
    });
});
describe('factories', () => {
    test('certificateNotFound', () => {
        const error = certificateNotFound({ path: '/nope.pem' });
        assert.ok(error instanceof CertificateError);
        assert.equal(error.certificatePath, '/nope.pem');
        assert.equal(error.certificateError, 'not-found');
        assert.match(error.message, /\/nope\.pem/);
    });
    test('connectionTimeout', () => {
        const error = connectionTimeout({ timeoutMs: 1500 });
        assert.ok(error instanceof OperationTimeoutError);
        assert.equal(error.operation, 'connect');
        assert.equal(error.timeoutMs, 1500);
        assert.ok(isTimeoutError(error));
    });
    test('datagramTooLarge', () => {
        const error = datagramTooLarge({ size: 2000, maxSize: 1200 });
        assert.equal(error.reason, 'too-large');
        assert.equal(error.datagramSize, 2000);
        assert.equal(error.maxSize, 1200);
    });
    test('invalidConfig names the key', () => {
        const error = invalidConfig({ key: 'maxStreams', value: -1, reason: 'must be >= 1' });
        assert.equal(error.configKey, 'maxStreams');
        assert.equal(error.configValue, -1);
        assert.match(error.message, /maxStreams/);
    });
    test('protocolViolation, sessionNotReady, streamClosed', () => {
        const p = protocolViolation({ message: 'bad frame', frameType: 0x41 });
        assert.equal(p.frameType, 0x41);
        const s = sessionNotReady({ sessionId: 0, currentState: 'connecting' });
        assert.equal(s.sessionState, 'connecting');
        assert.equal(s.sessionId, 0);
        const c = streamClosed({ streamId: 8 });
        assert.equal(c.streamId, 8);
        assert.match(c.message, /Stream was closed/);
    });
});
describe('predicates', () => {
    test('isTimeoutError / isAbortError', () => {
        assert.ok(isTimeoutError(new DOMException('t', 'TimeoutError')));
        assert.ok(isTimeoutError(new OperationTimeoutError('t')));
        assert.ok(isTimeoutError(new IdleTimeoutError('t')));
        assert.ok(!isTimeoutError(new Error('t')));
        assert.ok(!isTimeoutError('TimeoutError'));
        assert.ok(isAbortError(new DOMException('a', 'AbortError')));
        const controller = new AbortController();
        controller.abort();
        assert.ok(isAbortError(controller.signal.reason));
        assert.ok(!isAbortError(new DOMException('t', 'TimeoutError')));
        assert.ok(!isAbortError(undefined));
    });
    test('AbortSignal.timeout reasons are timeout errors', async () => {
        const signal = AbortSignal.timeout(1);
        await new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
        assert.ok(isTimeoutError(signal.reason));
    });
    test('getErrorCategory: most specific first', () => {
        assert.equal(getErrorCategory(new CertificateError('x')), 'certificate');
        assert.equal(getErrorCategory(new HandshakeError('x')), 'handshake');
        assert.equal(getErrorCategory(new ClientError('x')), 'client');
        assert.equal(getErrorCategory(new ConnectionError('x')), 'connection');
        assert.equal(getErrorCategory(new IdleTimeoutError('x')), 'timeout');
        assert.equal(getErrorCategory(new ConfigurationError('x')), 'configuration');
        assert.equal(getErrorCategory(new DatagramError('x')), 'datagram');
        assert.equal(getErrorCategory(new FlowControlError('x')), 'flowControl');
        assert.equal(getErrorCategory(new ProtocolError('x')), 'protocol');
        assert.equal(getErrorCategory(new SerializationError('x')), 'serialization');
        assert.equal(getErrorCategory(new ServerError('x')), 'server');
        assert.equal(getErrorCategory(new SessionRejectedError('x', { status: 403 })), 'session');
        assert.equal(getErrorCategory(new StreamResetError('x')), 'stream');
        assert.equal(getErrorCategory(new OperationTimeoutError('x')), 'timeout');
        assert.equal(getErrorCategory(new AuthenticationError('x')), 'authentication');
        assert.equal(getErrorCategory(new MiddlewareRejectedError('x')), 'middleware');
        assert.equal(getErrorCategory(new DOMException('x', 'TimeoutError')), 'timeout');
        assert.equal(getErrorCategory(new DOMException('x', 'AbortError')), 'abort');
        assert.equal(getErrorCategory(new Error('x')), 'unknown');
    });
    test('isFatalError follows the error code; foreign errors are fatal, timeouts are not', () => {
        assert.ok(isFatalError(new ProtocolError('x')));
        assert.ok(isFatalError(new ProtocolError('x', { errorCode: ErrorCodes.FRAME_ENCODING_ERROR })));
        assert.ok(isFatalError(new ProtocolError('x', { errorCode: BigInt(ErrorCodes.CRYPTO_BUFFER_EXCEEDED) })));
        assert.ok(isFatalError(new CertificateError('x')));
        assert.ok(isFatalError(new MiddlewareRejectedError('x')));
        assert.ok(!isFatalError(new StreamError('x')));
        assert.ok(!isFatalError(new OperationTimeoutError('x')));
        assert.ok(isFatalError(new TypeError('bug')));
        assert.ok(!isFatalError(new DOMException('x', 'TimeoutError')));
        assert.ok(!isFatalError(new DOMException('x', 'AbortError')));
    });
    test('isRetriableError', () => {
        assert.ok(isRetriableError(new OperationTimeoutError('x')));
        assert.ok(isRetriableError(new ServerError('x')));
        assert.ok(isRetriableError(new FlowControlError('x')));
        assert.ok(isRetriableError(new DOMException('x', 'TimeoutError')));
        assert.ok(!isRetriableError(new ProtocolError('x')));
        assert.ok(!isRetriableError(new Error('x')));
        assert.ok(!isRetriableError(new StreamError('x', { errorCode: 0 })));
    });
});
//# sourceMappingURL=errors.test.js.map