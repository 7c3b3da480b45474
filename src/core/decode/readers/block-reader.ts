import type { Line, RawFinding } from '../raw';
import type { Markers, Reader } from './reader';

/** A reader made of a function that reads a block of lines (a traceback, a Node error) starting at line i. */
export function blockReader(name: string, markers: Markers, readBlock: (lines: Line[], i: number) => { raw: RawFinding; end: number } | null): Reader {
  return {
    name,
    markers,
    start: (ctx) => ({
      read: (i) => {
        const block = readBlock(ctx.lines, i);
        return block ? { raws: [block.raw], end: block.end } : null;
      },
    }),
  };
}
