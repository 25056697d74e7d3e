import { type Extension, type ExtensionBlock } from './extensions.js';
export declare function encodeEncryptedExtensions(extensions: readonly Extension[]): Uint8Array;
export declare function decodeEncryptedExtensions(body: Uint8Array): ExtensionBlock;
