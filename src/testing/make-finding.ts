import type { Finding } from '../core/decode/finding';

/** A complete Finding for tests, with the fields that matter given. */
export function makeFinding(fields: Partial<Finding> = {}): Finding {
  const span = fields.span ?? { startLine: 1, endLine: 1 };
  return {
    source: 'server',
    code: '404',
    status: 404,
    kind: null,
    message: 'Promise not found',
    name: null,
    entry: 'server.404.promise-not-found',
    error: true,
    retry: 'after-fix',
    retryReason: 'The same request fails until a promise with this id exists.',
    title: 'Promise not found',
    summary: '',
    cause: '',
    causes: [],
    steps: [],
    mismatch: null,
    notes: [],
    inferred: [],
    warning: false,
    incidental: false,
    corrId: null,
    ids: {},
    versions: {},
    userFrame: null,
    frames: [],
    chain: [],
    wraps: null,
    request: null,
    response: null,
    count: fields.spans?.length ?? 1,
    excerpt: '',
    ...fields,
    span,
    spans: fields.spans ?? [span],
  };
}
