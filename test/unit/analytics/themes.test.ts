// Themes: keyphrases in English and French without the watched names and stop-phrases, grouped, with tone and change.
import { describe, expect, it } from 'vitest';
import { findThemes, themeChanges, themePhrases } from '../../../src/analytics/themes.js';

const post = (text: string, sentiment = 'neutral') => ({ text, sentiment });
const WATCHED = ['Kelio', 'Kelio Aura', '@kelio', '#kelio'];

describe('themes', () => {
  it('drops the watched names and stop-phrases', () => {
    const phrases = themePhrases('The new Kelio Aura is great for the kelio fans', new Set(['kelio', 'aura']));
    expect([...phrases].some((p) => p.includes('kelio') || p.includes('new'))).toBe(false);
  });

  it('groups phrases said in the same posts, in both languages, with volume and tone', () => {
    const current = [
      post('Mon Kelio Aura surchauffe, odeur de brûlé', 'negative'),
      post('Kelio Aura surchauffe encore, odeur de brûlé dans le salon', 'negative'),
      post('La surchauffe du purificateur, odeur de brûlé', 'negative'),
      post('Demande de remboursement refusée par Kelio', 'negative'),
      post('Remboursement refusé, service client muet', 'negative'),
      post('Kelio refund request ignored, refund please', 'negative'),
      post('Got my refund from Kelio today, thanks', 'positive'),
      post('The new Kelio is great for the kelio fans', 'positive'),
      post('The new Kelio for the kelio team', 'positive'),
    ];
    const previous = [post('Kelio refund took two weeks', 'negative')];
    const themes = findThemes(current, previous, { watchedNames: WATCHED });
    const labels = themes.map((t) => t.label);
    expect(labels).toContain('refund');
    expect(labels).toContain('remboursement');
    for (const label of labels) expect(label).not.toMatch(/kelio|aura|\bnew\b|for the/);
    // "surchauffe" and "odeur de brûlé" are said in the same posts: one theme.
    const heat = themes.find((t) => t.phrases.includes('surchauffe'))!;
    expect(heat.phrases).toContain('odeur de brûlé');
    expect(heat).toMatchObject({ volume: 3, negative: 3, netSentiment: -1, previousVolume: 0 });
    const refund = themes.find((t) => t.label === 'refund')!;
    expect(refund).toMatchObject({ volume: 2, previousVolume: 1 });
    expect(themeChanges(themes)[0]).toBe(heat);
  });
});
