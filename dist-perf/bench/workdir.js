/**
 * The interop kit's work directory: @matrixai/quic in node_modules and the throw-away certs both
 * stacks load. $INTEROP_WORKDIR, else /work/peers-work when present, else setup.sh is run into a
 * fresh temporary directory (without apt: only npm install and the certificates are needed).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { interopKitDir } from './quiche-stack.js';
const DEFAULT_WORKDIR = '/work/peers-work';
function describe(dir, how) {
    const hasQuiche = existsSync(join(dir, 'node_modules', '@matrixai', 'quic', 'package.json'));
    return { dir, hasQuiche, note: `${how}: ${dir}${hasQuiche ? '' : ' (no @matrixai/quic there)'}` };
}
function hasCerts(dir) {
    return existsSync(join(dir, 'certs', 'cert.pem')) && existsSync(join(dir, 'certs', 'priv.key'));
}
export function resolveWorkDir(env) {
    const given = env['INTEROP_WORKDIR'];
    if (given && hasCerts(given))
        return describe(given, 'INTEROP_WORKDIR');
    if (!given && hasCerts(DEFAULT_WORKDIR))
        return describe(DEFAULT_WORKDIR, 'default work dir');
    const dir = given ?? mkdtempSync(join(tmpdir(), 'tswt-bench-peers-'));
    const kit = interopKitDir();
    process.stderr.write(`bench: preparing the interop kit in ${dir} (setup.sh, NO_APT=1)...\n`);
    const setup = spawnSync('bash', [join(kit, 'setup.sh'), dir], {
        env: { ...env, WORKDIR: dir, NO_APT: '1' }, stdio: ['ignore', 'ignore', 'inherit'], timeout: 600_000,
    });
    if (!hasCerts(dir)) {
        // setup.sh failed before the certificates (e.g. no npm registry): certificates alone still let us run.
        spawnSync('bash', [join(kit, 'make-cert.sh'), join(dir, 'certs')], { env: { ...env, WORKDIR: dir }, stdio: 'ignore' });
    }
    if (!hasCerts(dir))
        throw new Error(`no certificates in ${dir} (setup.sh exit ${setup.status})`);
    return describe(dir, `setup.sh exit ${setup.status}`);
}
//# sourceMappingURL=workdir.js.map