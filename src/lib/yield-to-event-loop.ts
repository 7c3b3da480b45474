/**
 * A yield to the event loop without a timer's clamping (nested timeouts wait 4 ms each), for loops that must
 * not hold a thread: a promise chain alone never yields (its steps all run as microtasks of one task).
 * Made on first use, one channel per realm (the page, or a worker).
 */
let channel: MessageChannel | null = null;
const waiting: Array<() => void> = [];

export function yieldToEventLoop(): Promise<void> {
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  const port = channel.port2;
  return new Promise<void>((resolve) => {
    waiting.push(resolve);
    port.postMessage(null);
  });
}
