import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chatCompletionChunks } from '../../msw/openai-chat.js';

/** How the fake model paces its streams. */
export interface FakeModelPace {
  firstTokenMs: number;
  tokensPerSecond: number;
}

const REPLY = 'Here is what I found for you, I hope one of these fits what you are looking for today.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface ChatRequest {
  messages: Array<{ role: string; content?: unknown }>;
}

/** The chunks of one answer: a product search for a shopper who asked for socks (once), text otherwise. */
function answer(body: ChatRequest): object[] {
  const last = body.messages.at(-1);
  const asked = typeof last?.content === 'string' ? last.content : '';
  if (last?.role === 'user' && /socks/i.test(asked)) {
    const call = { id: `call_${Math.random().toString(36).slice(2)}`, name: 'search_products' };
    return chatCompletionChunks({ toolCalls: [{ ...call, arguments: JSON.stringify({ query: asked }) }] });
  }
  return chatCompletionChunks({ text: REPLY });
}

/**
 * A local OpenAI-compatible chat-completions server that streams `text/event-stream` chunks in the
 * real wire format, after `firstTokenMs` and then at `tokensPerSecond`.
 */
export async function startFakeModel(pace: FakeModelPace): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (d: Buffer) => (raw += d.toString()));
    req.on('end', async () => {
      const chunks = answer(JSON.parse(raw) as ChatRequest);
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      await sleep(pace.firstTokenMs);
      for (const chunk of chunks) {
        if (res.destroyed) return;
        res.write(`data: ${JSON.stringify(chunk)}\n\n`);
        await sleep(1000 / pace.tokensPerSecond);
      }
      res.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
