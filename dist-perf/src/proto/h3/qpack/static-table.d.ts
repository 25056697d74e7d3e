/** The QPACK static table (RFC 9204 Appendix A) and constant-time lookups into it. */
/** [name, value] by static index 0..98. */
export declare const STATIC_TABLE: readonly (readonly [string, string])[];
/** The static index of an exact name+value match, or -1. */
export declare function staticExactIndex(name: string, value: string): number;
/** The static index of an entry with this name (any value), or -1. */
export declare function staticNameIndex(name: string): number;
