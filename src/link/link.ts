// The one decoder of a whole link (docs/classroom.md#links): the page (src/state/urlSync.ts, with
// `location.search + location.hash`) and the CLI (src/cli/run.ts, sweep.ts, reflow.ts, with the
// argument as typed) both call decodeLink, so a link means the same thing in both places and
// every change is reported the same way. Never throws.
import type { RunConfig } from '../engine/runConfig';
import type { Message } from '../i18n/message';
import { decodeConfigParams, isViewKey, linkParams } from './url';
import { parseViewKeys, type ViewParams } from './viewParams';

export interface DecodedLink {
  /** the decoded config (the defaults when the link names no setting) */
  config: RunConfig;
  /** false when the link has view keys only (or nothing): the page then opens its start config */
  hasConfig: boolean;
  view: ViewParams;
  /** every change the decoder made, config first, as messages (english() for the CLI) */
  corrections: Message[];
}

/** Config, view keys and corrections of a link: a bare query, `?…`, `#…`, a full URL, or `search + hash`. */
export function decodeLink(link: string): DecodedLink {
  const params = linkParams(typeof link === 'string' ? link : '');
  const { config, corrections } = decodeConfigParams(params);
  const { view, corrections: viewCorrections } = parseViewKeys(params);
  return { config, hasConfig: params.some((p) => !isViewKey(p.key)), view, corrections: [...corrections, ...viewCorrections] };
}
