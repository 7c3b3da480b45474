import type { ReplayRequest } from '../core/replay/request-schema.js';
import { ServerModel, type ModelAnswer, type ServerModelOptions } from './server-model.js';

/**
 * The model behind the embedded endpoint: a model of the Rust Resonate server's own state machine (v0.9.5,
 * server-model.ts), in memory like `resonate dev`. It answers with the server's statuses, error texts and record
 * layout. (It replaced the TS SDK's LocalNetwork model, whose answers differ from the server's: see the README.)
 */

export type { ModelAnswer };

export type EmbeddedModel = {
  /** Applies one (already checked) request at `now` (ms). */
  apply(request: ReplayRequest, now?: number): ModelAnswer;
  readonly description: string;
};

/** The server version whose rules the model follows. */
export const MODELLED_SERVER_VERSION = '0.9.5';
export const MODEL_DESCRIPTION = `model of the Resonate server ${MODELLED_SERVER_VERSION} state machine, in memory`;

export function createEmbeddedModel(options: ServerModelOptions = {}): EmbeddedModel {
  const model = new ServerModel(options);
  return {
    description: MODEL_DESCRIPTION,
    apply: (request, now = Date.now()) => model.apply(request, now),
  };
}
