import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent, type ClipboardEvent, type DragEvent, type Ref } from 'react';
import { useShortcut } from '../../../hooks/use-shortcut';
import { LONG_PASTE_CHARS, longPasteFacts, sizeText } from '../long-paste';
import { joinText, type PasteText } from '../../../core/text/paste-text';
import { readTextFile } from '../read-file';

type Note = { tone: 'info' | 'error'; text: string };

const hasFiles = (e: DragEvent): boolean => Array.from(e.dataTransfer.types).includes('Files');


type PasteAreaProps = {
  /** The text: a string, or a long file's pieces (joined only if it is edited as text). */
  value: PasteText;
  /** A new text; with the file it was read from, when it was (a long log's worker reads the file itself). */
  onChange: (text: PasteText, file?: File) => void;
};

/** The paste area: typing, paste, a dropped file or "Open file…". Everything stays in the browser. */
export function PasteArea({ value, onChange }: PasteAreaProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [note, setNote] = useState<Note | null>(null);
  const longRef = useRef<HTMLDivElement>(null);
  // A paste of megabytes is shown as a summary, unless the user asks to edit it as text.
  const [editLong, setEditLong] = useState(false);
  if (editLong && value.length < LONG_PASTE_CHARS) setEditLong(false);
  const long = value.length >= LONG_PASTE_CHARS && !editLong;
  // The text box needs one string: a long file's pieces are joined when it is asked for ("Edit as text").
  const boxText = long ? '' : joinText(value);

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

  // The file being read, by number: a paste, an edit, a clear or another file while it is read replaces it, and
  // its text, when it comes, is dropped (a 100 MB file takes a second to read); so does any other new text (an
  // example chosen beside).
  const reading = useRef(0);
  const latest = useRef(value);
  useEffect(() => {
    latest.current = value;
  }, [value]);
  const change = (text: PasteText) => {
    reading.current++;
    onChange(text);
  };

  async function load(file: File | undefined) {
    if (!file) return;
    const token = ++reading.current;
    const before = latest.current;
    // A file of many megabytes takes a moment to read: say so at once.
    const readingNote: Note = { tone: 'info', text: `Reading ${file.name}…` };
    setNote(readingNote);
    const result = await readTextFile(file);
    if (token !== reading.current || latest.current !== before) {
      // Replaced: the page no longer says it is reading it (unless something else was said since).
      setNote((n) => (n === readingNote ? null : n));
      return;
    }
    if (result.ok) {
      onChange(result.text, file);
      setNote({ tone: 'info', text: `Read ${result.name}.` });
    } else {
      setNote({ tone: 'error', text: result.error });
    }
  }

  function onDragOver(e: DragEvent<HTMLElement>) {
    if (!hasFiles(e)) return; // dragged text: let the browser insert it
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
    setDragging(true);
  }

  function onDrop(e: DragEvent<HTMLElement>) {
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

  // The browser's editor takes seconds to insert megabytes (and keeps them for undo): a long paste is put in by
  // the page, at once. In the long-paste summary, a paste replaces the text.
  function onPaste(e: ClipboardEvent<HTMLElement>) {
    const pasted = e.clipboardData.getData('text/plain');
    const area = e.currentTarget instanceof HTMLTextAreaElement ? e.currentTarget : null;
    if (area && pasted.length < LONG_PASTE_CHARS) return; // the browser's own paste, with its undo
    e.preventDefault();
    change(area ? boxText.slice(0, area.selectionStart) + pasted + boxText.slice(area.selectionEnd) : pasted);
    if (note) setNote(null);
  }

  // Focus stays in the paste area when the text box gives way to the long-paste summary.
  const wasLong = useRef(long);
  useEffect(() => {
    if (long && !wasLong.current && (document.activeElement === document.body || document.activeElement === null)) {
      longRef.current?.focus();
    }
    wasLong.current = long;
  }, [long]);

  const focusInput = () => (long ? longRef.current : textareaRef.current)?.focus();

  function clear() {
    change('');
    setNote(null);
    setEditLong(false);
    // After a long paste the text box comes back on the next render.
    window.setTimeout(() => textareaRef.current?.focus(), 0);
    textareaRef.current?.focus();
  }

  useShortcut('focus-input', focusInput);
  useShortcut('clear-paste', clear, value.length > 0);

  return (
    <div className={`paste${dragging ? ' paste-dragging' : ''}`}>
      <label className="paste-label" htmlFor={id} id={`${id}-label`}>
        Paste an error, envelope, trace or log
      </label>
      <p className="paste-hint" id={hintId}>
        Type, paste or drop a file. It is read here, in your browser: nothing you paste is sent anywhere.
      </p>
      {long ? (
        <LongPaste
          ref={longRef}
          id={id}
          hintId={hintId}
          text={value}
          onPaste={onPaste}
          onDragOver={onDragOver}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          onEdit={() => {
            setEditLong(true);
            window.setTimeout(() => textareaRef.current?.focus(), 0);
          }}
        />
      ) : (
        <textarea
          ref={textareaRef}
          id={id}
          className="paste-input"
          aria-describedby={hintId}
          value={boxText}
          onChange={(e) => {
            change(e.target.value);
            if (note) setNote(null);
          }}
          onPaste={onPaste}
          onDragEnter={onDragOver}
          onDragOver={onDragOver}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          autoCorrect="off"
          wrap="soft"
          rows={14}
        />
      )}
      <div className="paste-actions">
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          Open file…
        </button>
        <input ref={fileRef} type="file" hidden tabIndex={-1} onChange={onFileChosen} />
        <button type="button" className="button button-quiet" onClick={clear} disabled={value.length === 0}>
          Clear
        </button>
        <p className={`paste-note${note?.tone === 'error' ? ' paste-note-error' : ''}`} role="status">
          {note?.text}
        </p>
      </div>
    </div>
  );
}

type LongPasteProps = {
  ref: Ref<HTMLDivElement>;
  id: string;
  hintId: string;
  text: PasteText;
  onPaste: (e: ClipboardEvent<HTMLElement>) => void;
  onDragOver: (e: DragEvent<HTMLElement>) => void;
  onDragLeave: () => void;
  onDrop: (e: DragEvent<HTMLElement>) => void;
  onEdit: () => void;
};

/** A paste of megabytes: its size and first lines, instead of a text box the browser would take seconds to lay out. */
function LongPaste({ ref, id, hintId, text, onPaste, onDragOver, onDragLeave, onDrop, onEdit }: LongPasteProps) {
  // Counting the lines of 100 MB takes tens of milliseconds: once per text, not at every render.
  const facts = useMemo(() => longPasteFacts(text), [text]);
  return (
    <div
      ref={ref}
      id={id}
      className="paste-long"
      role="group"
      tabIndex={0}
      aria-labelledby={`${id}-label ${id}-size`}
      aria-describedby={hintId}
      onPaste={onPaste}
      onDragEnter={onDragOver}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <p className="paste-long-size" id={`${id}-size`}>
        A long paste: {sizeText(facts.chars)}, {facts.lines.toLocaleString('en-US')} lines
      </p>
      <p className="paste-long-note">
        Too long for an editable box: the diagnosis reads all of it. Paste or drop here to replace it.
      </p>
      <pre className="paste-long-preview">
        {facts.preview.join('\n')}
        {'\n…'}
      </pre>
      <button type="button" className="button button-quiet button-small" onClick={onEdit}>
        Edit as text (slow)
      </button>
    </div>
  );
}
