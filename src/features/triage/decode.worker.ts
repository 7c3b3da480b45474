import { createDecodeWorkerState, handleWorkerMessage } from '../../core/triage/worker-protocol';
import { yieldToEventLoop } from '../../lib/yield-to-event-loop';

/**
 * The decode worker: the core's message loop (src/core/triage/worker-protocol.ts) on a Web Worker, so that a
 * log of many megabytes is decoded off the page's main thread. Created by use-log-decode.ts.
 */
declare const self: DedicatedWorkerGlobalScope;

const state = createDecodeWorkerState();

self.onmessage = (e: MessageEvent<unknown>) => {
  // Progress four times a second (each one re-renders the summary); a yield to the event loop per window; the gate
  // reads a window's bytes (the browser's TextEncoder.encodeInto, per line, took a fifth of the decode in Chromium).
  void handleWorkerMessage(state, e.data, { post: (message) => self.postMessage(message), yieldToEventLoop, progressIntervalMs: 250, gateBytes: true });
};
