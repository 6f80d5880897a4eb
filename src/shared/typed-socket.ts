import type { Namespace, Server, Socket } from 'socket.io';
import type { z } from 'zod';
import type { Logger } from '../logger.js';
import type { Ack } from './ack.js';
import { handleEvent } from './handle-event.js';

/** An event map (socket.io's own constraint: any object of listeners). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as socket.io declares it
export type EventMap = Record<string, any>;

/** The payload type an event declares. */
export type PayloadOf<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;

/** The data an event's ack carries on success. */
export type AckData<F> = F extends (payload: never, ack: (r: Ack<infer T>) => void) => void ? T : never;

/**
 * A namespace typed with its own event maps. socket.io types one event map per server, and the
 * shopper and agent namespaces have different ones, so this is the one place that narrows them.
 */
export function typedNamespace<
  Listen extends EventMap,
  Emit extends EventMap,
  Data,
  /** Events between the instances of a cluster (`serverSideEmit`). */
  ServerSide extends EventMap = Record<string, never>,
>(io: Server, name: string): Namespace<Listen, Emit, ServerSide, Data> {
  return io.of(name) as unknown as Namespace<Listen, Emit, ServerSide, Data>;
}

/**
 * Binds validated, acked handlers to a socket. The event name must be in the protocol's map,
 * the schema must parse what the event declares, and the handler must resolve to the ack's data
 * type: a misspelled event or a wrong ack type fails the type check.
 */
export function eventBinder<Listen extends EventMap, ServerSide extends EventMap = Record<string, never>>(
  socket: Socket<Listen, EventMap, ServerSide, unknown>,
  logger: Logger,
) {
  return <K extends keyof Listen & string, S extends z.ZodType<unknown, PayloadOf<Listen[K]>>>(
    event: K,
    schema: S,
    run: (input: z.output<S>) => Promise<AckData<Listen[K]>>,
  ): void => {
    // The checks above are the contract; socket.io cannot resolve its listener type for a generic event
    // name, and handleEvent accepts any payload and ack (it validates both), so it fits every listener.
    const untyped = socket as unknown as {
      on(event: string, listener: (payload: unknown, ack?: unknown) => void): void;
    };
    untyped.on(event, handleEvent(logger, schema, run));
  };
}
