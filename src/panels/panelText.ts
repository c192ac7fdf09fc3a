// A panel's heading and one-line definition in the reader's language (docs/i18n.md): the keys
// panels:<id>.title / .definition; src/story/panelList.ts keeps the ids and anchors.
import { t } from '../i18n/i18n';
import type { PanelId } from '../story/panelList';

export function panelTitle(id: PanelId): string {
  return t(`panels:${id}.title`);
}

export function panelDefinition(id: PanelId): string {
  return t(`panels:${id}.definition`);
}
