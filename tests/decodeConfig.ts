// The config half of a link, as the tests read it: the page and the CLI decode a whole link with
// decodeLink (src/link/link.ts); tests of the config codec alone call this.
import { decodeConfigParams, linkParams } from '../src/link/url';
import type { RunConfig } from '../src/engine/runConfig';

/**
 * RunConfig from a link (a bare query, `?…`, `#…`, or a full URL). Never throws: every value ends
 * within range and each change is listed in `corrections`. View keys are skipped silently.
 */
export function decodeConfig(query: string): { config: RunConfig; corrections: string[] } {
  return decodeConfigParams(linkParams(query));
}
