/** Command line of the interop endpoint: `server|client --mode echo ...`, parsed into typed settings. */
import { parseArgs } from 'node:util';
import { parseHostPort } from '../runtime/socket-address.js';
/** Modes are open-ended: h3 and wt modes are added later beside echo. */
export const INTEROP_MODES = ['echo'];
export class UsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UsageError';
    }
}
export const USAGE = `usage:
  tswebtransport-interop server --mode echo --alpn <alpn> --listen <host>:<port> --cert <pem> --key <pem> [--retry] [--keylog FILE]
  tswebtransport-interop client --mode echo --alpn <alpn> --connect <host>:<port> [--ca <pem> | --insecure] [--sni <name>]
                                [--bytes N] [--streams K] [--uni U] [--datagrams D] [--chacha20] [--timeout S] [--keylog FILE]
  IPv6 addresses are written [::1]:4433; --alpn may be repeated or comma-separated.`;
export function parseInteropArgs(argv) {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            allowPositionals: true,
            strict: true,
            options: {
                mode: { type: 'string', default: 'echo' },
                alpn: { type: 'string', multiple: true },
                listen: { type: 'string' },
                cert: { type: 'string' },
                key: { type: 'string' },
                retry: { type: 'boolean', default: false },
                keylog: { type: 'string' },
                connect: { type: 'string' },
                ca: { type: 'string' },
                insecure: { type: 'boolean', default: false },
                sni: { type: 'string' },
                bytes: { type: 'string', default: '1024' },
                streams: { type: 'string', default: '1' },
                uni: { type: 'string', default: '0' },
                datagrams: { type: 'string', default: '0' },
                chacha20: { type: 'boolean', default: false },
                timeout: { type: 'string', default: '10' },
            },
        });
    }
    catch (error) {
        throw new UsageError(error.message);
    }
    const { values, positionals } = parsed;
    const role = positionals[0];
    if (positionals.length !== 1 || (role !== 'server' && role !== 'client'))
        throw new UsageError('expected exactly one command: server or client');
    const mode = values.mode;
    if (!INTEROP_MODES.includes(mode))
        throw new UsageError(`unknown --mode ${mode} (supported: ${INTEROP_MODES.join(', ')})`);
    const alpn = (values.alpn ?? []).flatMap((a) => a.split(',')).map((a) => a.trim()).filter((a) => a.length > 0);
    if (alpn.length === 0)
        throw new UsageError('--alpn is required');
    const keylog = values.keylog;
    if (role === 'server') {
        if (!values.listen)
            throw new UsageError('server needs --listen <host>:<port>');
        if (!values.cert || !values.key)
            throw new UsageError('server needs --cert and --key');
        return { role, mode: mode, alpn, listen: address(values.listen), cert: values.cert, key: values.key, retry: values.retry === true, keylog };
    }
    if (!values.connect)
        throw new UsageError('client needs --connect <host>:<port>');
    if (values.ca && values.insecure)
        throw new UsageError('--ca and --insecure exclude each other');
    return {
        role, mode: mode, alpn, connect: address(values.connect),
        ca: values.ca, insecure: values.insecure === true, sni: values.sni,
        bytes: count('bytes', values.bytes), streams: count('streams', values.streams),
        uni: count('uni', values.uni), datagrams: count('datagrams', values.datagrams),
        chacha20: values.chacha20 === true, timeoutSeconds: positive('timeout', values.timeout), keylog,
    };
}
function address(text) {
    try {
        return parseHostPort(text);
    }
    catch (error) {
        throw new UsageError(error.message);
    }
}
function count(name, text) {
    if (!/^\d+$/.test(text) || !Number.isSafeInteger(Number(text)))
        throw new UsageError(`--${name} must be a non-negative integer`);
    return Number(text);
}
function positive(name, text) {
    const v = Number(text);
    if (!Number.isFinite(v) || v <= 0)
        throw new UsageError(`--${name} must be a positive number`);
    return v;
}
//# sourceMappingURL=interop-args.js.map