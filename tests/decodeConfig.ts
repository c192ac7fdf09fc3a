// The config half of a link, as the tests read it: the page and the CLI decode a whole link with
// decodeLink (src/link/link.ts); tests of the config codec alone call this.
import { decodeConfigParams, linkParams } from '../src/link/url';
import type { RunConfig } from '../src/engine/runConfig';
import { english } from '../src/i18n/message';

/**
 * RunConfig from a link (a bare query, `?…`, `#…`, or a full URL). Never throws: every value ends
 * within range and each change is listed in `corrections`. View keys are skipped silently.
 */
export function decodeConfig(query: string): { config: RunConfig; corrections: string[] } {
  const { config, corrections } = decodeConfigParams(linkParams(query));
  return { config, corrections: corrections.map(english) };
}
