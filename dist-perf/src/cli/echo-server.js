/** Echo application error code used when a stream echo fails half-way. */
const ECHO_FAILED = 0x1n;
export async function serveEcho(endpoint) {
    for await (const connection of endpoint.incoming)
        void echoConnection(connection);
}
export async function echoConnection(connection) {
    void echoDatagrams(connection);
    try {
        for await (const stream of connection.incomingStreams) {
            void (stream.direction === 'bidi' ? echoBidi(stream) : echoUni(connection, stream));
        }
    }
    catch {
        // The connection ended; its `closed` Promise reports why.
    }
}
async function echoBidi(stream) {
    try {
        for await (const chunk of stream)
            await stream.write(chunk);
        await stream.end();
    }
    catch {
        stream.reset(ECHO_FAILED);
    }
}
async function echoUni(connection, incoming) {
    let out;
    try {
        out = await connection.openUnidirectionalStream();
        for await (const chunk of incoming)
            await out.write(chunk);
        await out.end();
    }
    catch {
        out?.reset(ECHO_FAILED);
        incoming.stopSending(ECHO_FAILED);
    }
}
async function echoDatagrams(connection) {
    for await (const datagram of connection.datagrams) {
        try {
            connection.sendDatagram(datagram);
        }
        catch {
            // Datagrams are unreliable: a refused echo is a loss, not an error.
        }
    }
}
//# sourceMappingURL=echo-server.js.map