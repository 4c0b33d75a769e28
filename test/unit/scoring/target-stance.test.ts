import { describe, expect, it } from 'vitest';
import type { SentimentLabel } from '../../../src/domain/mention.js';
import { createTargetStance, describeStance, linkLabel, linkScore, TARGET_ROLES, type StanceEntity } from '../../../src/scoring/target-stance.js';

// The demo's shape, with other names: a brand, its product and CEO, two competitors benchmarked against the brand.
const ENTITIES: StanceEntity[] = [
  { id: 'kelio', name: 'Kelio', kind: 'brand', terms: ['Kelio', '#kelio', '@kelio'] },
  { id: 'kelio-aura', name: 'Kelio Aura', kind: 'product', parent: 'kelio', terms: ['Kelio Aura', '#KelioAura', 'purificateur Aura'] },
  { id: 'margaux', name: 'Margaux Delorme', kind: 'person', parent: 'kelio', terms: ['Margaux Delorme'] },
  { id: 'veltra', name: 'Veltra', kind: 'competitor', parent: 'kelio', terms: ['Veltra', '@veltra', '#veltra'] },
  { id: 'homely', name: 'Homely', kind: 'competitor', parent: 'kelio', terms: ['Homely', '@homelyhq'] },
];
const stance = createTargetStance(ENTITIES);

/** "entity:label" for each link, with the roles for the failures' messages. */
function read(text: string, tone: SentimentLabel, entityIds: string[], lang = 'en'): Record<string, string> {
  return Object.fromEntries(stance.targets({ text, lang, tone, entityIds }).map((l) => [l.entityId, l.label]));
}

