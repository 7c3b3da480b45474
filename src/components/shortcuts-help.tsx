import { useEffect, useId, useRef, useState } from 'react';
import { useShortcut } from '../hooks/use-shortcut';
import { SHORTCUTS } from '../lib/shortcuts';

/**
 * "Keyboard shortcuts": a button (and the `?` key) that opens a modal dialog listing them. Esc or Close
 * closes it, and focus goes back where it was.
 */
export function ShortcutsHelp() {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);

  useShortcut('help', () => setOpen(true));

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <>
      <button type="button" className="plain-button" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        Keyboard shortcuts
        <kbd aria-hidden="true">?</kbd>
      </button>
      <dialog ref={ref} className="shortcuts-dialog" aria-labelledby={`${id}-title`} onClose={() => setOpen(false)}>
        <h2 id={`${id}-title`}>Keyboard shortcuts</h2>
        <p className="shortcuts-note">Keys without Alt never fire while you type in a text field. On a Mac, Alt is Option.</p>
        <dl className="shortcuts-list">
          {SHORTCUTS.map((s) => (
            <div className="shortcut" key={s.id}>
              <dt>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && <span aria-hidden="true"> + </span>}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{s.label}</dd>
            </div>
          ))}
          <div className="shortcut">
            <dt>
              <kbd>Esc</kbd>
            </dt>
            <dd>Close this help</dd>
          </div>
        </dl>
        <form method="dialog" className="shortcuts-actions">
          <button type="submit" className="button button-quiet">
            Close
          </button>
        </form>
      </dialog>
    </>
  );
}
