import { KINDS, normalizeKind } from '../envelope';
import { parseJsonish } from '../json-scan';
import type { Reader } from './reader';

const CLI_COMMAND = /\bresonate (?<noun>promises|tasks|schedules) (?<verb>[\w-]+)/;
const CLI_ERROR = /^Error: (?<json>"(?:[^"\\]|\\.)*")\s*$/;

/** CLI verbs that are not the operation name. */
const CLI_VERBS: Record<string, string> = {
  resolve: 'settle',
  reject: 'settle',
  cancel: 'settle',
  complete: 'settle',
  claim: 'acquire',
};

/** The resonate CLI's `Error: "<data>"` line, with the kind taken from the command line pasted before it. */
export const cliErrorReader: Reader = {
  name: 'cli-error',
  // read(): CLI_ERROR; see(): CLI_COMMAND.
  markers: { texts: ['Error: "', 'resonate '] },
  start: (ctx) => {
    let cliKind: string | null = null;
    return {
      see: (_i, t) => {
        const cli = t.includes('resonate ') ? CLI_COMMAND.exec(t) : null;
        if (!cli?.groups?.noun || !cli.groups.verb) return;
        const kind = normalizeKind(`${cli.groups.noun}.${CLI_VERBS[cli.groups.verb] ?? cli.groups.verb}`);
        cliKind = (KINDS as readonly string[]).includes(kind) ? kind : null;
      },
      read: (i, t) => {
        const m = t.startsWith('Error: "') ? CLI_ERROR.exec(t) : null;
        const message = m?.groups?.json ? parseJsonish(m.groups.json) : undefined;
        if (typeof message !== 'string') return null;
        const span = { startLine: ctx.no(i), endLine: ctx.no(i) };
        const notes = ['The resonate CLI prints only the data field of the response.'];
        return { raws: [{ source: 'server', code: null, status: null, kind: cliKind, message, name: null, span, notes }], end: i };
      },
    };
  },
};
