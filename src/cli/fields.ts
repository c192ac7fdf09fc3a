// `flowvar fields`: every setting of the link, read from RUN_CONFIG_FIELDS: a table, or with
// --json one object per setting (setting, default, range, meaning).
import { CONFIG_KEYS, RUN_CONFIG_FIELDS, type Field } from '../engine/runConfig';
import { formatField } from '../link/url';
import { parseCommand, stdio, UsageError, type Io } from './common';

export const FIELDS_USAGE = `Usage:
  flowvar fields [--json]

Lists every setting of the link: its default, its range and what it means. --json prints one
object per setting: setting, default, range, meaning.`;

function range(field: Field): string {
  switch (field.type) {
    case 'number': case 'int': return `${field.min} … ${field.max}${field.type === 'int' ? ' (whole)' : ''}`;
    case 'enum': return field.values.join(' | ');
    case 'bool': return 'true | false';
    case 'pairs': return `x0,y0,x1,y1;… (≤ ${field.maxPairs} pairs)`;
    case 'points': return `x,y;… (≤ ${field.maxPoints} points)`;
  }
}

export function fieldsCommand(argv: readonly string[], io: Io = stdio): number {
  const parsed = parseCommand('fields', FIELDS_USAGE, argv, { json: { type: 'boolean' } }, io, ({ query, values }) => {
    if (query !== '') throw new UsageError('fields takes no link');
    return { json: values.json === true };
  });
  if (typeof parsed === 'number') return parsed;
  const rows = CONFIG_KEYS.map((key) => {
    const field = RUN_CONFIG_FIELDS[key] as Field;
    return [key, formatField(key, field.default as never) || '(none)', range(field), field.doc];
  });
  const header = ['setting', 'default', 'range', 'meaning'];
  if (parsed.json) {
    for (const r of rows) io.out(JSON.stringify(Object.fromEntries(header.map((h, c) => [h, r[c]]))));
    return 0;
  }
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  for (const r of [header, ...rows]) io.out(r.map((x, c) => (c < 3 ? x.padEnd(widths[c]) : x)).join('  ').trimEnd());
  return 0;
}
