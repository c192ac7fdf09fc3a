// The settings' number boxes read and write the reader's locale (src/ui/numberText.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { numberBoxInput, numberBoxText } from '../../src/ui/numberText';
import { setNumberLocale } from '../../src/format/format';
import { clampField } from '../../src/link/url';

describe('number boxes in the reader\'s locale', () => {
  afterEach(() => setNumberLocale('en'));

  it('English: the exact value as before, whole numbers ungrouped and unrounded', () => {
    expect([0.002, 2147483647, 3000, 0.1 + 0.2, 1e-4].map(numberBoxText)).toEqual(['0.002', '2147483647', '3000', '0.3', '0.0001']);
    expect(numberBoxInput(' 0.002 ')).toBe('0.002');
    expect(numberBoxInput('1,000')).toBe('1,000');
  });

  it('German: a decimal comma shown, and typed back it reaches the codec as the same number', () => {
    setNumberLocale('de');
    expect([0.002, 2147483647, 3000, 0.05].map(numberBoxText)).toEqual(['0,002', '2147483647', '3000', '0,05']);
    expect(numberBoxInput('0,002')).toBe('0.002');
    expect(clampField('lr', numberBoxInput(numberBoxText(0.002))).value).toBe(0.002);
  });
});
