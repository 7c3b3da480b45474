import { readTsLine } from '../javascript';
import { readPythonLine } from '../python';
import type { Reader } from './reader';

/** One-line SDK texts: Python log lines and reprs, TS log lines (`Encoding. … (See https://rn8.io/e/1106 …)`), networking warnings. */
export const sdkLogLineReader: Reader = {
  name: 'sdk-log-line',
  start: (ctx) => ({
    read: (i, t) => {
      const raw = readPythonLine(t, ctx.no(i)) ?? readTsLine(t, ctx.no(i));
      return raw ? { raws: [raw], end: i } : null;
    },
  }),
};
