import { useEffect, useRef } from 'react';
import { isTypingTarget, matchShortcut, type ShortcutId } from '../lib/shortcuts';

/**
 * Runs `handler` when the keyboard shortcut `id` (src/lib/shortcuts.ts) is pressed anywhere on the page, while
 * the component is mounted and `enabled`. The handler may change between renders without re-subscribing.
 */
export function useShortcut(id: ShortcutId, handler: () => void, enabled = true): void {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.defaultPrevented) return;
      const active = e.target instanceof Element ? e.target : document.activeElement;
      const shortcut = matchShortcut({
        key: e.key,
        code: e.code,
        altKey: e.altKey,
        shiftKey: e.shiftKey,
        ctrlKey: e.ctrlKey,
        metaKey: e.metaKey,
        isComposing: e.isComposing,
        typing: isTypingTarget(active instanceof HTMLElement ? active : null),
      });
      if (shortcut?.id !== id) return;
      e.preventDefault();
      latest.current();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [id, enabled]);
}
