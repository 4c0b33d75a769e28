// Fictional names, handles and bios for the scenario's ordinary authors, so the long tail of accounts looks like people.
import type { Lang } from './bank.js';
import type { Rng } from './random.js';

const FIRST: Readonly<Record<Lang, readonly string[]>> = {
  en: ['Jake', 'Emily', 'Sam', 'Olivia', 'Chris', 'Hannah', 'Ryan', 'Priya', 'Dan', 'Megan', 'Josh', 'Aisha', 'Tom', 'Grace', 'Liam', 'Zoe', 'Ben', 'Chloe', 'Matt', 'Jess', 'Nathan', 'Ellie', 'Kevin', 'Maya', 'Oscar', 'Ruby', 'Sean', 'Tasha', 'Will', 'Amber', 'Rob', 'Nia', 'Callum', 'Freya', 'Ade', 'Leah'],
  fr: ['Julie', 'Thomas', 'Camille', 'Nicolas', 'Léa', 'Hugo', 'Manon', 'Maxime', 'Sarah', 'Antoine', 'Chloé', 'Lucas', 'Inès', 'Romain', 'Pauline', 'Mathieu', 'Emma', 'Julien', 'Clara', 'Benoît', 'Sophie', 'Karim', 'Yasmine', 'Mehdi', 'Nadia', 'Amandine', 'Florian', 'Élodie', 'Quentin', 'Margot', 'Bastien', 'Océane', 'Théo', 'Anaïs', 'Yanis', 'Justine'],
};

const LAST: Readonly<Record<Lang, readonly string[]>> = {
  en: ['Smith', 'Carter', 'Hughes', 'Patel', 'Walsh', 'Murphy', 'Reed', 'Brooks', 'Bennett', 'Kim', 'Evans', 'Price', 'Ward', 'Shaw', 'Fraser', 'Lopez', 'Hayes', 'Quinn', 'Cole', 'Doyle', 'Okafor', 'Byrne', 'Singh', 'Nash'],
  fr: ['Martin', 'Bernard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Girard', 'Lefebvre', 'Fontaine', 'Rousseau', 'Lambert', 'Mercier', 'Blanc', 'Guérin', 'Chevalier', 'Perrin', 'Benali', 'Nguyen', 'Haddad', 'Roux', 'Caron', 'Marchand', 'Diallo', 'Faure'],
};

const HANDLE_WORDS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['runs', 'bakes', 'codes', 'reads', 'uk', 'pdx', 'writes', 'art', 'fit', 'dad', 'mum', 'ldn', 'tech', 'plays', 'xo', 'irl'],
  fr: ['lyon', 'paris', 'off', 'pro', 'bzh', 'sud', 'dev', 'photo', 'cuisine', 'velo', '69', '75', '13', 'zen', 'geek', 'maman'],
};

const BIOS: Readonly<Record<Lang, readonly string[]>> = {
  en: ['dad of 2, coffee, bad puns', 'nurse. tired. plants.', 'software person', 'she/her · books · hay fever survivor', 'opinions my own', 'ux designer, cat owner', 'running on tea', 'teacher', 'home cook & gadget nerd', 'ex-londoner'],
  fr: ['maman de 2 loulous', 'dev le jour, gamer la nuit', 'lyonnaise, plantes & café', 'prof des écoles', 'allergique à tout ou presque', 'ingénieur, avis perso', 'cuisine, rando, domotique', 'infirmière de nuit', 'papa geek', 'rennais exilé'],
};

export interface PersonName {
  handle: string;
  displayName: string;
  description?: string;
}

/** Draws a name and a handle not yet in `taken` (and records it there). */
export function drawPerson(lang: Lang, taken: Set<string>, rng: Rng): PersonName {
  const first = rng.pick(FIRST[lang]);
  const last = rng.pick(LAST[lang]);
  const f = plain(first);
  const l = plain(last);
  const base = rng.pick([
    `${f}${l}`,
    `${f}_${l.slice(0, 3)}`,
    `${f}${rng.int(1, 99)}`,
    `${f}_${l}`,
    `the_${f}`,
    `${f}_${rng.pick(HANDLE_WORDS[lang])}`,
    `${l}${f.charAt(0)}`,
    `${f.charAt(0)}${l}${rng.int(70, 99)}`,
  ]);
  let handle = base;
  while (taken.has(handle)) handle = `${base}${rng.int(2, 999)}`;
  taken.add(handle);
  const displayName = rng.pick([`${first} ${last}`, first, `${first} ${last.charAt(0)}.`, `${first} 🌿`, first.toLowerCase(), `${first} ${last}`]);
  return { handle, displayName, description: rng.chance(0.45) ? rng.pick(BIOS[lang]) : undefined };
}

function plain(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
