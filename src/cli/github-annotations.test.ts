import { describe, expect, it } from 'vitest';
import { decode } from '../core/decode/decode';
import { catalog } from '../package/catalog';
import { TS_1102_TRACE } from './cli-samples';
import { githubAnnotation } from './github-annotations';

describe('githubAnnotation', () => {
  const [finding] = decode(`log start\n${TS_1102_TRACE}`, catalog);

  it('is one ::error line with the file, line and an escaped title', () => {
    if (!finding) throw new Error('no finding');
    const line = githubAnnotation(finding, 'logs/app,1.txt');
    expect(line).toMatch(/^::error file=logs\/app%2C1\.txt,line=2,endLine=\d+,title=Resonate 1102%3A [^:]+::/);
    expect(line).not.toContain('\n');
    expect(line).toContain('%0ACatalog entry: ts.1102.function-already-registered');
  });

  it('leaves the file out for standard input', () => {
    if (!finding) throw new Error('no finding');
    expect(githubAnnotation(finding, null)).toMatch(/^::error title=/);
  });
});
