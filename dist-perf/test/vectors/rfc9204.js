/**
 * RFC 9204 Appendix B: one encoder/decoder exchange, step by step. Each step is the bytes on one
 * stream (hex) with what they mean; the steps run in order against one encoder and one decoder
 * whose SETTINGS_QPACK_MAX_TABLE_CAPACITY is 220 (the capacity B.2 sets).
 */
export const EXAMPLE_MAX_TABLE_CAPACITY = 220;
/** B.1: a field section on stream 0 with a static name reference and a literal value. */
export const B1_STREAM0 = '0000510b2f696e6465782e68746d6c';
export const B1_HEADERS = [[':path', '/index.html']];
/** B.2: capacity 220, insert :authority and :path with static name references. */
export const B2_ENCODER = '3fbd01c00f7777772e6578616d706c652e636f6dc10c2f73616d706c652f70617468';
/** B.2: stream 4 references both entries with post-base indexes (Required Insert Count 2, Base 0). */
export const B2_STREAM4 = '03811011';
export const B2_HEADERS = [[':authority', 'www.example.com'], [':path', '/sample/path']];
/** B.2: Section Acknowledgment for stream 4. */
export const B2_DECODER = '84';
export const B2_TABLE_SIZE = 106;
/** B.3: speculative insert with a literal name. */
export const B3_ENCODER = '4a637573746f6d2d6b65790c637573746f6d2d76616c7565';
/** B.3: Insert Count Increment (1). */
export const B3_DECODER = '01';
export const B3_TABLE_SIZE = 160;
/** B.4: duplicate of entry 0. */
export const B4_ENCODER = '02';
/** B.4: stream 8 (Required Insert Count 4, Base 4): dynamic 3, static 1, dynamic 2. */
export const B4_STREAM8 = '050080c181';
export const B4_HEADERS = [
    [':authority', 'www.example.com'], [':path', '/'], ['custom-key', 'custom-value'],
];
/** B.4: Stream Cancellation (stream 8). */
export const B4_DECODER = '48';
export const B4_TABLE_SIZE = 217;
/** B.5: insert custom-key=custom-value2 with a dynamic name reference (relative 1), evicting entry 0. */
export const B5_ENCODER = '810d637573746f6d2d76616c756532';
export const B5_TABLE_SIZE = 215;
//# sourceMappingURL=rfc9204.js.map