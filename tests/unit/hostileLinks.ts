// A corpus of hostile links (docs/classroom.md#links): encodings, blanks, `+`, `#`, duplicates, unknown keys,
// huge numbers, injection strings and 100 kB values, each in the forms people paste: a bare
// query, `?…`, `#…`, and a full URL with settings in the query, the hash or both.
// Used by tests/unit/link.test.ts (page path against CLI path) and tests/e2e/links.test.ts.

const BIG = 'x'.repeat(100_000);

/** Settings strings, each hostile in its own way (a bare query, without `?`). */
export const HOSTILE_QUERIES: readonly string[] = [
  // blanks, + and encodings
  'source=%20moons', 'source= moons', 'source=+moons', 'source=moons+', 'pairs=%205%20', 'pairs= 5 ', 'pairs=+16',
  'sigma=1e+3', 'sigma=1e-3', 'sigma=%2B0.5', 'lr=%31e-3', 'coupling=%52OTATED', 'coupling=Rotated', 'integrator=%20RK4',
  '%73eed=7', 'se%65d=7&pairs=%3216', 'theme=projector+', 'theme=%70rojector', 'theme=Projector',
  // numbers out of range and not numbers
  'sigma=NaN', 'lr=Infinity', 'lr=-Infinity', 'sigma=1e400', 'pairs=-1e400', 'pairs=-5', 'seed=-5', 'seed=99999999999999999999999',
  'width=1e308', 'batch=0x100', 'steps=1e6.5', 'steps=1_000', 'lr=1e-400', 'phi=-0', 'sigma=-0', 'depth=2.5', 'odeSteps=0b11',
  'speed=-1e308', 'speed=1e308', 'speed=2.5', 'speed=abc', 'speed=', 'speed', 'speed=0x10', 'tour=0', 'tour=99', 'tour=memorize', 'tour=yes',
  // duplicates, missing values, empty names
  'seed=1&seed=2&seed=3', 'sigma=0.1&sigma=abc', 'seed', 'interpolant=', '=', '==', '=3', '&&&', '?', '#', '&=&=&', 'pairs=16&&&pairs',
  'theme=projector&theme=lecture', 'embed&embed=false', 'sigma_hide&sigma_hide=no', 'preset=memorize&preset=nope',
  // unknown and prototype keys, versions
  'frobnicate=3', '__proto__=1', 'constructor=1', 'toString=x', 'hasOwnProperty=1', 'v=999', 'v=', 'v=1&v=1', 'nope_hide=true',
  'lr_hide=maybe', 'embed=loss', 'panel=variance', 'engine=tpu', 'engine=cpu&engine=gpu',
  'compare=sigma:0.05', 'compare=sigma:%2B0.5', 'compare=sigma:1e9', 'compare=nope', 'compare=width:64&compare=off', 'compare=', 'compare=<b>x</b>',
  // coupling=user and pairs
  'coupling=user', 'coupling=user&userPairs=', 'coupling=user&userPairs=;;;,,,', 'userPairs=1,2,3,4,5,6,7,8',
  'coupling=user&userPairs=1,2,3,4;5,6,7;1,NaN,2,3;0,0,40,-11', 'coupling=user&userPairs=0.1,0.2,0.3,0.4',
  'userPairs=q.AFgAYABoAHA', 'userPairs=q.AFgAYABoAH', 'userPairs=q.!!!!', 'userPairs=q.', 'userPairs=q.____________',
  `userPairs=${'1,2,3,4;'.repeat(300)}`, `userPairs=q.${'A'.repeat(4000)}`,
  // injection strings
  'coupling=<script>alert(1)</script>', '<script>alert(1)</script>', 'theme="><img src=x onerror=alert(1)>',
  'source=javascript:alert(1)', "panel='-alert(1)-'", 'seed=1%27%22%3E%3Csvg%20onload%3Dalert(1)%3E', '%3Cb%3Ebold%3C/b%3E=1',
  'sigma=%CF%83', '%F0%9F%98%80=1', 'σ=0.3', 'sigma=０.３', 'seed=١٢', '%E0%A4%A', 'lr=%E0%A4%A', 'lr=%', 'lr=%%', 'pairs=%G0',
  '%00=%00', 'seed=%00', 'seed=\n', 'seed=3\t&sigma=0.1', 'sigma=0.1%0Apairs=16', 'seed=1%26pairs%3D16', 'seed=1%23pairs=16',
  // huge values and keys
  `source=${BIG}`, `${'k'.repeat(100_000)}=1`, `sigma=${'9'.repeat(100_000)}`, `theme=${BIG}`, `userPairs=${'1,'.repeat(50_000)}`,
  `${'a=1&'.repeat(2000)}seed=4`,
];

/** The queries above in the forms a link takes, plus links that mix query and hash. */
export const HOSTILE_LINKS: readonly string[] = [
  ...HOSTILE_QUERIES,
  ...HOSTILE_QUERIES.filter((_, i) => i % 3 === 0).map((q) => `?${q}`),
  ...HOSTILE_QUERIES.filter((_, i) => i % 3 === 1).map((q) => `#${q}`),
  ...HOSTILE_QUERIES.filter((_, i) => i % 3 === 2).map((q) => `https://example.org/flowvar/?${q}`),
  '?pairs=16#pairs=32', 'pairs=16#pairs=32', 'seed#x', 'seed=3#', '/flowvar/?seed=3#width=32', '?seed=2#', '#?seed=2', 'https://example.org/flowvar/#pairs=16&width=32',
  'https://example.org/flowvar/?v=1&seed=5&sigma=0.3#panel=flow', 'https://example.org/', 'http://127.0.0.1:5173/?seed=9#seed=8&seed=7',
  'https://user:pw@example.org/flowvar/index.html?seed=3', '?sigma=0.2#sigma_hide=true&embed', '#theme=projector?seed=6',
];
