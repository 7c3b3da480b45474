import { createDiagnoseHandler } from './diagnose-protocol';

/** The paste decoder on a Web Worker: every paste is read here, off the page's main thread (use-diagnosis.ts). */
declare const self: DedicatedWorkerGlobalScope;

const handle = createDiagnoseHandler((message) => self.postMessage(message));
self.onmessage = (e: MessageEvent<unknown>) => handle(e.data);
