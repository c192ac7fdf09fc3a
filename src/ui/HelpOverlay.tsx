// The "?" overlay: every shortcut, generated from KEY_BINDINGS.
import { useEffect, useRef } from 'react';
import { setHelp } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { KEY_BINDINGS } from './keys';

export function HelpOverlay() {
  const open = useAppStore((s) => s.help);
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => { if (open) closeRef.current?.focus(); }, [open]);
  if (!open) return null;
  return (
    <div className="overlay" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help" onClick={() => setHelp(false)}>
      <div className="overlay-card" onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table>
          <tbody>
            {KEY_BINDINGS.map((b) => (
              <tr key={b.display}><th scope="row"><kbd>{b.display}</kbd></th><td>{b.label}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Shortcuts wait while a text box or a menu has focus; a focused slider moves with its own arrow keys.</p>
        <button type="button" ref={closeRef} onClick={() => setHelp(false)}>Close</button>
      </div>
    </div>
  );
}
