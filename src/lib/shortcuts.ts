/**
 * The app's keyboard shortcuts, in one place: the help dialog lists them, features register handlers by id
 * (src/hooks/use-shortcut.ts). A shortcut without a modifier never fires while the user types in a text field;
 * one with Alt+Shift works everywhere, the paste area included.
 */

export type ShortcutId = 'focus-input' | 'clear-paste' | 'copy-summary' | 'help';

export type Shortcut = {
  id: ShortcutId;
  /** The keys as the help shows them, e.g. ['Alt', 'Shift', 'C']. */
  keys: readonly string[];
  /** What it does, in words. */
  label: string;
  /** A printed character (`/`, `?`), matched by `KeyboardEvent.key`, with no Ctrl, Meta or Alt… */
  key?: string;
  /** …or a physical key (`KeyC`) with Alt+Shift, matched by `KeyboardEvent.code` (macOS's Option changes `key`). */
  code?: string;
};

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'focus-input', keys: ['/'], label: 'Focus the paste area (the search box in the catalog)', key: '/' },
  { id: 'clear-paste', keys: ['Alt', 'Shift', 'X'], label: 'Clear the paste area', code: 'KeyX' },
  { id: 'copy-summary', keys: ['Alt', 'Shift', 'C'], label: 'Copy the summary of a log as Markdown', code: 'KeyC' },
  { id: 'help', keys: ['?'], label: 'Show these keyboard shortcuts', key: '?' },
];

/** The parts of a KeyboardEvent a shortcut looks at (so the matcher is testable without a DOM). */
export type KeyPress = {
  key: string;
  code: string;
  altKey: boolean;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  /** Is focus in a field the user types into (input, textarea, select, contenteditable)? */
  typing: boolean;
  isComposing?: boolean;
};

/** The shortcut this key press means, if any. */
export function matchShortcut(press: KeyPress, shortcuts: readonly Shortcut[] = SHORTCUTS): Shortcut | null {
  if (press.isComposing) return null;
  for (const s of shortcuts) {
    if (s.code !== undefined) {
      if (press.code === s.code && press.altKey && press.shiftKey && !press.ctrlKey && !press.metaKey) return s;
    } else if (s.key !== undefined) {
      // A bare character: only outside text fields, and never with Ctrl, Meta or Alt (Shift makes `?`).
      if (!press.typing && press.key === s.key && !press.ctrlKey && !press.metaKey && !press.altKey) return s;
    }
  }
  return null;
}

const TEXT_INPUT_TYPES = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/** Does this element take typed text? (For `KeyPress.typing`.) */
export function isTypingTarget(el: { tagName?: string; isContentEditable?: boolean; type?: string } | null): boolean {
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toLowerCase();
  if (tag === 'textarea' || tag === 'select') return true;
  if (tag === 'input') return TEXT_INPUT_TYPES.has((el.type ?? 'text').toLowerCase());
  return el.isContentEditable === true;
}
