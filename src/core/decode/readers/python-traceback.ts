import { interpretTraceback, readTraceback } from '../python';
import type { Reader } from './reader';

/** A Python traceback with its chained exceptions (`During handling…`, `The above exception…`). */
export const pythonTracebackReader: Reader = {
  name: 'python-traceback',
  start: (ctx) => ({
    read: (i) => {
      const tb = readTraceback(ctx.lines, i);
      if (!tb) return null;
      const raw = interpretTraceback(tb, ctx.no(i), ctx.no(tb.end));
      // A traceback it cannot interpret leaves the line to the readers after it.
      return raw ? { raws: [raw], end: tb.end } : null;
    },
  }),
};
