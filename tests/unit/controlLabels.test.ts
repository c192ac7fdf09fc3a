// The page's own words for the settings (docs/i18n.md): every config key the page shows (the settings
// column, the Share dialog's "hide" boxes) has a label in the English catalogue, each control of the
// settings column a hint, each enum value shown as a word an option name, each layer and page
// control a name; the runConfig `doc` strings stay the CLI's help. And the Share dialog's names and
// the panels' option names follow the language.
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_KEYS, RUN_CONFIG_FIELDS } from '../../src/engine/runConfig';
import { PAGE_CONTROLS } from '../../src/link/viewParams';
import { LAYERS } from '../../src/state/viewSlice';
import { CONTROL_GROUPS, WORD_OPTIONS } from '../../src/ui/controlTable';
import { controlLabel } from '../../src/ui/controlNames';
import { optionName } from '../../src/panels/optionName';
import { applyLanguage, i18n } from '../../src/i18n/i18n';

const english = (key: string) => i18n.getResource('en', 'common', key) as unknown;

describe('labels of the settings in the catalogue', () => {
  afterAll(() => applyLanguage('en'));

  it('every config key has a label, every control of the settings column a hint, in English', () => {
    const missing = CONFIG_KEYS.filter((k) => typeof english(`controls.fields.${k}.label`) !== 'string');
    const shown = CONTROL_GROUPS.flatMap((g) => g.controls.map((c) => c.key));
    const noHint = shown.filter((k) => typeof english(`controls.fields.${k}.hint`) !== 'string');
    expect(shown.length).toBe(32);
    expect(missing).toEqual([]);
    expect(noHint).toEqual([]);
    for (const g of CONTROL_GROUPS) expect(typeof english(`controls.groups.${g.id}`), g.id).toBe('string');
  });

  it('every value of an enum shown in words has its option name; the English one is the value itself', () => {
    for (const key of WORD_OPTIONS) {
      const field = RUN_CONFIG_FIELDS[key];
      expect(field.type, key).toBe('enum');
      if (field.type !== 'enum') continue;
      for (const v of field.values) expect(english(`controls.options.${key}.${v}`), `${key}=${v}`).toBe(v);
    }
    expect(Object.keys(english('controls.options') as object).sort()).toEqual([...WORD_OPTIONS].sort());
  });

  it('every layer and every page control has a name', () => {
    expect(LAYERS.filter((l) => typeof english(`layers.${l.id}`) !== 'string').map((l) => l.id)).toEqual([]);
    expect(PAGE_CONTROLS.filter((c) => typeof english(`controlNames.${c}`) !== 'string')).toEqual([]);
  });

  it("the Share dialog's names: English as the settings column writes them, then German after the switch", async () => {
    expect([controlLabel('lr'), controlLabel('srcSx'), controlLabel('newSeed'), controlLabel('pairs_hide')])
      .toEqual(['learning rate', 'source std x', 'New seed button', 'pairs_hide']);
    await applyLanguage('de');
    expect([controlLabel('lr'), controlLabel('srcSx'), controlLabel('newSeed')]).toEqual(['Lernrate', 'Quelle Std. x', 'Neuer-Seed-Schaltfläche']);
    // a panel names a setting's value with the settings column's word
    expect([optionName('target', 'moons'), optionName('coupling', 'independent'), optionName('activation', 'silu')]).toEqual(['Monde', 'unabhängig', 'silu']);
  });
});
