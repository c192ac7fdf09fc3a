// Checkboxes for the drawing layers of the plane panels (one row per entry of LAYERS), each named
// by the catalogue's `layers.<id>`.
import { useTranslation } from 'react-i18next';
import { toggleLayer } from '../state/actions';
import { useAppStore } from '../state/useAppStore';
import { LAYERS } from '../state/viewSlice';
import { PANELS } from '../story/panelList';
import { panelTitle } from '../panels/panelText';

export function LayerToggles() {
  const { t } = useTranslation();
  const layers = useAppStore((s) => s.layers);
  return (
    <fieldset className="layers">
      <legend>{t('layers.legend')}</legend>
      {PANELS.filter((p) => LAYERS.some((l) => l.panel === p.id)).map((p) => (
        <div key={p.id} className="layer-group">
          <span className="layer-panel">{panelTitle(p.id)}</span>
          {LAYERS.filter((l) => l.panel === p.id).map((l) => (
            <label key={l.id} className="check">
              <input type="checkbox" checked={layers[l.id]} onChange={() => toggleLayer(l.id)} data-testid={`layer-${l.id}`} />
              {t(`layers.${l.id}`)}
            </label>
          ))}
        </div>
      ))}
    </fieldset>
  );
}
