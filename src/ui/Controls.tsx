// The settings column: one fieldset per group of CONTROL_GROUPS, advanced fields folded, fields
// hidden by `<name>_hide=true` left out, conditional fields (φ) shown only when they apply.
import { useTranslation } from 'react-i18next';
import { useAppStore } from '../state/useAppStore';
import { CONTROL_GROUPS, type ControlSpec } from './controlTable';
import { ConfigControl } from './ConfigControl';
import { LayerToggles } from './LayerToggles';
import type { RunConfig } from '../engine/runConfig';

function visible(spec: ControlSpec, config: RunConfig, hidden: string[]): boolean {
  return !hidden.includes(spec.key) && (!spec.when || spec.when(config));
}

export function Controls() {
  const { t } = useTranslation();
  const config = useAppStore((s) => s.config);
  const hidden = useAppStore((s) => s.hidden);
  return (
    <form className="controls" aria-label={t('controls.settings')} onSubmit={(e) => e.preventDefault()}>
      {CONTROL_GROUPS.map((group) => {
        const shown = group.controls.filter((c) => visible(c, config, hidden));
        const basic = shown.filter((c) => !c.advanced);
        const more = shown.filter((c) => c.advanced);
        if (shown.length === 0) return null;
        return (
          <fieldset key={group.id}>
            <legend>{t(`controls.groups.${group.id}`)}</legend>
            {basic.map((c) => <ConfigControl key={c.key} spec={c} />)}
            {more.length > 0 && (
              <details>
                <summary>{t('controls.more')}</summary>
                {more.map((c) => <ConfigControl key={c.key} spec={c} />)}
              </details>
            )}
          </fieldset>
        );
      })}
      {!hidden.includes('layers') && <LayerToggles />}
    </form>
  );
}