describe('target stance — English', () => {
  it('the demo post "glad i went with #Veltra … at least it does not melt" is praise for Veltra, bad news for Kelio', () => {
    const text = 'yeah no. glad i went with #Veltra last year. at least it does not melt.';
    const links = stance.targets({ text, lang: 'en', tone: 'negative', entityIds: ['veltra'] });
    expect(links).toEqual([
      { entityId: 'veltra', role: 'favoured', label: 'positive', versus: 'kelio' },
      // Only Veltra was named: the mention is also linked, once, to the brand Veltra is benchmarked against.
      { entityId: 'kelio', role: 'implied', label: 'negative', versus: 'veltra' },
    ]);
    expect(describeStance('implied', 'Kelio', 'Veltra')).toBe('compares Kelio unfavourably with Veltra');
  });

  it('with the product named too, the negativity is the product\'s and no brand link is implied', () => {
    expect(read('glad i went with #Veltra last year. at least it does not melt. #KelioAura', 'negative', ['kelio-aura', 'veltra'])).toEqual({ 'kelio-aura': 'negative', veltra: 'positive' });
  });

  it('"@veltra must be enjoying this Kelio Aura mess" is a crisis of the Aura, not of Veltra', () => {
    const links = stance.targets({ text: '@veltra must be enjoying this Kelio Aura mess', lang: 'en', tone: 'negative', entityIds: ['kelio', 'kelio-aura', 'veltra'] });
    expect(links.map((l) => [l.entityId, l.role, l.label])).toEqual([['kelio', 'direct', 'negative'], ['kelio-aura', 'direct', 'negative'], ['veltra', 'bystander', 'neutral']]);
  });

  it('a gloat with no brand named leaves the competitor neutral and implies no link', () => {
    expect(read('Veltra must be loving this mess lol', 'negative', ['veltra'])).toEqual({ veltra: 'neutral' });
  });

  it('a plain complaint about a competitor alone stays negative for it', () => {
    expect(read('Veltra support is awful', 'negative', ['veltra'])).toEqual({ veltra: 'negative' });
    expect(read('bought a Veltra and it broke in a week', 'negative', ['veltra'])).toEqual({ veltra: 'negative' });
    expect(read('@veltra your app keeps crashing', 'negative', ['veltra'])).toEqual({ veltra: 'negative' });
  });

  it('switching and choosing: switched to X, X instead, X over Y, moving to X', () => {
    expect(read('switched from Kelio to Veltra, the app kept crashing', 'negative', ['kelio', 'veltra'])).toEqual({ kelio: 'negative', veltra: 'positive' });
    expect(read('returning the Kelio Aura and getting a Veltra Breeze instead', 'negative', ['kelio', 'kelio-aura', 'veltra'])).toEqual({ kelio: 'negative', 'kelio-aura': 'negative', veltra: 'positive' });
    expect(read('moving to Veltra, this is ridiculous', 'negative', ['veltra'])).toEqual({ veltra: 'positive', kelio: 'negative' });
    // A positive tone does not make the side that lost positive.
    expect(read('so happy i picked Veltra over Kelio', 'positive', ['kelio', 'veltra'])).toEqual({ kelio: 'negative', veltra: 'positive' });
  });

  it('comparisons at the other side\'s expense: unlike, better than, >, at least X does not', () => {
    expect(read('unlike Kelio, Veltra actually answers. pathetic', 'negative', ['kelio', 'veltra'])).toEqual({ kelio: 'negative', veltra: 'positive' });
    expect(read('Veltra is way better than Kelio, total garbage', 'negative', ['kelio', 'veltra'])).toEqual({ kelio: 'negative', veltra: 'positive' });
    // Two intensifiers in a row still make a comparison.
    expect(read('Veltra is so much better than Kelio, total garbage', 'negative', ['kelio', 'veltra'])).toEqual({ kelio: 'negative', veltra: 'positive' });
    expect(read('Veltra > Kelio. awful support', 'negative', ['kelio', 'veltra'])).toEqual({ kelio: 'negative', veltra: 'positive' });
    expect(read('at least Veltra doesnt catch fire, what a disaster', 'negative', ['veltra'])).toEqual({ veltra: 'positive', kelio: 'negative' });
  });

  it('a comparison the brand wins is bad news for the competitor', () => {
    expect(read('the Kelio Aura beats the Veltra Breeze on noise', 'positive', ['kelio', 'kelio-aura', 'veltra'])).toEqual({ kelio: 'positive', 'kelio-aura': 'positive', veltra: 'negative' });
  });

  it('a competitor named beside the brand in a complaint is not its target, unless both are blamed', () => {
    expect(read('Kelio Aura melted, Veltra never had that issue', 'negative', ['kelio', 'kelio-aura', 'veltra'])).toEqual({ kelio: 'negative', 'kelio-aura': 'negative', veltra: 'neutral' });
    expect(read('Kelio and Veltra are both terrible', 'negative', ['kelio', 'veltra'])).toEqual({ kelio: 'negative', veltra: 'negative' });
  });

  it('a regretted switch or a question is no praise, and implies no link', () => {
    expect(read('switched to Veltra, big mistake, it is awful', 'negative', ['veltra'])).toEqual({ veltra: 'negative' });
    expect(read('switched to Veltra, no regrets, the old one was awful', 'negative', ['veltra'])).toEqual({ veltra: 'positive', kelio: 'negative' });
    expect(read('anyone switched to Veltra? mine is awful', 'negative', ['veltra'])).toEqual({ veltra: 'neutral' });
  });

  it('names a switch between two competitors without implying the brand', () => {
    expect(read('switched from Homely to Veltra, Homely support was awful', 'negative', ['veltra', 'homely'])).toEqual({ veltra: 'positive', homely: 'negative' });
  });

  it('a bare "i went with X" is a choice only beside a contrast or the brand named', () => {
    expect(read('i went with Veltra and it died after a week, awful', 'negative', ['veltra'])).toEqual({ veltra: 'negative' });
    expect(read('i went with Veltra instead of the Kelio Aura, awful reviews', 'negative', ['kelio', 'kelio-aura', 'veltra'])).toEqual({ kelio: 'negative', 'kelio-aura': 'negative', veltra: 'positive' });
  });

  it('keeps one tone for every link of a post that names no competitor', () => {
    expect(stance.targets({ text: 'Kelio Aura melted, Margaux Delorme silent', lang: 'en', tone: 'negative', entityIds: ['kelio', 'kelio-aura', 'margaux'] }).map((l) => l.role)).toEqual(['direct', 'direct', 'direct']);
  });
});

