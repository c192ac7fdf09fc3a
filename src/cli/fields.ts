// `flowvar fields`: every setting of the query string, read from RUN_CONFIG_FIELDS.
import { CONFIG_KEYS, RUN_CONFIG_FIELDS, type Field } from '../engine/runConfig';
import { formatField } from '../link/url';
import type { Io } from './run';

function range(field: Field): string {
  switch (field.type) {
    case 'number': case 'int': return `${field.min} … ${field.max}${field.type === 'int' ? ' (whole)' : ''}`;
    case 'enum': return field.values.join(' | ');
    case 'bool': return 'true | false';
    case 'pairs': return `x0,y0,x1,y1;… (≤ ${field.maxPairs} pairs)`;
  }
}

export function fieldsCommand(io: Io): number {
  const rows = CONFIG_KEYS.map((key) => {
    const field = RUN_CONFIG_FIELDS[key] as Field;
    return [key, formatField(key, field.default as never) || '(none)', range(field), field.doc];
  });
  const header = ['setting', 'default', 'range', 'meaning'];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  for (const r of [header, ...rows]) io.out(r.map((x, c) => (c < 3 ? x.padEnd(widths[c]) : x)).join('  ').trimEnd());
  return 0;
}
