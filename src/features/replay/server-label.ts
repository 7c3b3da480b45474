import type { EndpointInfo } from '../../core/replay/replay-client';
import { APP_ENDPOINT, type ServerSettings } from './settings';

/** What the app's endpoint said about itself: still asking, no answer, or its info. */
export type InfoState = { status: 'loading' } | { status: 'unknown' } | { status: 'known'; info: EndpointInfo };

export type ServerLabel = {
  /** A few words for the header: "Embedded model", "resonate dev 0.9.5", "Proxy → localhost:8001", "localhost:8001". */
  short: string;
  /** One sentence: which server, at which URL. */
  detail: string;
  /** What to keep in mind about this server (the model's differences; CORS for a typed URL), or null. */
  caveat: string | null;
};

const hostOf = (url: string): string => {
  try {
    return new URL(url).host || url;
  } catch {
    return url;
  }
};

/** Which server the page talks to, in words (the page always says it). */
export function describeServer(settings: Pick<ServerSettings, 'choice' | 'url'>, info: InfoState, pageOrigin?: string): ServerLabel {
  if (settings.choice === 'url') {
    const url = settings.url.trim();
    return {
      short: hostOf(url),
      detail: `The server at ${url}, called directly by your browser.`,
      caveat: `Your browser calls ${url} itself, so that server must allow this page's origin${pageOrigin ? ` (${pageOrigin})` : ''} (CORS): start it with \`--server-cors-allow-origin ${pageOrigin ?? '<this origin>'}\`, or start this app with \`RESONATE_URL=${url}\` and use this app's endpoint.`,
    };
  }
  if (info.status === 'loading') {
    return { short: 'This app’s endpoint', detail: `This app's endpoint ${APP_ENDPOINT} (asking it what it is…).`, caveat: null };
  }
  if (info.status === 'unknown') {
    return {
      short: 'This app’s endpoint',
      detail: `This app's endpoint ${APP_ENDPOINT}; it did not say what it is (GET ${APP_ENDPOINT}/info had no answer).`,
      caveat: 'Started with `npm start` or `npm run dev`, the app serves an embedded model there (or a proxy, with RESONATE_URL; or `resonate dev`, with RESONATE_BIN). A static host has no such endpoint: type your server URL instead.',
    };
  }
  const i = info.info;
  if (i.server === 'proxy') {
    return {
      short: `Proxy → ${hostOf(i.target)}`,
      detail: `The real server at ${i.target}, through this app's proxy at ${APP_ENDPOINT} (started with RESONATE_URL; no CORS needed).`,
      caveat: null,
    };
  }
  if (i.server === 'real') {
    return {
      short: `resonate dev${i.version ? ` ${i.version}` : ''}`,
      detail: `The real server: ${i.description} (${i.target}), started by this app and reached through its ${APP_ENDPOINT}.`,
      caveat: 'It keeps its data in memory: it is lost when the app stops.',
    };
  }
  return {
    short: 'Embedded model',
    detail: `The embedded model (${i.model}) at this app's ${APP_ENDPOINT}.`,
    caveat:
      'The embedded server is a model of the Resonate server, not the server itself: it follows the server’s rules and words, but it is checked against one server version, and its data is lost when the app restarts. For the real server, start the app with `RESONATE_BIN=<path to resonate>` (or `RESONATE_EMBEDDED=real` with `resonate` on the PATH), start it with `RESONATE_URL`, or type its URL.',
  };
}
