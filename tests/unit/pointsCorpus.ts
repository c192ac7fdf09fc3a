// A corpus of points files (docs/classroom.md#your-own-points): what a researcher's export, a spreadsheet or a
// hostile drop puts on the page. Each case names the text and what must come of it: the number of
// points read (and the notes that must appear), or the words the refusal must contain.
export interface PointsCase {
  name: string;
  text: string;
  /** points read; absent for a refusal */
  points?: number;
  /** the first points read, when checked */
  first?: number[];
  /** text a note must contain (read) or the reason must contain (refused) */
  says?: RegExp;
}

const rows = (n: number, f: (i: number) => string, sep = '\n') => Array.from({ length: n }, (_, i) => f(i)).join(sep);
const ring = (n: number) => rows(n, (i) => `${Math.cos((2 * Math.PI * i) / n).toFixed(4)},${Math.sin((2 * Math.PI * i) / n).toFixed(4)}`);

/** Files that load. */
export const GOOD_POINTS: PointsCase[] = [
  { name: 'comma, no header', text: '1,2\n3,4\n', points: 2, first: [1, 2, 3, 4] },
  { name: 'comma with header x,y', text: 'x,y\n1,2\n3,4', points: 2, first: [1, 2, 3, 4] },
  { name: 'header y,x picks the named columns', text: 'y,x\n1,2\n3,4', points: 2, first: [2, 1, 4, 3] },
  { name: 'semicolon', text: '1;2\n3;4\n5;6', points: 3 },
  { name: 'tab', text: '1\t2\n3\t4', points: 2 },
  { name: 'blanks, several', text: '1   2\n  3 4  \n', points: 2, first: [1, 2, 3, 4] },
  { name: 'CRLF line ends', text: 'x,y\r\n1,2\r\n3,4\r\n', points: 2 },
  { name: 'old Mac CR line ends', text: '1,2\r3,4\r5,6', points: 3 },
  { name: "Excel's UTF-8 byte order mark", text: '\uFEFFx;y\r\n1,5;2\r\n3;4,25\r\n', points: 2, first: [1.5, 2, 3, 4.25], says: /decimal marks/ },
  { name: 'commas as decimal marks, semicolon separated', text: '0,5;1,25\n-0,75;2', points: 2, first: [0.5, 1.25, -0.75, 2], says: /decimal marks/ },
  { name: 'commas as decimal marks, tab separated', text: '0,5\t1,25\n1\t2', points: 2, says: /decimal marks/ },
  { name: 'commas as decimal marks, blank separated', text: '0,5 1,25\n1 2', points: 2, first: [0.5, 1.25, 1, 2] },
  { name: 'comma and blank', text: '1, 2\n3, 4', points: 2 },
  { name: 'quoted fields', text: '"x","y"\n"1","2"\n"3","4"', points: 2, first: [1, 2, 3, 4] },
  { name: 'comments and blank lines', text: '# my ring\n\n1,2\n// note\n3,4\n\n', points: 2 },
  { name: 'exponents and signs', text: '2.5e-1,+2\n-3E0,.5', points: 2, first: [0.25, 2, -3, 0.5] },
  { name: 'three columns with a header', text: 'x,y,label\n1,2,0\n3,4,1', points: 2, says: /columns x and y of 3/ },
  { name: 'header names other columns: the first two', text: 'a;b;c\n1;2;3\n4;5;6', points: 2, first: [1, 2, 4, 5] },
  { name: 'JSON array of pairs', text: '[[1,2],[3,4],[5,6]]', points: 3 },
  { name: 'JSON array of objects', text: '[{"x":1,"y":2},{"x":3,"y":4}]', points: 2, first: [1, 2, 3, 4] },
  { name: 'JSON {points: …}', text: '{"points":[[1,2],[3,4]]}', points: 2 },
  { name: '64 points of a ring', text: ring(64), points: 64 },
  { name: '2,000 rows thinned to 512', text: ring(2000), points: 512, says: /2,000 points thinned to 512/ },
  { name: 'coordinates in the thousands, fitted into the plane', text: '1000,2000\n3000,4000\n2000,3000', points: 3, says: /centered and scaled/ },
  { name: 'two identical points', text: '0,0\n0,0', points: 2 },
];

