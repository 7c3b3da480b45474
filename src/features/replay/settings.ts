import { DEFAULT_TIMEOUT_MS, checkBaseUrl } from '../../core/replay/replay-client';

/** The app's own Resonate endpoint: the embedded model, a proxy to RESONATE_URL, or `resonate dev` (same origin, no CORS). */
export const APP_ENDPOINT = '/resonate';

/** Where replays go, and how. The token is a secret: memory, or sessionStorage when the user asks, nothing else. */
export type ServerSettings = {
  /** `app`: this app's /resonate; `url`: a URL typed by the user, called directly by the browser. */
  choice: 'app' | 'url';
  /** The typed URL (kept when the user switches back to `app`, so it is not lost). */
  url: string;
  /** A JWT, sent in head.auth. Empty for none. */
  token: string;
  /** Keep the token in sessionStorage for this tab. */
  rememberToken: boolean;
  timeoutMs: number;
};

export const DEFAULT_SETTINGS: ServerSettings = {
  choice: 'app',
  url: 'http://localhost:8001',
  token: '',
  rememberToken: false,
  timeoutMs: DEFAULT_TIMEOUT_MS,
};

export const MIN_TIMEOUT_S = 1;
export const MAX_TIMEOUT_S = 300;

/** The base URL replays are posted to. */
export function baseUrlOf(settings: Pick<ServerSettings, 'choice' | 'url'>): string {
  return settings.choice === 'app' ? APP_ENDPOINT : settings.url.trim();
}

/** The settings form as typed (strings and booleans, as the inputs hold them). */
export type SettingsForm = {
  choice: 'app' | 'url';
  url: string;
  token: string;
  rememberToken: boolean;
  timeoutSeconds: string;
};

export function formOf(settings: ServerSettings): SettingsForm {
  return {
    choice: settings.choice,
    url: settings.url,
    token: settings.token,
    rememberToken: settings.rememberToken,
    timeoutSeconds: String(settings.timeoutMs / 1000),
  };
}

export type FormErrors = Partial<Record<'url' | 'timeoutSeconds' | 'token', string>>;

/** Checks the form; the settings when it is valid, otherwise one message per field. Never throws. */
export function readSettingsForm(form: SettingsForm): { ok: true; settings: ServerSettings } | { ok: false; errors: FormErrors } {
  const errors: FormErrors = {};
  const url = form.url.trim();
  if (form.choice === 'url') {
    const checked = checkBaseUrl(url);
    if (!checked.ok) errors.url = checked.message;
    else if (!checked.absolute) errors.url = `Type a full URL (e.g. http://localhost:8001), or choose this app's endpoint for ${APP_ENDPOINT}.`;
  }
  const seconds = Number(form.timeoutSeconds.trim());
  if (form.timeoutSeconds.trim() === '' || !Number.isFinite(seconds) || seconds < MIN_TIMEOUT_S || seconds > MAX_TIMEOUT_S) {
    errors.timeoutSeconds = `The timeout is a number of seconds from ${MIN_TIMEOUT_S} to ${MAX_TIMEOUT_S}.`;
  }
  const token = form.token.trim();
  if (/\s/.test(token)) errors.token = 'A token has no spaces: paste the JWT alone, without "Bearer".';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: { choice: form.choice, url, token, rememberToken: form.rememberToken && token !== '', timeoutMs: Math.round(seconds * 1000) },
  };
}

/** The part of sessionStorage the settings use (injected, so tests need no DOM). */
export type TokenStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export const TOKEN_KEY = 'resonate-inspector:replay-token';

/** The settings to start with: the defaults, with the token this tab remembered (if the user asked for that). */
export function initialSettings(storage: TokenStorage | null): ServerSettings {
  let token: string | null;
  try {
    token = storage?.getItem(TOKEN_KEY) ?? null;
  } catch {
    token = null; // storage disabled: the token stays in memory only
  }
  return token ? { ...DEFAULT_SETTINGS, token, rememberToken: true } : DEFAULT_SETTINGS;
}

/** Keeps the token in sessionStorage only when the user ticked "remember"; removes it otherwise. */
export function storeToken(storage: TokenStorage | null, settings: Pick<ServerSettings, 'token' | 'rememberToken'>): void {
  try {
    if (settings.rememberToken && settings.token !== '') storage?.setItem(TOKEN_KEY, settings.token);
    else storage?.removeItem(TOKEN_KEY);
  } catch {
    // sessionStorage unavailable (private mode, quota): the token simply is not remembered.
  }
}
