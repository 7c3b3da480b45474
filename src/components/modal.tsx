import { useEffect, useId, useRef, type ReactNode } from 'react';
import './modal.css';

type ModalProps = {
  title: ReactNode;
  /** Called when the dialog closes: Escape, the Close button, or the parent's own request. Unmount it then. */
  onClose: () => void;
  children: ReactNode;
  className?: string;
};

/**
 * A modal dialog on the native <dialog> (showModal): the browser traps focus in it, makes the page behind it
 * inert, and closes it on Escape. On open, focus goes to its title (so a screen reader reads it); when it is
 * unmounted, focus goes back to the control that opened it. Mount it to open it.
 */
export function Modal({ title, onClose, children, className }: ModalProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const onCloseRef = useRef(onClose);
  const id = useId();

  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  const openerRef = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (!dialog.open) {
      // Once, before the page behind goes inert (StrictMode's second run finds the dialog open already).
      openerRef.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }
    titleRef.current?.focus();
    return () => {
      // Runs after the dialog has left the DOM, so the page is no longer inert.
      const opener = openerRef.current;
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className={`modal${className ? ` ${className}` : ''}`}
      aria-labelledby={`${id}-title`}
      onClose={() => onCloseRef.current()}
    >
      <div className="modal-head">
        <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
          {title}
        </h2>
        <button type="button" className="button button-quiet modal-close" onClick={() => onCloseRef.current()}>
          Close
        </button>
      </div>
      <div className="modal-body">{children}</div>
    </dialog>
  );
}