describe('target stance — French', () => {
  it('"contente d\'avoir pris X", "j\'ai pris X plutôt que Y", "heureusement que j\'ai choisi X"', () => {
    expect(read("contente d'avoir pris Veltra l'an dernier. au moins il fond pas. nul", 'negative', ['veltra'], 'fr')).toEqual({ veltra: 'positive', kelio: 'negative' });
    expect(read("j'ai pris Veltra plutôt que Kelio, le SAV est nul", 'negative', ['kelio', 'veltra'], 'fr')).toEqual({ kelio: 'negative', veltra: 'positive' });
    expect(read("heureusement que j'ai choisi Veltra, quelle honte", 'negative', ['veltra'], 'fr')).toEqual({ veltra: 'positive', kelio: 'negative' });
  });

  it('switching: "je passe chez X", "passé du Y au X"', () => {
    expect(read('je passe chez Veltra, ras le bol', 'negative', ['veltra'], 'fr')).toEqual({ veltra: 'positive', kelio: 'negative' });
    expect(read('je suis passé du purificateur Kelio Aura au Veltra Breeze, honteux', 'negative', ['kelio', 'kelio-aura', 'veltra'], 'fr')).toEqual({ kelio: 'negative', 'kelio-aura': 'negative', veltra: 'positive' });
  });

  it('comparisons: mieux que, contrairement à, au moins X ne … pas', () => {
    expect(read('Veltra est bien mieux que Kelio, arnaque', 'negative', ['kelio', 'veltra'], 'fr')).toEqual({ kelio: 'negative', veltra: 'positive' });
    expect(read('contrairement à Kelio, Veltra répond. lamentable', 'negative', ['kelio', 'veltra'], 'fr')).toEqual({ kelio: 'negative', veltra: 'positive' });
    expect(read('au moins Veltra ne prend pas feu. scandale', 'negative', ['veltra'], 'fr')).toEqual({ veltra: 'positive', kelio: 'negative' });
  });

  it('gloating: "X se frotte les mains", "X doit bien rigoler"', () => {
    expect(read("Veltra doit se frotter les mains avec l'affaire du Kelio Aura", 'negative', ['kelio', 'kelio-aura', 'veltra'], 'fr')).toEqual({ kelio: 'negative', 'kelio-aura': 'negative', veltra: 'neutral' });
    expect(read("@veltra doit bien rigoler avec l'affaire du #KelioAura", 'negative', ['kelio-aura', 'veltra'], 'fr')).toEqual({ 'kelio-aura': 'negative', veltra: 'neutral' });
  });

  it('a competitor named beside the brand in a complaint is not its target, unless both are blamed', () => {
    expect(read("mon Kelio Aura a fondu, jamais vu ça chez Veltra", 'negative', ['kelio', 'kelio-aura', 'veltra'], 'fr')).toEqual({ kelio: 'negative', 'kelio-aura': 'negative', veltra: 'neutral' });
    expect(read('Kelio et Veltra sont nuls tous les deux', 'negative', ['kelio', 'veltra'], 'fr')).toEqual({ kelio: 'negative', veltra: 'negative' });
  });

  it('a plain complaint about a competitor stays negative, and a regret undoes a switch', () => {
    expect(read('le SAV Veltra est une honte', 'negative', ['veltra'], 'fr')).toEqual({ veltra: 'negative' });
    expect(read("je suis passé chez Veltra, grosse erreur, c'est nul", 'negative', ['veltra'], 'fr')).toEqual({ veltra: 'negative' });
    expect(read("moi j'ai pris Veltra, aucun regret", 'positive', ['veltra'], 'fr')).toEqual({ veltra: 'positive' });
  });
});

describe('link labels and scores', () => {
  it('redirect the tone by role, and never turn a bystander negative or a favoured side negative', () => {
    const tones: SentimentLabel[] = ['negative', 'neutral', 'positive'];
    const table = Object.fromEntries(TARGET_ROLES.map((role) => [role, tones.map((t) => linkLabel(role, t)).join(',')]));
    expect(table).toEqual({
      direct: 'negative,neutral,positive',
      favoured: 'positive,neutral,positive',
      bystander: 'neutral,neutral,positive',
      disfavoured: 'negative,neutral,negative',
      implied: 'negative,neutral,negative',
    });
  });

  it('keep the post\'s strength with the link\'s sign', () => {
    expect(linkScore('negative', { label: 'negative', score: -0.6 })).toBe(-0.6);
    expect(linkScore('positive', { label: 'negative', score: -0.6 })).toBe(0.6);
    expect(linkScore('neutral', { label: 'negative', score: -0.6 })).toBe(0);
    expect(linkScore('negative', { label: 'positive', score: 0.4 })).toBe(-0.4);
  });

  it('reads hostile, long posts in linear time', () => {
    const texts = [`${'the '.repeat(20_000)}Veltra`, `${'glad '.repeat(10_000)}Veltra`, `Veltra ${'doit bien '.repeat(8_000)}`, `${'au moins il '.repeat(8_000)}Veltra`];
    for (const text of texts) {
      const start = performance.now();
      stance.targets({ text, lang: text.includes('il ') || text.includes('doit') ? 'fr' : 'en', tone: 'negative', entityIds: ['veltra', 'kelio'] });
      expect(performance.now() - start, text.slice(0, 20)).toBeLessThan(500);
    }
  });

  it('costs microseconds per post naming a competitor', () => {
    const text = 'yeah no. glad i went with #Veltra last year. at least it does not melt. bye Kelio #KelioAura';
    const input = { text, lang: 'en', tone: 'negative' as const, entityIds: ['kelio', 'kelio-aura', 'veltra'] };
    for (let i = 0; i < 200; i++) stance.targets(input);
    const n = 2000;
    // CPU time, not wall time: other processes on a shared machine slow the wall clock, much less this process's CPU.
    const start = process.cpuUsage();
    for (let i = 0; i < n; i++) stance.targets(input);
    const used = process.cpuUsage(start);
    const perPostUs = (used.user + used.system) / n;
    // Generous for a loaded machine: measured 10-20 µs; a cue that backtracks would cost milliseconds.
    expect(perPostUs).toBeLessThan(500);
  });
});
