import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { HtmlTagDescriptor, Plugin } from 'vite';

/**
 * A strict Content-Security-Policy and a few headers, on every page the app serves:
 * - as headers from `vite` (dev) and `vite preview` (npm start), on every response;
 * - as `<meta>` tags in the built index.html, for static hosting (a meta cannot carry frame-ancestors; a static
 *   host should send that one, and X-Content-Type-Options, as headers).
 *
 * Scripts and workers only from the app: no inline script, no eval. connect-src is `'self' http: https:`: the
 * replay dialog calls whatever Resonate server URL the user types in the settings, at run time, and a policy
 * written before the page loads cannot name it (README, "Security").
 * In dev only: the React refresh preamble is an inline script, allowed by a nonce drawn when the server
 * starts (Vite's html.cspNonce puts it on the tags it writes), and the HMR websocket (ws:).
 */

export type PolicyOptions = {
  /** The dev server's nonce and websocket. */
  dev?: { nonce: string };
  /** For a <meta>: without the directives a meta cannot carry. */
  meta?: boolean;
};

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const nonce = options.dev ? ` 'nonce-${options.dev.nonce}'` : '';
  const directives: Array<[string, string]> = [
    ['default-src', "'none'"],
    ['script-src', `'self'${nonce}`],
    ['style-src', `'self'${nonce}`],
    ['img-src', "'self' data:"],
    ['font-src', "'self'"],
    ['connect-src', `'self' http: https:${options.dev ? ' ws: wss:' : ''}`],
    ['worker-src', "'self'"],
    ['manifest-src', "'self'"],
    ['form-action', "'none'"],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
  ];
  if (!options.meta) directives.push(['frame-ancestors', "'none'"]);
  return directives.map(([k, v]) => `${k} ${v}`).join('; ');
}

/** The headers every response carries. */
export function securityHeaderValues(options: PolicyOptions = {}): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(options),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'x-frame-options': 'DENY',
  };
}

/** The <meta> tags for the built index.html (first in <head>, before any script). */
export function securityMetaTags(): HtmlTagDescriptor[] {
  return [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy({ meta: true }) }, injectTo: 'head-prepend' },
    { tag: 'meta', attrs: { name: 'referrer', content: 'no-referrer' }, injectTo: 'head-prepend' },
  ];
}

type Next = (err?: unknown) => void;
function headersMiddleware(values: Record<string, string>): (req: IncomingMessage, res: ServerResponse, next: Next) => void {
  return (_req, res, next) => {
    for (const [k, v] of Object.entries(values)) res.setHeader(k, v);
    next();
  };
}

/** The Vite plugin: headers in dev and preview, metas in the build. */
export function securityHeaders(): Plugin {
  const nonce = randomBytes(16).toString('base64');
  return {
    name: 'resonate-inspector:security-headers',
    config(_config, env) {
      // Only the dev server writes HTML with inline tags; a build must not carry a fixed nonce.
      if (env.command === 'serve' && !env.isPreview) return { html: { cspNonce: nonce } };
      return undefined;
    },
    configureServer(server) {
      server.middlewares.use(headersMiddleware(securityHeaderValues({ dev: { nonce } })));
    },
    configurePreviewServer(server) {
      server.middlewares.use(headersMiddleware(securityHeaderValues()));
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        return ctx.server ? undefined : securityMetaTags();
      },
    },
  };
}
