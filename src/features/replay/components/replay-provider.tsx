import { useQuery } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import type { ReplayClient } from '../../../core/replay/replay-client';
import { clientFor, replayQueries } from '../api/replay-queries';
import { describeServer, type InfoState, type ServerLabel } from '../server-label';
import { initialSettings, storeToken, type ServerSettings, type TokenStorage } from '../settings';
import { SettingsDialog } from './settings-dialog';
import '../replay.css';

type ReplayContextValue = {
  settings: ServerSettings;
  /** A client for the current settings (it holds the token; nothing else does). */
  client: ReplayClient;
  server: ServerLabel;
  info: InfoState;
  openSettings: () => void;
};

const ReplayContext = createContext<ReplayContextValue | null>(null);

function sessionStore(): TokenStorage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

/**
 * The replay settings (server, token, timeout) for the whole app, and the settings dialog. The app wraps its
 * shell in it; the header button, the cards' actions and the list of replays read it.
 */
export function ReplayProvider({ children }: { children: ReactNode }) {
  const [chosen, setSettings] = useState<ServerSettings>(() => initialSettings(sessionStore()));
  const [settingsOpen, setSettingsOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const infoQuery = useQuery(replayQueries.serverInfo());
  const { isPending, data } = infoQuery;
  const info = useMemo<InfoState>(() => (isPending ? { status: 'loading' } : data ? { status: 'known', info: data } : { status: 'unknown' }), [isPending, data]);
  // A static host has no endpoint of its own (GET /resonate/info had no answer): replays go to the URL the user types.
  const settings = useMemo<ServerSettings>(() => (info.status === 'unknown' && chosen.choice === 'app' ? { ...chosen, choice: 'url' } : chosen), [info, chosen]);
  const server = useMemo(() => describeServer(settings, info, window.location.origin), [settings, info]);
  const client = useMemo(() => clientFor(settings), [settings]);
  const openSettings = useCallback(() => setSettingsOpen(true), []);

  const save = (next: ServerSettings): void => {
    storeToken(sessionStore(), next);
    setSettings(next);
    setSettingsOpen(false);
    setAnnouncement(`Settings saved. Replays go to ${describeServer(next, info, window.location.origin).detail}`);
  };

  const value = useMemo(() => ({ settings, client, server, info, openSettings }), [settings, client, server, info, openSettings]);

  return (
    <ReplayContext.Provider value={value}>
      {children}
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {settingsOpen && <SettingsDialog settings={settings} info={info} onSave={save} onClose={() => setSettingsOpen(false)} />}
    </ReplayContext.Provider>
  );
}

export function useReplay(): ReplayContextValue {
  const value = useContext(ReplayContext);
  if (!value) throw new Error('useReplay needs a <ReplayProvider> above it.');
  return value;
}
