/**
 * ECDSA and RSA-PSS signatures are randomised, which would make every simulated handshake
 * different even with the same seed. Wrapping the key so that signing the same bytes twice
 * returns the first signature keeps transcripts reproducible within a process. Test use only.
 */
import type { SigningKey } from '../proto/tls/session.js';
export declare function memoizedSigningKey(key: SigningKey): SigningKey;
