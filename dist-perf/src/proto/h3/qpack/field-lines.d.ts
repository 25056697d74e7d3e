/**
 * Field line representations (RFC 9204 §4.5.2-4.5.6): first-byte patterns and prefix sizes,
 * shared by the encoder (writing) and the decoder (reading).
 */
export declare const FieldLine: {
    /** 1Txxxxxx: Indexed Field Line, 6-bit index; T = static. */
    readonly INDEXED: 128;
    readonly INDEXED_STATIC: 64;
    /** 0001xxxx: Indexed Field Line With Post-Base Index, 4-bit index. */
    readonly INDEXED_POST_BASE: 16;
    /** 01NTxxxx: Literal Field Line With Name Reference, 4-bit index; N = never index, T = static. */
    readonly LITERAL_NAME_REF: 64;
    readonly LITERAL_NAME_REF_NEVER_INDEX: 32;
    readonly LITERAL_NAME_REF_STATIC: 16;
    /** 0000Nxxx: Literal Field Line With Post-Base Name Reference, 3-bit index. */
    readonly LITERAL_POST_BASE_NAME_REF: 0;
    /** 001NHxxx: Literal Field Line With Literal Name, name length with a 3-bit prefix. */
    readonly LITERAL_LITERAL_NAME: 32;
    readonly LITERAL_LITERAL_NAME_NEVER_INDEX: 16;
};
