import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { chatCompletionChunks } from '../msw/openai-chat.js';
import { waitFor } from './test-app.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * An OpenAI-compatible chat-completions server (its wire format) that streams the first chunks of
 * each answer `reply`, then holds the rest until `release()`: a model in the middle of an answer.
 */
export function fakeStreamingModel(reply: string) {
  let server: Server;
  let releases: Array<() => void> = [];
  const held = { count: 0 };
  return {
    held,
    url: () => `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    listen: () =>
      new Promise<void>((resolve) => {
        server = createServer((req, res) => {
          req.resume();
          req.on('end', () => {
            const chunks = chatCompletionChunks({ text: reply }).map((c) => `data: ${JSON.stringify(c)}\n\n`);
            res.writeHead(200, { 'content-type': 'text/event-stream' });
            res.write(chunks.slice(0, 2).join(''));
            held.count++;
            releases.push(() => res.end(`${chunks.slice(2).join('')}data: [DONE]\n\n`));
          });
        });
        server.listen(0, '127.0.0.1', resolve);
      }),
    release() {
      releases.forEach((r) => r());
      releases = [];
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** `npm start` (src/main.ts) as a child process with `env`; resolves with its URL once it listens. */
export async function startMain(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      IMPORT_ON_START: 'false',
      EMBEDDINGS: 'local',
      MODEL_MAX_RETRIES: '0',
      PORT: '0',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const port = await waitFor(() => /Concierge is running: http:\/\/localhost:(\d+)\//.exec(log)?.[1], 60_000);
  return { child, url: `http://127.0.0.1:${port}`, exited, log: () => log };
}
