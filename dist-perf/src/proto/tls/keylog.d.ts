export declare const KeyLogLabel: {
    readonly CLIENT_HANDSHAKE_TRAFFIC_SECRET: "CLIENT_HANDSHAKE_TRAFFIC_SECRET";
    readonly SERVER_HANDSHAKE_TRAFFIC_SECRET: "SERVER_HANDSHAKE_TRAFFIC_SECRET";
    readonly CLIENT_TRAFFIC_SECRET_0: "CLIENT_TRAFFIC_SECRET_0";
    readonly SERVER_TRAFFIC_SECRET_0: "SERVER_TRAFFIC_SECRET_0";
};
/** One line, without the trailing newline: `<label> <client random hex> <secret hex>`. */
export declare function formatKeyLogLine(label: string, clientRandom: Uint8Array, secret: Uint8Array): string;
