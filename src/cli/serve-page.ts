/**
 * The demo page of `tswebtransport serve`: connects to the echo endpoint with
 * serverCertificateHashes (the freshly generated certificate's SHA-256) and lets a person send
 * streams and datagrams and watch them echo. Self-contained: no external script or style.
 */

export interface DemoPageOptions {
  /** The WebTransport echo URL, e.g. https://127.0.0.1:4433/echo. */
  readonly url: string;
  /** SHA-256 of the DER certificate, lower-case hex. */
  readonly certSha256Hex: string;
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** The script reads its settings from JSON in a data block, so nothing is spliced into code. */
function settingsJson(options: DemoPageOptions): string {
  return JSON.stringify({ url: options.url, hash: options.certSha256Hex }).replace(/</g, '\\u003c');
}

const SCRIPT = String.raw`
const settings = JSON.parse(document.getElementById('settings').textContent);
const $ = (id) => document.getElementById(id);
const logEl = $('log');
const enc = new TextEncoder();
const dec = new TextDecoder();
let wt;
function log(kind, text) {
  const line = document.createElement('div');
  line.className = kind;
  line.textContent = new Date().toISOString().slice(11, 23) + ' ' + text;
  logEl.prepend(line);
}
function hexToBytes(hex) {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.substr(i * 2, 2), 16);
  return out;
}
function setConnected(on) {
  for (const b of document.querySelectorAll('.needs-session')) b.disabled = !on;
  $('connect').disabled = on;
}
async function readText(readable) {
  const reader = readable.getReader();
  let text = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return text;
    text += dec.decode(value, { stream: true });
  }
}
async function watchIncomingUni(session) {
  const reader = session.incomingUnidirectionalStreams.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    readText(value).then((t) => log('in', 'uni stream from server: ' + JSON.stringify(t)), (e) => log('err', 'uni read: ' + e));
  }
}
async function watchIncomingBidi(session) {
  const reader = session.incomingBidirectionalStreams.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    log('info', 'the server opened a bidirectional stream; writing to it');
    const w = value.writable.getWriter();
    await w.write(enc.encode('hello on the server-opened stream'));
    await w.close();
    readText(value.readable).then((t) => log('in', 'server-opened bidi echo: ' + JSON.stringify(t)), (e) => log('err', 'bidi read: ' + e));
  }
}
async function watchDatagrams(session) {
  const reader = session.datagrams.readable.getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    log('in', 'datagram echo: ' + JSON.stringify(dec.decode(value)));
  }
}
$('connect').onclick = async () => {
  if (typeof WebTransport === 'undefined') { log('err', 'this browser has no WebTransport (use Chrome or Chromium, and open the page on localhost/127.0.0.1)'); return; }
  const started = performance.now();
  try {
    wt = new WebTransport(settings.url, { serverCertificateHashes: [{ algorithm: 'sha-256', value: hexToBytes(settings.hash) }] });
    await wt.ready;
  } catch (e) {
    log('err', 'connect failed: ' + e + ' (the console may say why)');
    wt = undefined;
    return;
  }
  log('info', 'session ready in ' + Math.round(performance.now() - started) + ' ms; max datagram ' + wt.datagrams.maxDatagramSize + ' bytes');
  setConnected(true);
  const session = wt;
  session.closed.then((info) => log('info', 'session closed: code ' + info.closeCode + ' reason ' + JSON.stringify(info.reason)),
    (e) => log('err', 'session closed abruptly: ' + e)).finally(() => { if (wt === session) { wt = undefined; setConnected(false); } });
  watchIncomingUni(session).catch(() => {});
  watchIncomingBidi(session).catch(() => {});
  watchDatagrams(session).catch(() => {});
};
$('bidi').onclick = async () => {
  const text = $('message').value;
  try {
    const s = await wt.createBidirectionalStream();
    const w = s.writable.getWriter();
    await w.write(enc.encode(text));
    await w.close();
    log('out', 'bidi stream sent: ' + JSON.stringify(text));
    log('in', 'bidi echo: ' + JSON.stringify(await readText(s.readable)));
  } catch (e) { log('err', 'bidi: ' + e); }
};
$('uni').onclick = async () => {
  const text = $('message').value;
  try {
    const s = await wt.createUnidirectionalStream();
    const w = s.getWriter();
    await w.write(enc.encode(text));
    await w.close();
    log('out', 'uni stream sent: ' + JSON.stringify(text));
  } catch (e) { log('err', 'uni: ' + e); }
};
$('datagram').onclick = async () => {
  const text = $('message').value;
  try {
    const w = wt.datagrams.writable.getWriter();
    await w.write(enc.encode(text));
    w.releaseLock();
    log('out', 'datagram sent: ' + JSON.stringify(text));
  } catch (e) { log('err', 'datagram: ' + e); }
};
$('close').onclick = () => { try { wt.close({ closeCode: 4242, reason: 'bye from the page' }); } catch (e) { log('err', 'close: ' + e); } };
setConnected(false);
`;

/** The whole HTML document. */
export function renderDemoPage(options: DemoPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>tswebtransport echo</title>
<style>
body { font: 15px system-ui, sans-serif; max-width: 52rem; margin: 2rem auto; padding: 0 1rem; }
code { font-size: 13px; word-break: break-all; }
button { margin: 0.2rem 0.3rem 0.2rem 0; }
#log { margin-top: 1rem; font: 13px ui-monospace, monospace; border: 1px solid #ccc; padding: 0.5rem; min-height: 12rem; }
.in { color: #05620a; } .out { color: #0b3d91; } .err { color: #a40000; } .info { color: #555; }
</style>
</head>
<body>
<h1>tswebtransport echo</h1>
<p>WebTransport server: <code id="url">${escapeHtml(options.url)}</code><br>
certificate SHA-256: <code id="hash">${escapeHtml(options.certSha256Hex)}</code></p>
<p><button id="connect">Connect</button>
<input id="message" value="hello, WebTransport" size="30">
<button id="bidi" class="needs-session">Send on a bidirectional stream</button>
<button id="uni" class="needs-session">Send on a unidirectional stream</button>
<button id="datagram" class="needs-session">Send a datagram</button>
<button id="close" class="needs-session">Close session</button></p>
<div id="log"></div>
<script type="application/json" id="settings">${settingsJson(options)}</script>
<script type="module">${SCRIPT}</script>
</body>
</html>
`;
}
