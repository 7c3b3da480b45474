import { cliErrorReader } from './cli-error';
import { fragmentsReader } from './fragments';
import { goServerLogReader } from './go-server-log';
import { httpResponseReader } from './http-response';
import { createJsonObjectsReader, type RecordReader } from './json-objects';
import { lambdaReportReader } from './lambda-report';
import { nodeErrorReader } from './node-error';
import { plainBodyReader } from './plain-body';
import { pytestSectionReader } from './pytest-section';
import { pythonBannerReader } from './python-banner';
import { pythonTracebackReader } from './python-traceback';
import { HTTP_CLIENT_MARKERS, readHttpClientRecord, httpClientReader } from './http-client';
import { RETRY_MARKERS, readRetryRecord, retryLogReader } from './retry-log';
import type { Reader } from './reader';
import { rustServerLogReader } from './rust-server-log';
import { sdkCrashReportReader } from './sdk-crash-report';
import { sdkLogLineReader } from './sdk-log-line';

/** JSON log records of known shapes, tried on a JSON object that is not an envelope, a legacy body or a TS error. */
const RECORD_READERS: readonly RecordReader[] = [
  { read: (value, line) => readRetryRecord(value, line), hints: RETRY_MARKERS },
  { read: readHttpClientRecord, hints: HTTP_CLIENT_MARKERS },
];

/**
 * Every reader, in reading order: at each line the first that reads something wins, and reading goes on after
 * the last line it read. Blocks first (a traceback's lines must not be read one by one), then HTTP and JSON, then
 * single lines, and last what is only a fragment of an error (a message in a sentence, a code, a docs link). Adding a format is adding a reader here (and its catalog entries).
 */
export const READERS: readonly Reader[] = [
  pythonBannerReader,
  sdkCrashReportReader,
  pythonTracebackReader,
  pytestSectionReader,
  lambdaReportReader,
  nodeErrorReader,
  retryLogReader,
  httpResponseReader,
  createJsonObjectsReader(RECORD_READERS),
  cliErrorReader,
  httpClientReader,
  rustServerLogReader,
  goServerLogReader,
  sdkLogLineReader,
  plainBodyReader,
  fragmentsReader,
];