/** Files refused with a reason; the training goes on as it was. */
export const BAD_POINTS: PointsCase[] = [
  { name: 'empty', text: '', says: /empty/ },
  { name: 'only blanks', text: ' \n\t\n ', says: /empty/ },
  { name: 'only comments', text: '# nothing\n# here', says: /only comments/ },
  { name: 'prose', text: 'Dear reviewer,\nplease find attached', says: /line \d: .* is not two numbers/ },
  { name: 'one number per line', text: '1\n2\n3', says: /line 1: "1" is not two numbers/ },
  { name: 'one point', text: '1,2', says: /1 point; at least 2/ },
  { name: 'header and one point', text: 'x,y\n1,2', says: /1 point; at least 2/ },
  { name: 'header only', text: 'x,y', says: /line 1/ },
  { name: 'NaN', text: '1,2\nNaN,3', says: /line 2: "NaN" is not a finite number/ },
  { name: 'Infinity', text: '1,2\n3,Infinity', says: /line 2: "Infinity" is not a finite number/ },
  { name: '-inf', text: '1,2\n-inf,3', says: /line 2: "-inf" is not a finite number/ },
  { name: 'a number too large for a double', text: '1,2\n1e400,3', says: /line 2: "1e400" is too large/ },
  { name: 'text in a later row', text: '1,2\n3,4\nfive,6', says: /line 3: "five" is not a number/ },
  { name: 'empty field', text: '1,2\n3,\n5,6', says: /line 2/ },
  { name: 'missing value', text: '1,2\n3\n5,6', says: /line 2 holds 1 value where line 1 holds 2/ },
  { name: 'extra value without a header', text: '1,2,3\n4,5,6', says: /3 values separated by commas.*header/ },
  { name: 'decimal commas with comma separators', text: '1,5,2,5\n3,0,4,0', says: /decimal marks, separate the columns with semicolons or tabs/ },
  { name: 'mixed separators: comma then semicolon', text: '1,2\n3;4', says: /line 2 mixes separators: semicolons in a file separated by commas/ },
  { name: 'mixed separators: semicolon then tab', text: '1;2\n3\t4', says: /line 2 mixes separators: tabs/ },
  { name: 'mixed separators: blank then comma', text: '1 2\n3,4\n5 6', says: /line 2 mixes separators: commas in a file separated by blanks/ },
  { name: 'thousands separators', text: 'x;y\n1.234,5;2\n3;4', says: /line 2: "1\.234,5;2" is not two numbers/ },
  { name: 'hex numbers', text: '0x10,2\n3,4', says: /line 1: "0x10" is not a number/ },
  { name: 'header wider than the rows', text: 'x,y,z\n1,2\n3,4', says: /header names 3 columns but line 2 holds 2 values/ },
  { name: 'NUL bytes (UTF-16)', text: '\u0000x\u0000,\u0000y\u0000\n', says: /NUL bytes/ },
  { name: 'binary junk', text: '\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR', says: /not text/ },
  { name: 'HTML page', text: '<!doctype html><html><body>404</body></html>', says: /line 1/ },
  { name: 'broken JSON', text: '[[1,2],[3,4]', says: /not valid JSON/ },
  { name: 'JSON object without points', text: '{"weights":[1,2,3]}', says: /must be an array/ },
  { name: 'JSON of numbers', text: '[1,2,3,4]', says: /point 1 of the array is 1, not \[x, y\]/ },
  { name: 'JSON with three coordinates', text: '[[1,2,3],[4,5,6]]', says: /point 1 of the array/ },
  { name: 'JSON with a string coordinate', text: '[[1,"2"],[3,4]]', says: /point 1 of the array: the text "2" is not a finite number/ },
  { name: 'JSON with null', text: '[[1,2],[null,4]]', says: /point 2 of the array: null is not a finite number/ },
  { name: 'JSON objects missing y', text: '[{"x":1},{"x":2,"y":3}]', says: /point 1 of the array: a missing value/ },
  { name: 'JSON one point', text: '[[1,2]]', says: /1 point; at least 2/ },
  { name: 'JSON Lines results file', text: '{"step":100,"loss":1}\n{"step":200,"loss":0.5}', says: /not valid JSON/ },
  { name: 'a flowvar weights file', text: '{"format":"flowvar-weights","version":2,"theta":[1,2]}', says: /must be an array/ },
  { name: '10⁶ rows', text: rows(1_000_000, () => '1,2'), says: /1,000,000 rows; a points file may hold up to 100,000/ },
  { name: '200,000 JSON points', text: `[${rows(200_000, () => '[1,2]', ',')}]`, says: /200,000 points; a points file may hold up to 100,000/ },
  { name: 'a 50 MB file', text: 'x'.repeat(50 * 1024 * 1024), says: /the file is 50\.0 MB; a points file may hold up to 4\.0 MB/ },
  { name: 'a 4 MB single line', text: '1,'.repeat(1_500_000), says: /line 1/ },
  { name: 'a CSV with a formula', text: '=SUM(A1:A2),2\n3,4', says: /line 1/ },
];
