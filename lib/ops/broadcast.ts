import Redis from 'ioredis';
import { getConfig } from '../config';

// Why a broadcast: every app instance keeps short-lived copies of what each
// request needs first (the tenant for 30 s, the hashes of its tokens for 1 s)
// to save a query per request. When an admin revokes a token or changes the tenant's
// settings on one instance, the others must drop their copies before their
// next request, not when the copies expire, so the change is published on a
// Redis channel that every instance listens to.
//
// Pub/sub is fire-and-forget: an instance that is disconnected misses what is
// sent meanwhile. So whenever an instance (re)subscribes, its handlers are
// called with null ("forget everything"), and while Redis is unreachable the
// copies' own lifetimes bound how stale they get. Without REDIS_URL nothing is
// sent or heard, as with a single instance.
//
// On globalThis because Next's bundles and the SCIM server each load this
// module separately in one process; they share one subscriber.

/** Called with a message, or with null when messages may have been missed. */
export type BroadcastHandler = (message: string | null) => void;

interface Broadcast {
  handlers: Map<string, BroadcastHandler>;
  subscriber?: Redis;
  publisher?: Redis;
}

const state: Broadcast = ((globalThis as { orgwikiBroadcast?: Broadcast }).orgwikiBroadcast ??= { handlers: new Map() });

async function subscribe(subscriber: Redis, channels: string[]): Promise<void> {
  try {
    await subscriber.subscribe(...channels);
  } catch {
    return; // the connection dropped; the next 'ready' subscribes again
  }
  for (const channel of channels) state.handlers.get(channel)?.(null);
}

function connectSubscriber(url: string): Redis {
  // Resubscribed by hand on every 'ready', so that the handlers hear about the gap.
  // Named, so that CLIENT LIST shows which process each subscriber is.
  const subscriber = new Redis(url, {
    autoResubscribe: false,
    enableOfflineQueue: false,
    maxRetriesPerRequest: null,
    connectionName: `orgwiki-broadcast-${process.pid}`,
  });
  subscriber.on('error', () => {}); // ioredis reconnects by itself; the caches' lifetimes cover the gap
  subscriber.on('ready', () => void subscribe(subscriber, [...state.handlers.keys()]));
  subscriber.on('message', (channel: string, message: string) => state.handlers.get(channel)?.(message));
  return subscriber;
}

/**
 * Calls `handler` with every message published on `channel`, by any process.
 * The first handler of a channel is the one kept, so calling it on every
 * request costs a map lookup; the Redis connection opens on the first call.
 */
export function listen(channel: string, handler: BroadcastHandler): void {
  if (state.handlers.has(channel)) return;
  state.handlers.set(channel, handler);
  const url = getConfig().REDIS_URL;
  if (!url) return;
  if (!state.subscriber) state.subscriber = connectSubscriber(url);
  else if (state.subscriber.status === 'ready') void subscribe(state.subscriber, [channel]);
}

/** Sends `message` to every process listening on `channel`, this one included. Never throws. */
export async function publish(channel: string, message: string): Promise<void> {
  const url = getConfig().REDIS_URL;
  if (!url) return;
  if (!state.publisher) {
    // A short leash: an admin's action waits for this, and a Redis outage must not hang it.
    state.publisher = new Redis(url, { lazyConnect: true, connectTimeout: 1_000, commandTimeout: 1_000, maxRetriesPerRequest: 1 });
    state.publisher.on('error', () => {}); // reported below, per message
  }
  try {
    await state.publisher.publish(channel, message);
  } catch (error) {
    console.error(`broadcast: ${channel} not sent (${(error as Error).message}); other instances catch up when their copies expire`);
  }
}

/** Closes this process's connections, so that a command-line run can exit. */
export function closeBroadcast(): void {
  state.subscriber?.disconnect();
  state.publisher?.disconnect();
  state.subscriber = undefined;
  state.publisher = undefined;
  state.handlers.clear();
}
