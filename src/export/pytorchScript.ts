// The exported PyTorch script (issue "Take a link to PyTorch"): the template src/export/flowvar_run.py
// with the link, its decoded config, the config table's defaults and the version filled in. Pure:
// the caller passes the template text (Node reads it with fs, src/node/scriptTemplate.ts; the page
// imports it with ?raw, src/export/templateBrowser.ts).
import { CONFIG_KEYS, RUN_CONFIG_FIELDS } from '../engine/runConfig';
import { decodeLink } from '../link/link';
import { english } from '../i18n/message';
import { encodeConfig, formatField, URL_VERSION } from '../link/url';
import pkg from '../../package.json';
import { DIM_KEY_DOCS, ROW_KEY_DOCS } from './rowKeys';
import { SETTING_USE } from './settingUse';

export const FLOWVAR_VERSION: string = pkg.version;

/** The settings whose link text is the compact codec's (the script writes them back verbatim). */
const COMPACT_KEYS = ['userPairs', 'sourcePoints', 'targetPoints'] as const;

/** The file name the page and the CLI suggest. */
export const SCRIPT_NAME = 'run.py';

/** A Python string literal (JSON's escapes are Python's too, for the characters JSON writes). */
const py = (text: string) => JSON.stringify(text);

const docLines = (rows: readonly (readonly [string, string])[]) => {
  const width = Math.max(...rows.map(([k]) => k.length));
  return rows.map(([k, d]) => `  ${k.padEnd(width)}  ${d}`).join('\n');
};

export interface ExportedScript {
  text: string;
  /** the canonical link of the exported config */
  link: string;
  corrections: string[];
}

/** The script for `link` (any form decodeLink reads); throws when a template placeholder is left. */
export function pytorchScript(template: string, link: string): ExportedScript {
  const decoded = decodeLink(link);
  const config = decoded.config;
  const canonical = encodeConfig(config);
  const defaults = Object.fromEntries(CONFIG_KEYS.map((k) => [k, RUN_CONFIG_FIELDS[k].default]));
  const settings = docLines(CONFIG_KEYS.map((k) => [`${k} = ${formatField(k, config[k] as never) || '(none)'}`, SETTING_USE[k]]));
  const fill: Record<string, string> = {
    __VERSION__: FLOWVAR_VERSION,
    __LINK__: canonical,
    __ROW_KEY_DOCS__: docLines(ROW_KEY_DOCS),
    __DIM_KEY_DOCS__: docLines(DIM_KEY_DOCS),
    __SETTING_DOCS__: settings,
    __LINK_JSON__: py(canonical),
    __CONFIG_JSON__: py(JSON.stringify(config)),
    __DEFAULTS_JSON__: py(JSON.stringify(defaults)),
    __URL_VERSION__: String(URL_VERSION),
    __VERSION_JSON__: py(FLOWVAR_VERSION),
    __CORRECTIONS__: String(decoded.corrections.length),
    __ROW_KEYS_JSON__: JSON.stringify(ROW_KEY_DOCS.map(([k]) => k)),
    __DIM_KEYS_JSON__: JSON.stringify(DIM_KEY_DOCS.map(([k]) => k)),
    __COMPACT_TEXT_JSON__: JSON.stringify(Object.fromEntries(COMPACT_KEYS.map((k) => [k, formatField(k, config[k])]))),
  };
  const text = template.replace(/__[A-Z_]+__/g, (name) => {
    const value = fill[name];
    if (value === undefined) throw new Error(`flowvar_run.py: unknown placeholder ${name}`);
    // the docstring is raw (r"""): only a triple quote could end it early
    if (value.includes('"""')) throw new Error(`flowvar_run.py: ${name} holds a triple quote`);
    return value;
  });
  return { text, link: canonical, corrections: decoded.corrections.map(english) };
}
