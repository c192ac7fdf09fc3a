// The "?" overlay: a glossary of the words the page shows (src/story/glossary.ts), then every
// shortcut, generated from KEY_BINDINGS. A real modal: focus is trapped inside and returns to the
// opener on close (src/ui/useModal.ts).
import { setHelp } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { KEY_BINDINGS } from './keys';
import { GLOSSARY } from '../story/glossary';
import { useModal } from './useModal';
import { VERSION_LABEL } from '../format/version';

export function HelpOverlay() {
  const open = useAppStore((s) => s.help);
  const card = useModal<HTMLDivElement>(open, () => setHelp(false));
  if (!open) return null;
  return (
    <div className="overlay" data-testid="help-backdrop" onClick={() => setHelp(false)}>
      <div className="overlay-card" role="dialog" aria-modal="true" aria-labelledby="help-title" data-testid="help" ref={card} onClick={(e) => e.stopPropagation()}>
        <h2 id="help-title">Help: words and shortcuts</h2>
        <h3>Words on the page</h3>
        <dl className="glossary" data-testid="glossary">
          {GLOSSARY.map((g) => (
            <div key={g.term}><dt>{g.term}</dt><dd>{g.definition}</dd></div>
          ))}
        </dl>
        <h3>Keyboard shortcuts</h3>
        <table>
          <tbody>
            {KEY_BINDINGS.map((b) => (
              <tr key={b.display}><th scope="row"><kbd>{b.display}</kbd></th><td>{b.label}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="hint">Shortcuts wait while a text box or a menu has focus; a focused slider moves with its own arrow keys.</p>
        <p className="hint" data-testid="app-version">{VERSION_LABEL}</p>
        <button type="button" data-autofocus onClick={() => setHelp(false)}>Close</button>
      </div>
    </div>
  );
}
