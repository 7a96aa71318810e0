import { useEffect, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './auth.css';

/**
 * A modal over the whole window, rendered at the end of the body so it can be
 * opened from a table cell. Escape closes it unless it must not be dismissed
 * (first run, lock screen).
 */
export function Dialog({ title, testId, onClose, wide = false, children }: { readonly title: string; readonly testId: string; readonly onClose?: () => void; readonly wide?: boolean; readonly children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    box.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, []);
  // On the document: Escape must work wherever the focus went (a download, a click outside).
  useEffect(() => {
    if (onClose === undefined) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose]);
  return createPortal(
    <div className="dialog-backdrop">
      <div ref={box} className={wide ? 'dialog dialog-wide' : 'dialog'} role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} data-testid={testId}>
        <h2 id={`${testId}-title`} className="dialog-title">
          {title}
        </h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
