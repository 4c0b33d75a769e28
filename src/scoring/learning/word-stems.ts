// Porter stems (natural's stemmers) for the trained model: "refunded", "refunding" and "refunds" share what one label
// teaches about "refund". English rules for every language but French, as the scorer reads undetermined posts as English.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface Stemmer {
  stem(word: string): string;
}

const english = require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer;
const french = require('natural/lib/natural/stemmers/porter_stemmer_fr.js') as Stemmer;

export const stemmingLanguage = (lang: string): 'en' | 'fr' => (lang === 'fr' ? 'fr' : 'en');

export const stemOf = (key: string, language: 'en' | 'fr'): string => (language === 'fr' ? french : english).stem(key);
