/**
 * `tswebtransport <command>`: `serve` (the WebTransport echo server and its demo page, see
 * serve.ts) and `proxy` (a CONNECT-UDP proxy, see proxy.ts).
 */
import { pathToFileURL } from 'node:url';
import { PROXY_USAGE, runProxy } from './proxy.js';
import { SERVE_USAGE, runServe } from './serve.js';

const USAGE = `usage: tswebtransport serve [options]    (tswebtransport serve --help for the options)
       tswebtransport proxy [options]    (tswebtransport proxy --help for the options)`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'serve') {
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(SERVE_USAGE);
      return 0;
    }
    return runServe(rest);
  }
  if (command === 'proxy') {
    if (rest.includes('--help') || rest.includes('-h')) {
      console.log(PROXY_USAGE);
      return 0;
    }
    return runProxy(rest);
  }
  if (command === undefined || command === '--help' || command === '-h') {
    console.log(USAGE);
    return 0;
  }
  console.error(`unknown command ${command}\n${USAGE}`);
  return 2;
}

// Runnable directly too: `node dist/src/cli/main.js serve` (the bin shim does the same).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const code = await main(process.argv.slice(2));
  if (code !== 0) process.exit(code);
}
