// Reputation-risk flags (boycott, legal, data breach, recall, fraud, safety...) found by EN+FR trigger phrases among a post's words.
import { tokenizePost } from './lexicon.js';
import { tokenize, type Token } from './tokenizer.js';

/** Flag name -> trigger words or phrases. Plain data so config can override or extend it. */
export type RiskLexicon = Record<string, string[]>;

// Stems end with '*' to cover inflections ("boycott*" -> boycotting, boycotter, boycottez).
// Stems and bare words with an everyday second sense are written as the phrases of the risk: counted on the dev posts
// (general tweets, not brand crises), "fire" ("fire up the stream"), "burn*" ("burned a lot of time"), "hurt" ("a
// little wine wouldn't hurt"), "leak*" ("fuel leak"), "justice" ("does the book justice"), "rappel*" ("je vous
// rappelle"), "blessé*" (folded, it starts "blessed") and "piraté*" ("Pirate Day") raised flags that were almost all
// of that other sense. "court" alone is no trigger either: in French it means "short" ("délai trop court").
export const DEFAULT_RISK_LEXICON: RiskLexicon = {
  boycott: ['boycott*', 'stop buying', "don't buy", 'do not buy', 'ne plus acheter', "n'achetez plus", 'uninstall', 'désinstaller', 'désabonnez'],
  legal: [
    'lawsuit*', 'sue', 'sued', 'suing', 'class action', 'legal action', 'lawyer*', 'attorney*', 'in court', 'to court', 'court case*', 'court order*',
    'court ruling*', 'court date', 'supreme court', 'small claims', 'procès', 'plainte*', 'porter plainte', 'avocat*', 'action collective',
    'action de groupe', 'tribunal', 'tribunaux', 'mise en demeure', 'poursuite* judiciaire*', 'en justice', 'saisir la justice',
  ],
  data_breach: [
    'data breach*', 'security breach*', 'breached', 'data leak*', 'leaked data', 'leaked passwords', 'passwords leaked', 'leaked emails',
    'emails leaked', 'leaked personal', 'info leaked', 'information leaked', 'details leaked', 'hacked', 'hacker*', 'data stolen', 'stolen data',
    'personal data', 'fuite* de données', 'données ont fuité', 'données fuitées', 'piratage', 'piratée', 'piratées', 'été piraté', 'compte piraté',
    'comptes piratés', 'site piraté', 'données personnelles', 'cyberattaque*', 'ransomware', 'rançongiciel',
  ],
  recall: ['recall*', 'recalled', 'rappel', 'rappels', 'rappelconso', 'retiré de la vente', 'retirés de la vente', 'retrait du marché', 'withdrawn from sale'],
  fraud: ['fraud*', 'scam*', 'scammer*', 'rip off', 'ripoff', 'stole my money', 'arnaque*', 'escroc*', 'escroquerie*', 'fraude*', 'frauduleu*', 'voleur*', 'vol de données', 'vol de carte*', 'vol identité'],
  safety: [
    'unsafe', 'dangerous', 'danger', 'hazard*', 'caught fire', 'catch fire', 'catches fire', 'catching fire', 'electrical fire', 'battery fire*',
    'fire hazard*', 'fire alarm', 'fire extinguisher', 'was on fire', 'burst into flames', 'in flames', 'house fire', 'fire broke out', 'set fire',
    'explod*', 'overheat*', 'burn mark*', 'got burned', 'got burnt', 'burned my', 'burnt my', 'burned his', 'burned her', 'burning smell',
    'smell of burning', 'smells of burning', 'smelled of burning', 'smells like burning', 'smelled like burning', 'smells burnt', 'smelled burnt',
    'burning plastic', 'burnt plastic', 'injur*', 'got hurt', 'get hurt', 'gets hurt', 'getting hurt', 'was hurt', 'were hurt',
    'been hurt', 'hurt myself', 'hurt himself', 'hurt herself', 'hurt themselves', 'hurt yourself', 'toxic', 'poison*', 'food poisoning',
    'dangereu*', 'incendie*', 'prend feu', 'pris feu', 'explos*', 'surchauffe*', 'brûlure*', 'le brûlé', 'de brûlé', 'plastique brûlé',
    'suis brûlé*', 'est brûlé*', 'blessé', 'blessés', 'blessée', 'blessées', 'blessure*', 'intoxication*', 'toxique*', 'swollen batter*',
    'battery swell*', 'electric shock*', 'electrocut*', 'sparks came out', 'sparks coming out', 'batterie gonflée', 'batterie a gonflé',
    'décharge électrique', 'électrocut*', 'étincelle*',
    // A short circuit or melted plastic in a device is a fire risk; "melted" alone is mostly figurative ("my heart melted").
    'short circuit*', 'short-circuit*', 'shorted out', 'melted plastic', 'plastic melted', 'half melted', 'plug melted', 'cable melted',
    'cord melted', 'charger melted', 'court-circuit*', 'court circuit*', 'plastique fondu', 'à moitié fondu', 'prise a fondu', 'câble a fondu',
    'chargeur a fondu',
  ],
  discrimination: ['discriminat*', 'racist*', 'racism', 'sexist*', 'sexism', 'homophob*', 'harass*', 'raciste*', 'racisme', 'sexiste*', 'sexisme', 'harcèlement', 'harcel*'],
  scandal: ['scandal*', 'outrage*', 'disgrace*', 'scandale*', 'honte', 'honteu*', 'indignation'],
  layoffs: ['layoff*', 'laid off', 'job cuts', 'licenciement*', 'plan social', 'suppression* de poste*'],
};

