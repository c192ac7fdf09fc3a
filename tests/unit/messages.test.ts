// Messages (docs/i18n.md#messages): one descriptor, two renderings. english() is the CLI's text,
// with plain JavaScript numbers; translateMessage() is the page's, in the reader's language with
// its plural forms and Intl numbers, nested messages translated too.
import { afterEach, describe, expect, it } from 'vitest';
import { applyLanguage } from '../../src/i18n/i18n';
import { english, joinNotes, message } from '../../src/i18n/message';
import { translateMessage } from '../../src/i18n/translateMessage';
import { decodeLink } from '../../src/link/link';
import { readPointsText } from '../../src/state/pointsFile';
import { divergedError } from '../../src/state/divergence';

afterEach(async () => { await applyLanguage('en'); });

function corrections(link: string) {
  return decodeLink(link).corrections;
}

describe('messages', () => {
  it('english() gives the CLI its text: plain numbers, plural forms, notes joined with "; "', () => {
    expect(corrections('sigma=0.5e1').map(english)).toEqual(['sigma=0.5e1 is above 2: using 2']);
    expect(corrections('coupling=cross&userPairs=1,2,3;1,2,3,4;99,0,0,0').map(english))
      .toEqual(['userPairs: 1 pair is not four finite numbers and was dropped; 1 coordinate outside ±10 clamped']);
    expect(english(joinNotes([message('link.view.embedOff'), message('link.view.lectureOff'), message('link.view.engineAuto')])))
      .toBe('embed mode is off; lecture mode is off; the engine is chosen automatically');
  });

  it('the page renders the same message in German and Chinese, numbers in the locale, nested messages translated', async () => {
    const [lr] = corrections('lr=0.5');
    await applyLanguage('de');
    expect(translateMessage(lr)).toBe('lr=0.5 liegt über 0,1: 0,1 wird verwendet');
    const read = readPointsText(Array.from({ length: 2000 }, (_, i) => `${i % 7},${i % 5}`).join('\n'));
    if (!read.ok) throw new Error(english(read.reason));
    expect(read.notes.map(english)).toEqual(['2,000 points thinned to 512 (evenly spaced rows, in file order)']);
    expect(read.notes.map(translateMessage)).toEqual(['2.000 Punkte auf 512 ausgedünnt (gleichmäßig verteilte Zeilen, in Dateireihenfolge)']);
    const nan = divergedError({ step: 1234, what: 'gradient variance', value: NaN }).message;
    expect(translateMessage(nan)).toBe('Das Training ist divergiert: die Gradientenvarianz wurde bei Schritt 1.234 zu NaN. Lernrate senken, dann zurücksetzen.');
    await applyLanguage('zh');
    expect(translateMessage(nan)).toBe('训练发散：梯度方差在第 1,234 步变为 NaN。请降低学习率，然后重置。');
    expect(english(nan)).toBe('Training diverged: the gradient variance became NaN at step 1234. Lower the learning rate, then reset.');
  });

  it('plural forms follow each language: Spanish "many" for a million, Chinese one form', async () => {
    const million = message('points.tooFew', { count: { grouped: 1_000_000 } });
    const one = message('points.tooFew', { count: { grouped: 1 } });
    expect([english(one), english(million)]).toEqual(['the file holds 1 point; at least 2 are needed', 'the file holds 1,000,000 points; at least 2 are needed']);
    await applyLanguage('es');
    expect(translateMessage(one)).toBe('el archivo contiene 1 punto; se necesitan al menos 2');
    expect(translateMessage(million)).toBe('el archivo contiene 1.000.000 de puntos; se necesitan al menos 2');
    await applyLanguage('zh');
    expect(translateMessage(one)).toBe('文件只有 1 个点；至少需要 2 个');
  });
});
