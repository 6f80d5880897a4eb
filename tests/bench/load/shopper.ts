import { io, type Socket } from 'socket.io-client';
import {
  SHOPPER_NAMESPACE,
  type ClientToServerEvents,
  type ConversationEvent,
  type JoinResult,
  type ServerToClientEvents,
} from '../../../src/chat/protocol.js';

type ShopperSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One shopper as the widget behaves: a session, a socket on the shopper namespace, a join that
 * replays every event after the last seq it has, and on a lost connection a new socket to a
 * surviving instance that rejoins after that seq. It counts what the server got wrong: a live
 * event with a seq it already had (duplicated), a hole in the seqs (lost).
 */
export class Shopper {
  readonly seen = new Map<number, number>();
  private readonly types = new Map<number, string>();
  duplicated = 0;
  completedAt: number | null = null;
  failed = false;
  reconnects = 0;
  /** The instance this shopper is connected to. */
  url = '';
  private socket: ShopperSocket | null = null;
  private joining: ConversationEvent[] | null = null;
  private closed = false;

  private constructor(
    readonly ip: string,
    readonly token: string,
    readonly conversationId: string,
  ) {}

  /** A new session on `url`, from a client address of its own (the server trusts X-Forwarded-For from loopback). */
  static async start(url: string, ip: string): Promise<Shopper> {
    const res = await fetch(`${url}/api/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
      body: '{}',
    });
    if (!res.ok) throw new Error(`POST /api/sessions: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { token: string; conversationId: string };
    return new Shopper(ip, body.token, body.conversationId);
  }

  get lastSeq(): number {
    let last = 0;
    while (this.seen.has(last + 1)) last++;
    return last;
  }

  /** Seqs missing below the highest one received. */
  get lost(): number {
    const max = Math.max(0, ...this.seen.keys());
    return max - this.seen.size;
  }

  /** Connects to `url` and joins the conversation after the last seq received. */
  async connect(url: string, onDrop: (s: Shopper) => void): Promise<void> {
    const socket: ShopperSocket = io(`${url}${SHOPPER_NAMESPACE}`, {
      auth: { token: this.token },
      extraHeaders: { 'x-forwarded-for': this.ip },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    this.url = url;
    socket.on('conversation:event', (e) => (this.joining ? this.joining.push(e) : this.record(e, true)));
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
    socket.once('disconnect', () => {
      if (!this.closed) onDrop(this);
    });
    // Live events that arrive while the join is answered overlap its replay: apply each seq once, as the widget does.
    this.joining = [];
    const joined = await this.emit<JoinResult>('conversation:join', {
      conversationId: this.conversationId,
      afterSeq: this.lastSeq,
    });
    const overlap = this.joining;
    this.joining = null;
    for (const e of [...joined.events, ...overlap]) this.record(e, false);
  }

  /** Sends `text`; a send cut off by a lost connection is sent again once reconnected (stored once). */
  async send(text: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.emit('message:send', {
          conversationId: this.conversationId,
          clientMessageId: `bench-${this.conversationId}`,
          text,
        });
        return;
      } catch (err) {
        if (attempt === 5) throw err;
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    }
  }

  /** The types of the last events received, for a report on a shopper who got no answer. */
  get lastTypes(): string {
    return [...this.types]
      .slice(-4)
      .map(([seq, type]) => `${seq}:${type}`)
      .join(' ');
  }

  close(): void {
    this.closed = true;
    this.socket?.disconnect();
  }

  private record(e: ConversationEvent, live: boolean): void {
    const count = this.seen.get(e.seq) ?? 0;
    if (count > 0 && !live) return;
    if (count > 0) this.duplicated++;
    this.seen.set(e.seq, count + 1);
    this.types.set(e.seq, e.type);
    if (e.type === 'message.completed' && e.role === 'assistant') {
      this.completedAt = Date.now();
      this.failed = e.failed === true;
    }
  }

  private emit<T>(event: 'conversation:join' | 'message:send', payload: object): Promise<T> {
    return new Promise((resolve, reject) => {
      const ack = (r: { ok: boolean; data?: unknown; error?: { code: string; message: string } }) =>
        r.ok ? resolve(r.data as T) : reject(new Error(`${event}: ${r.error?.code} ${r.error?.message}`));
      (this.socket!.timeout(30_000).emit as (e: string, p: object, cb: (err: Error | null, r: never) => void) => void)(
        event,
        payload,
        (err, r) => (err ? reject(err) : ack(r)),
      );
    });
  }
}
