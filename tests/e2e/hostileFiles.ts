// Hostile files for every drop target of the page, one table per target: what is dropped and the
// words its status line must then say. tests/e2e/hostileFiles.test.ts drops each on a training page
// and checks that the training goes on and the link is unchanged. A new drop target adds its table
// here (its status line's data-testid, and the cases).
import type { Page } from 'playwright-core';
import type { FilePart } from './appPage';

export interface HostileFile {
  name: string;
  parts: FilePart[];
  /** what the target's status line must say */
  says: RegExp;
}

export interface DropTarget {
  /** data-testid of the line that reports on a dropped file */
  status: string;
  cases: HostileFile[];
  /** closes what the drop opened (a dialog), if anything */
  close?: (page: Page) => Promise<void>;
}

const WEIGHTS_HEAD = '{"format":"flowvar-weights","version":2,';
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

export const HOSTILE_DROPS: Record<string, DropTarget> = {
  weights: {
    status: 'weights-status',
    cases: [
      { name: 'huge.json', parts: [`${WEIGHTS_HEAD}"theta":[`, { repeat: '0.125,', bytes: 100 * 2 ** 20 }, '0]}'], says: /^huge\.json: the file is 100 MB; a weights file of the largest network \(6 × 512\) is at most 62 MB, so this is not one$/ },
      { name: 'nested.json', parts: [`${WEIGHTS_HEAD}"config":{},"theta":${nested(200_000)}}`], says: /^nested\.json: theta is not a list of finite numbers$/ },
      { name: 'nested-format.json', parts: ['{"format":"flowvar-weights","format":', nested(200_000), '}'], says: /^nested-format\.json: format is a list, not "flowvar-weights"$/ },
      { name: 'short.json', parts: [`${WEIGHTS_HEAD}"config":{"width":16,"depth":1},"theta":[1,2,3],"m":[],"v":[]}`], says: /^short\.json: theta has 3 numbers; a 1 × 16 network has \d+$/ },
      { name: 'v99.json', parts: ['{"format":"flowvar-weights","version":99,"theta":[]}'], says: /^v99\.json: version 99 is not 1 or 2: written by another flowvar, or not by flowvar$/ },
      { name: 'cut.json', parts: [`${WEIGHTS_HEAD}"theta":[1,2,`], says: /^cut\.json: not JSON/ },
    ],
  },
};
