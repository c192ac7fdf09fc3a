// Compare mode's actions (docs/design.md#the-store-is-made-of-slices): plain exported functions on the store's compare slice.
import type { CompareSetting } from '../engine/compare';
import { parseCompare } from '../link/compareParam';
import { appStore, type AppStore } from './store';

/** Turns compare mode on with `setting`, or off with null (the runs restart from step 0). */
export function setCompare(setting: CompareSetting | null, store: AppStore = appStore): void {
  store.setState((s) => {
    const same = s.compare && setting && s.compare.key === setting.key && Object.is(s.compare.value, setting.value);
    return same || (s.compare === null && setting === null) ? {} : { compare: setting };
  });
}

/** From the picker: `key` off or a compare key, `raw` run B's value as typed (clamped like a link's). */
export function pickCompare(key: string, raw: string | null, store: AppStore = appStore): void {
  if (key === 'off') return setCompare(null, store);
  setCompare(parseCompare(raw === null ? key : `${key}:${raw}`).setting, store);
}
