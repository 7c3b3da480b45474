import { LocalNetwork, type Request as ProtocolRequest } from '@resonatehq/sdk';
import sdkPackage from '@resonatehq/sdk/package.json' with { type: 'json' };

/**
 * The TypeScript SDK's in-memory server model, the one behind `LocalNetwork`. Its `send` is not used: it asserts
 * the shape of every answer and, on Node, calls `process.exit(1)` when an answer does not fit (e.g. a settle
 * without a value) — which would take the whole dev server down. The model itself (`Server.apply(now, req)`) is
 * what `send` calls; it is reached through the network's `server` field and checked once, here.
 */

export type ModelAnswer = { status: number; data: unknown };

export type EmbeddedModel = {
  /** Applies one (already checked) request. May throw on data the model cannot handle. */
  apply(request: ProtocolRequest, now?: number): ModelAnswer;
  readonly description: string;
};

type ServerLike = { apply(now: number, req: ProtocolRequest): { response: unknown } };

const isServerLike = (v: unknown): v is ServerLike => typeof v === 'object' && v !== null && typeof Reflect.get(v, 'apply') === 'function';

export const MODEL_DESCRIPTION = `@resonatehq/sdk LocalNetwork ${sdkPackage.version}`;

export function createEmbeddedModel(): EmbeddedModel {
  // No init(): that would start the network's 1 s tick loop. Timeouts are applied on access ("eager" mode).
  const network = new LocalNetwork({ pid: 'embedded', group: 'default' });
  const server: unknown = Reflect.get(network, 'server');
  if (!isServerLike(server)) {
    throw new Error(`${MODEL_DESCRIPTION}: LocalNetwork has no server model with apply(now, request); the embedded endpoint needs an update for this SDK version.`);
  }
  return {
    description: MODEL_DESCRIPTION,
    apply(request, now = Date.now()) {
      const { response } = server.apply(now, request);
      if (typeof response !== 'object' || response === null) throw new Error('the model gave no response');
      const head: unknown = Reflect.get(response, 'head');
      const status: unknown = typeof head === 'object' && head !== null ? Reflect.get(head, 'status') : undefined;
      if (typeof status !== 'number') throw new Error('the model gave a response without a status');
      return { status, data: Reflect.get(response, 'data') };
    },
  };
}
