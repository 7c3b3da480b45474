import { useEffect, useId, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { readTextFile } from '../read-file';

type Note = { tone: 'info' | 'error'; text: string };

const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files');

type PasteAreaProps = {
  value: string;
  onChange: (text: string) => void;
};

/** The paste area: typing, paste, a dropped file or "Open file…". Everything stays in the browser. */
export function PasteArea({ value, onChange }: PasteAreaProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<Note | null>(null);

  // A file dropped beside the area would make the browser open it and lose the paste: ignore such drops.
  useEffect(() => {
    const ignoreFileDrop = (e: globalThis.DragEvent) => {
      if (e.dataTransfer && Array.from(e.dataTransfer.types).includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', ignoreFileDrop);
    window.addEventListener('drop', ignoreFileDrop);
    return () => {
      window.removeEventListener('dragover', ignoreFileDrop);
      window.removeEventListener('drop', ignoreFileDrop);
    };
  }, []);

  async function load(file: File | undefined) {
    if (!file) return;
    const result = await readTextFile(file);
    if (result.ok) {
      onChange(result.text);
      setNote({ tone: 'info', text: `Read ${result.name}.` });
    } else {
      setNote({ tone: 'error', text: result.error });
    }
  }

  function onDragOver(e: DragEvent<HTMLTextAreaElement>) {
    if (!hasFiles(e)) return; // dragged text: let the browser insert it
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDrop(e: DragEvent<HTMLTextAreaElement>) {
    setDragging(false);
    if (!hasFiles(e)) return;
    e.preventDefault();
    void load(e.dataTransfer.files[0]);
  }

  function onFileChosen(e: ChangeEvent<HTMLInputElement>) {
    const input = e.currentTarget;
    void load(input.files?.[0]).finally(() => {
      input.value = ''; // choosing the same file again still fires a change
    });
  }

  function clear() {
    onChange('');
    setNote(null);
    textareaRef.current?.focus();
  }

  return (
    <div className={`paste${dragging ? ' paste-dragging' : ''}`}>
      <label className="paste-label" htmlFor={id}>
        Paste an error, envelope, trace or log
      </label>
      <p className="paste-hint" id={hintId}>
        Type, paste or drop a file. It is read here, in your browser: nothing you paste is sent anywhere.
      </p>
      <textarea
        ref={textareaRef}
        id={id}
        className="paste-input"
        aria-describedby={hintId}
        value={value}
        onChange={(e) => {
          onChange(e.target.value);
          if (note) setNote(null);
        }}
        onDragEnter={onDragOver}
        onDragOver={onDragOver}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        autoCorrect="off"
        wrap="off"
        rows={14}
      />
      <div className="paste-actions">
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          Open file…
        </button>
        <input ref={fileRef} type="file" hidden tabIndex={-1} onChange={onFileChosen} />
        <button type="button" className="button button-quiet" onClick={clear} disabled={value === ''}>
          Clear
        </button>
        <p className={`paste-note${note?.tone === 'error' ? ' paste-note-error' : ''}`} role="status">
          {note?.text}
        </p>
      </div>
    </div>
  );
}
