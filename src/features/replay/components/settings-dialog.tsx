import { useQuery } from '@tanstack/react-query';
import { useId, useRef, useState, type FormEvent } from 'react';
import { replayQueries } from '../api/replay-queries';
import { LOCAL_SERVER_URL } from '../local-server';
import { Prose } from '../../../components/prose';
import { describeServer, type InfoState } from '../server-label';
import { APP_ENDPOINT, MAX_TIMEOUT_S, MIN_TIMEOUT_S, formOf, readSettingsForm, type FormErrors, type ServerSettings, type SettingsForm } from '../settings';
import { Modal } from '../../../components/modal';

type SettingsDialogProps = {
  settings: ServerSettings;
  info: InfoState;
  onSave: (settings: ServerSettings) => void;
  onClose: () => void;
};

/** The server replays go to, the token they carry, and how long to wait for an answer. */
export function SettingsDialog({ settings, info, onSave, onClose }: SettingsDialogProps) {
  const id = useId();
  const [form, setForm] = useState<SettingsForm>(() => formOf(settings));
  const [errors, setErrors] = useState<FormErrors>({});
  const urlRef = useRef<HTMLInputElement>(null);
  const tokenRef = useRef<HTMLInputElement>(null);
  const timeoutRef = useRef<HTMLInputElement>(null);
  const origin = window.location.origin;
  const app = describeServer({ choice: 'app', url: '' }, info, origin);
  const local = useQuery(replayQueries.localServer());
  const offerLocal = local.data === true && !(form.choice === 'url' && form.url.trim() === LOCAL_SERVER_URL);

  const set = <K extends keyof SettingsForm>(key: K, value: SettingsForm[K]): void => setForm((f) => ({ ...f, [key]: value }));

  const submit = (e: FormEvent<HTMLFormElement>): void => {
    e.preventDefault();
    const read = readSettingsForm(form);
    if (read.ok) {
      onSave(read.settings);
      return;
    }
    setErrors(read.errors);
    const first = read.errors.url ? urlRef : read.errors.token ? tokenRef : timeoutRef;
    first.current?.focus();
  };

  const describedBy = (field: keyof FormErrors, hint: string): string => [hint, errors[field] ? `${id}-${field}-error` : ''].filter(Boolean).join(' ');

  return (
    <Modal title="Replay settings" onClose={onClose} className="modal-settings">
      <form className="settings-form" onSubmit={submit} noValidate>
        <fieldset className="settings-group">
          <legend>Server</legend>
          <div className="settings-choice">
            <input
              id={`${id}-app`}
              type="radio"
              name="server"
              checked={form.choice === 'app'}
              disabled={info.status === 'unknown'}
              onChange={() => set('choice', 'app')}
              aria-describedby={`${id}-app-hint`}
            />
            <div>
              <label htmlFor={`${id}-app`} className="settings-choice-title">
                This app’s endpoint ({APP_ENDPOINT})
              </label>
              <p id={`${id}-app-hint`} className="settings-hint">
                {app.detail}
                {app.caveat && (
                  <>
                    {' '}
                    <Prose text={app.caveat} />
                  </>
                )}
              </p>
            </div>
          </div>
          <div className="settings-choice">
            <input
              id={`${id}-other`}
              type="radio"
              name="server"
              checked={form.choice === 'url'}
              onChange={() => set('choice', 'url')}
              aria-describedby={`${id}-other-hint`}
            />
            <div>
              <label htmlFor={`${id}-other`} className="settings-choice-title">
                Another server, called directly by your browser
              </label>
              <p id={`${id}-other-hint`} className="settings-hint">
                It must allow this page’s origin (CORS): start it with <code>--server-cors-allow-origin {origin}</code>. Or
                start this app with <code>RESONATE_URL=&lt;its URL&gt;</code> and keep this app’s endpoint: the app
                forwards the requests, and the browser needs no CORS.
              </p>
            </div>
          </div>
          {offerLocal && (
            <p className="settings-local">
              A server answers at {LOCAL_SERVER_URL} (<code>resonate dev</code>?).{' '}
              <button type="button" className="button button-quiet" onClick={() => setForm((f) => ({ ...f, choice: 'url', url: LOCAL_SERVER_URL }))}>
                Use {LOCAL_SERVER_URL}
              </button>
            </p>
          )}
          <div className="settings-field settings-url">
            <label htmlFor={`${id}-url`}>Server URL</label>
            <input
              ref={urlRef}
              id={`${id}-url`}
              type="url"
              inputMode="url"
              autoComplete="url"
              spellCheck={false}
              value={form.url}
              aria-invalid={errors.url ? true : undefined}
              aria-describedby={describedBy('url', `${id}-url-hint`)}
              onChange={(e) => setForm((f) => ({ ...f, url: e.target.value, choice: 'url' }))}
            />
            <p id={`${id}-url-hint`} className="settings-hint">
              The server root, e.g. http://localhost:8001 (every operation is POST /). Typing here chooses it.
            </p>
            {errors.url && (
              <p id={`${id}-url-error`} className="settings-error">
                {errors.url}
              </p>
            )}
          </div>
        </fieldset>

        <div className="settings-field">
          <label htmlFor={`${id}-token`}>Token (JWT, optional)</label>
          <input
            ref={tokenRef}
            id={`${id}-token`}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={form.token}
            aria-invalid={errors.token ? true : undefined}
            aria-describedby={describedBy('token', `${id}-token-hint`)}
            onChange={(e) => set('token', e.target.value)}
          />
          <p id={`${id}-token-hint`} className="settings-hint">
            Sent in <code>head.auth</code> of each replay, where the server reads it. Kept in this tab’s memory; never put
            in a link, a report, the list of replays or a log.
          </p>
          {errors.token && (
            <p id={`${id}-token-error`} className="settings-error">
              {errors.token}
            </p>
          )}
          <label className="settings-check">
            <input type="checkbox" checked={form.rememberToken} onChange={(e) => set('rememberToken', e.target.checked)} />
            Remember the token for this tab (sessionStorage, cleared when the tab closes)
          </label>
        </div>

        <div className="settings-field settings-timeout">
          <label htmlFor={`${id}-timeout`}>Timeout (seconds)</label>
          <input
            ref={timeoutRef}
            id={`${id}-timeout`}
            type="number"
            min={MIN_TIMEOUT_S}
            max={MAX_TIMEOUT_S}
            step={1}
            value={form.timeoutSeconds}
            aria-invalid={errors.timeoutSeconds ? true : undefined}
            aria-describedby={describedBy('timeoutSeconds', `${id}-timeout-hint`)}
            onChange={(e) => set('timeoutSeconds', e.target.value)}
          />
          <p id={`${id}-timeout-hint`} className="settings-hint">
            A request with no answer by then is cancelled (and never sent again by itself).
          </p>
          {errors.timeoutSeconds && (
            <p id={`${id}-timeoutSeconds-error`} className="settings-error">
              {errors.timeoutSeconds}
            </p>
          )}
        </div>

        <div className="modal-buttons">
          <button type="submit" className="button">
            Save
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Modal>
  );
}
