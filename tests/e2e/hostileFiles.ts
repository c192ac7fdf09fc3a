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
  // points files (src/state/pointsFile.ts; the whole corpus is tests/unit/pointsCorpus.ts): the dialog says why, nothing changes
  points: {
    status: 'points-status',
    close: (page) => page.getByTestId('points-dialog').getByRole('button', { name: 'Cancel' }).click(),
    cases: [
      { name: 'huge.csv', parts: ['x,y\n', { repeat: '1,2\n', bytes: 50 * 2 ** 20 }], says: /^huge\.csv was not loaded: the file is 50\.0 MB; a points file may hold up to 4\.0 MB \(100,000 rows\)\. Nothing changed; the training goes on\.$/ },
      { name: 'million.csv', parts: [{ repeat: '1,2\n', bytes: 4_000_000 }], says: /^million\.csv was not loaded: the file holds 1,000,000 rows; a points file may hold up to 100,000/ },
      { name: 'mixed.csv', parts: ['x,y\n1,2\n3;4\n'], says: /^mixed\.csv was not loaded: line 3 mixes separators: semicolons in a file separated by commas\./ },
      { name: 'nan.csv', parts: ['1,2\nNaN,3\n'], says: /^nan\.csv was not loaded: line 2: "NaN" is not a finite number\./ },
      { name: 'one.csv', parts: ['\uFEFFx;y\r\n1,5;2\r\n'], says: /^one\.csv was not loaded: the file holds 1 point; at least 2 are needed\./ },
      { name: 'image.png', parts: ['\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'], says: /^image\.png was not loaded: the file is not text/ },
    ],
  },
  // JSON Lines results (src/state/resultsFile.ts): the status line says why; the overlay and the run stay
  results: {
    status: 'results-status',
    cases: [
      { name: 'foreign.jsonl', parts: ['{"event":"click","t":1}\n{"event":"move","t":2}\n'], says: /^foreign\.jsonl was not loaded: line 1 is not a flowvar results row: it has no step, loss, gradVar/ },
      { name: 'cut.jsonl', parts: ['{"step":1,"loss":1,"gradVar":2}\n{"step":2,"lo'], says: /^cut\.jsonl was not loaded: line 2 is not JSON/ },
      { name: 'text-step.jsonl', parts: ['{"step":"ten","loss":1,"gradVar":2}\n'], says: /^text-step\.jsonl was not loaded: line 1: step is "ten", not a number or null\.$/ },
      { name: 'huge.jsonl', parts: [{ repeat: '{"step":1,"loss":1,"gradVar":2}\n', bytes: 25 * 2 ** 20 }], says: /^huge\.jsonl was not loaded: it is 25\.0 MB; a results file may hold up to 20 MB\.$/ },
    ],
  },
};
