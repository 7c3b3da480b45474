import { Prose } from '../../../components/prose';
import { useReplay } from './replay-provider';

/** Which server replays go to, and what to keep in mind about it; with a way to change it. */
export function ServerLine({ lead = 'Replays go to' }: { lead?: string }) {
  const { server, openSettings } = useReplay();
  return (
    <div className="server-line">
      <p className="server-line-main">
        <span className="server-line-lead">{lead}:</span> <strong>{server.detail}</strong>{' '}
        <button type="button" className="plain-button" onClick={openSettings} aria-haspopup="dialog">
          Change server…
        </button>
      </p>
      {server.caveat && (
        <p className="server-line-caveat">
          <Prose text={server.caveat} />
        </p>
      )}
    </div>
  );
}

/** The header's server button: says where replays go, opens the settings. */
export function ServerButton() {
  const { server, openSettings } = useReplay();
  return (
    <button type="button" className="server-button" onClick={openSettings} aria-haspopup="dialog">
      <span className="server-button-label">Server:</span> {server.short}
    </button>
  );
}
