// Reputation-risk flags (boycott, legal, data breach, recall, fraud, safety...) found by EN+FR trigger phrases.
import { foldKey, foldText } from './text-normaliser.js';

/** Flag name -> trigger words or phrases. Plain data so config can override or extend it. */
export type RiskLexicon = Record<string, string[]>;

// Stems end with '*' to cover inflections ("boycott*" -> boycotting, boycotter, boycottez).
export const DEFAULT_RISK_LEXICON: RiskLexicon = {
  boycott: ['boycott*', 'stop buying', "don't buy", 'do not buy', 'ne plus acheter', "n'achetez plus", 'uninstall', 'désinstaller', 'désabonnez'],
  legal: ['lawsuit*', 'sue', 'sued', 'suing', 'class action', 'legal action', 'lawyer*', 'attorney*', 'court', 'procès', 'plainte*', 'porter plainte', 'avocat*', 'action collective', 'action de groupe', 'tribunal', 'justice', 'mise en demeure', 'poursuite* judiciaire*', 'attaquer en justice'],
  data_breach: ['data breach*', 'breach*', 'leak*', 'leaked', 'hacked', 'hack', 'hacker*', 'data stolen', 'stolen data', 'personal data', 'fuite* de données', 'fuite*', 'piratage', 'piraté*', 'données personnelles', 'cyberattaque*', 'ransomware', 'rançongiciel'],
  recall: ['recall*', 'recalled', 'rappel*', 'rappel de produit*', 'retiré de la vente', 'retrait du marché', 'withdrawn from sale'],
  fraud: ['fraud*', 'scam*', 'scammer*', 'rip off', 'ripoff', 'stole my money', 'arnaque*', 'escroc*', 'escroquerie*', 'fraude*', 'frauduleu*', 'voleur*', 'vol de'],
  safety: ['unsafe', 'dangerous', 'danger', 'hazard*', 'fire', 'caught fire', 'explod*', 'overheat*', 'burn*', 'injur*', 'hurt', 'toxic', 'poison*', 'food poisoning', 'dangereu*', 'incendie*', 'prend feu', 'pris feu', 'explos*', 'surchauffe*', 'brûl*', 'blessé*', 'blessure*', 'intoxication*', 'toxique*'],
  discrimination: ['discriminat*', 'racist*', 'racism', 'sexist*', 'sexism', 'homophob*', 'harass*', 'raciste*', 'racisme', 'sexiste*', 'sexisme', 'harcèlement', 'harcel*'],
  scandal: ['scandal*', 'outrage*', 'disgrace*', 'scandale*', 'honte', 'honteu*', 'indignation'],
  layoffs: ['layoff*', 'laid off', 'job cuts', 'licenciement*', 'plan social', 'suppression* de poste*'],
};

interface CompiledLexicon {
  /** One alternation with a capture group per flag: the text is scanned once, whatever the number of flags. */
  pattern: RegExp;
  flags: string[];
  /**
   * First three letters of every trigger at a word start: a text without any cannot match. Most texts have none,
   * and this one cheap scan spares them the full pattern.
   */
  openings: RegExp;
}
const OPENING = 3;

const COMPILED = new WeakMap<RiskLexicon, CompiledLexicon>();

function triggerToPattern(trigger: string): string {
  const folded = foldKey(trigger.trim());
  const stem = folded.endsWith('*');
  const words = (stem ? folded.slice(0, -1) : folded).split(/\s+/).map((word) => {
    const wildcard = word.endsWith('*');
    const escaped = word.replace(/\*$/, '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/'/g, "['’]");
    return wildcard ? `${escaped}\\p{L}*` : escaped;
  });
  return words.join('\\s+') + (stem ? '\\p{L}*' : '');
}

function compile(lexicon: RiskLexicon): CompiledLexicon {
  let compiled = COMPILED.get(lexicon);
  if (!compiled) {
    const entries = Object.entries(lexicon).filter(([, triggers]) => triggers.length > 0);
    const groups = entries.map(([, triggers]) => `(${triggers.map(triggerToPattern).join('|')})`);
    compiled = {
      pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${groups.join('|')})(?![\\p{L}\\p{N}])`, 'gu'),
      flags: entries.map(([flag]) => flag),
      openings: new RegExp(
        `(?<![\\p{L}\\p{N}])(?:${[...new Set(entries.flatMap(([, triggers]) => triggers.map((trigger) => foldKey(trigger.trim()).slice(0, OPENING))))]
          .map((opening) => opening.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('|')})`,
        'u',
      ),
    };
    COMPILED.set(lexicon, compiled);
  }
  return compiled;
}

/** Flags whose triggers occur in the text (accent- and case-insensitive, whole words), sorted by name. */
export function findRiskFlags(text: string, lexicon: RiskLexicon = DEFAULT_RISK_LEXICON): string[] {
  const { pattern, flags, openings } = compile(lexicon);
  const folded = foldText(text);
  if (!openings.test(folded)) return [];
  const found = new Set<string>();
  for (const match of folded.matchAll(pattern)) {
    const group = match.findIndex((value, i) => i > 0 && value !== undefined);
    if (group > 0) found.add(flags[group - 1]);
  }
  return [...found].sort();
}