/** One trigger as word keys; a stem key matches any word it starts ("boycott" in "boycotting"). */
interface Trigger {
  flag: string;
  keys: string[];
  stems: boolean[];
}

interface CompiledLexicon {
  /** Triggers whose first word is exact, by that word's key. */
  byFirstKey: Map<string, Trigger[]>;
  /** Triggers whose first word is a stem, by the stem's first two letters (twoLetters): a prefix test per word at most. */
  byFirstTwoLetters: Map<number, Trigger[]>;
  /** Stems of one letter (a configured lexicon may hold one): tested on every word. */
  shortStems: Trigger[];
}

const twoLetters = (key: string): number => (key.charCodeAt(0) << 16) | key.charCodeAt(1);

const COMPILED = new WeakMap<RiskLexicon, CompiledLexicon>();

/** "poursuite* judiciaire*" -> keys [poursuite, judiciaire], both stems; "n'achetez plus" -> [ne, achetez, plus]. */
function compileTrigger(flag: string, trigger: string): Trigger | undefined {
  const keys: string[] = [];
  const stems: boolean[] = [];
  for (const word of trigger.trim().split(/\s+/)) {
    const stem = word.endsWith('*');
    const wordKeys = tokenize(word.replace(/\*+$/, '')).map((token) => token.key);
    wordKeys.forEach((key, k) => {
      keys.push(key);
      stems.push(stem && k === wordKeys.length - 1);
    });
  }
  return keys.length > 0 ? { flag, keys, stems } : undefined;
}

function compile(lexicon: RiskLexicon): CompiledLexicon {
  let compiled = COMPILED.get(lexicon);
  if (!compiled) {
    const byFirstKey = new Map<string, Trigger[]>();
    const byFirstTwoLetters = new Map<number, Trigger[]>();
    const shortStems: Trigger[] = [];
    const add = <K>(index: Map<K, Trigger[]>, key: K, trigger: Trigger): void => {
      const bucket = index.get(key);
      if (bucket) bucket.push(trigger);
      else index.set(key, [trigger]);
    };
    for (const [flag, triggers] of Object.entries(lexicon)) {
      for (const text of triggers) {
        const trigger = compileTrigger(flag, text);
        if (!trigger) continue;
        const first = trigger.keys[0];
        if (!trigger.stems[0]) add(byFirstKey, first, trigger);
        else if (first.length >= 2) add(byFirstTwoLetters, twoLetters(first), trigger);
        else shortStems.push(trigger);
      }
    }
    compiled = { byFirstKey, byFirstTwoLetters, shortStems };
    COMPILED.set(lexicon, compiled);
  }
  return compiled;
}

function matchesAt(tokens: readonly Token[], start: number, trigger: Trigger): boolean {
  if (start + trigger.keys.length > tokens.length) return false;
  for (let k = 0; k < trigger.keys.length; k++) {
    const token = tokens[start + k];
    // The words of a phrase must follow each other: punctuation or an emoji between them breaks it.
    if (token.kind !== 'word') return false;
    if (trigger.stems[k] ? !token.key.startsWith(trigger.keys[k]) : token.key !== trigger.keys[k]) return false;
  }
  return true;
}

/** Adds the flags of the triggers that match at `start` to `found`. */
function collectMatches(tokens: readonly Token[], start: number, candidates: readonly Trigger[] | undefined, found: string[]): void {
  if (!candidates) return;
  for (const trigger of candidates) if (!found.includes(trigger.flag) && matchesAt(tokens, start, trigger)) found.push(trigger.flag);
}

/** Flags whose triggers occur among the words of already tokenized text, sorted by name. */
export function riskFlagsOf(tokens: readonly Token[], lexicon: RiskLexicon = DEFAULT_RISK_LEXICON): string[] {
  const { byFirstKey, byFirstTwoLetters, shortStems } = compile(lexicon);
  const found: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind !== 'word') continue;
    collectMatches(tokens, i, byFirstKey.get(token.key), found);
    if (token.key.length >= 2) collectMatches(tokens, i, byFirstTwoLetters.get(twoLetters(token.key)), found);
    if (shortStems.length > 0) collectMatches(tokens, i, shortStems, found);
  }
  return found.sort();
}

/** Flags whose triggers occur in the text (accent- and case-insensitive, whole words), sorted by name. */
export function findRiskFlags(text: string, lexicon: RiskLexicon = DEFAULT_RISK_LEXICON): string[] {
  return riskFlagsOf(tokenizePost(text), lexicon);
}
