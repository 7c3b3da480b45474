import { readLambda } from '../python';
import { blockReader } from './block-reader';

/** AWS Lambda's Python runtime report: `[ERROR] Type: message`, then frames without an exception line. */
export const lambdaReportReader = blockReader('lambda-report', { texts: ['[ERROR] '] }, readLambda);
