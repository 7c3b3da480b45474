import { createDecodeWorkerState, handleWorkerMessage } from '../../core/triage/worker-protocol';

/**
 * The decode worker: the core's message loop (src/core/triage/worker-protocol.ts) on a Web Worker, so that a
 * log of many megabytes is decoded off the page's main thread. Created by use-log-decode.ts.
 */
declare const self: DedicatedWorkerGlobalScope;

const state = createDecodeWorkerState();

// A yield to the event loop without a timer's clamping (nested timeouts wait 4 ms each): one per window.
const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();
const yieldToEventLoop = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });

self.onmessage = (e: MessageEvent<unknown>) => {
  // Progress four times a second: each one re-renders the summary.
  void handleWorkerMessage(state, e.data, { post: (message) => self.postMessage(message), yieldToEventLoop, progressIntervalMs: 250 });
};
