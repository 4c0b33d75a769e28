// Made-up mention texts for the simulator: everyday complaints, and the phrases each injected event spreads.
import type { Random } from './sim-random.js';

/** Everyday complaints, present in every period, so they never look new. Written for Vigie. */
const EVERYDAY_COMPLAINTS = [
  'waited forty minutes on the phone with support',
  'my delivery is late again',
  'prices went up again this month',
  'the app is so slow today',
  'customer service never answers emails',
  'ma commande est encore en retard',
  'le service client ne repond jamais',
  'the checkout page keeps timing out',
  'still no answer to my ticket',
  'the parcel arrived damaged',
  'trop cher pour ce que c est',
  'the website logged me out twice',
  'impossible de joindre le support',
  'my invoice is wrong',
  'the store was out of stock',
  'the new update moved every button',
];

const FILLERS = ['', ' honestly', ' again', ' seriously', ' #fail', ' sigh', ' vraiment', ' pfff', ' come on', ' lol'];

/** What each crisis is about; the simulator picks one per event. */
const CRISIS_TOPICS = [
  'refund never arrived after three weeks',
  'charged twice for the same order',
  'account locked without any warning',
  'data leak exposed customer addresses',
  'rembourse jamais apres le retour',
  'mold found inside the sealed box',
  'driver threw the parcel over the fence',
  'battery swelling after the update',
];

const ATTACK_SLOGANS = ['boycott them until they apologise', 'never buy from these liars again', 'boycottez cette marque menteuse'];

export function everydayComplaint(rng: Random, brand: string): string {
  return `${brand} ${rng.pick(EVERYDAY_COMPLAINTS)}${rng.pick(FILLERS)}`;
}

export function crisisTopic(rng: Random): string {
  return rng.pick(CRISIS_TOPICS);
}

export function attackSlogan(rng: Random): string {
  return rng.pick(ATTACK_SLOGANS);
}

/** A post about the event's topic, worded a little differently each time. */
export function topicPost(rng: Random, brand: string, topic: string): string {
  const frames = [`${brand} ${topic}`, `@${brand} ${topic}, unacceptable`, `so ${brand} ${topic}?`, `${topic} with ${brand}${rng.pick(FILLERS)}`, `wow ${brand}: ${topic}`];
  return rng.pick(frames);
}
