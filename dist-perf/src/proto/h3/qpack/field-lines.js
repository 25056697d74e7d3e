/**
 * Field line representations (RFC 9204 §4.5.2-4.5.6): first-byte patterns and prefix sizes,
 * shared by the encoder (writing) and the decoder (reading).
 */
export const FieldLine = {
    /** 1Txxxxxx: Indexed Field Line, 6-bit index; T = static. */
    INDEXED: 0x80,
    INDEXED_STATIC: 0x40,
    /** 0001xxxx: Indexed Field Line With Post-Base Index, 4-bit index. */
    INDEXED_POST_BASE: 0x10,
    /** 01NTxxxx: Literal Field Line With Name Reference, 4-bit index; N = never index, T = static. */
    LITERAL_NAME_REF: 0x40,
    LITERAL_NAME_REF_NEVER_INDEX: 0x20,
    LITERAL_NAME_REF_STATIC: 0x10,
    /** 0000Nxxx: Literal Field Line With Post-Base Name Reference, 3-bit index. */
    LITERAL_POST_BASE_NAME_REF: 0x00,
    /** 001NHxxx: Literal Field Line With Literal Name, name length with a 3-bit prefix. */
    LITERAL_LITERAL_NAME: 0x20,
    LITERAL_LITERAL_NAME_NEVER_INDEX: 0x10,
};
//# sourceMappingURL=field-lines.js.map