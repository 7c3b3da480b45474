// The embedded endpoint against the real Resonate server v0.9.5: the recorded session replayed in order, every
// step answered with the same status, the same error text and a success of the same shape.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../testing/shared-fixtures';
import { createEmbeddedModel } from './embedded-model';
import { answer } from './resonate-endpoint';
import { disagreement, readTranscript } from './transcript-compare';

const transcript = readTranscript(resolve(sharedDir(), 'reference/real-server/transcript-v0.9.5.jsonl'));
/** The session was recorded from this time on; each step one millisecond later. */
const RECORDED_AT = 1796190649771;

describe('the embedded endpoint replays the real server session', () => {
  const model = createEmbeddedModel();
  let now = RECORDED_AT;
  for (const step of transcript) {
    it(`step ${step.step}: ${step.label}`, () => {
      now += 1;
      const { status, envelope } = answer(step.request, model, null, false, () => now);
      expect(disagreement(step, status, JSON.stringify(envelope))).toBeNull();
    });
  }
});
