// The words of the crisis room and of the alert story on the alerts page, in English and French.
import { lang } from './i18n.js';

const WORDS = {
  en: {
    crisisRoom: 'Crisis room', crises: 'Crises', activeCrises: 'Active crises', noActiveCrisis: 'No active crisis.', noCrisis: 'No crisis yet.',
    openRoom: 'Open the crisis room', owner: 'Owner', noOwner: 'nobody yet', yourName: 'Your name', takeCharge: 'Take charge', handOver: 'Hand over',
    status: 'Status', open: 'open', handled: 'handled', resolved: 'resolved', setStatus: 'Set status',
    clock: 'Response clock', openedAt: 'Opened', elapsed: 'Elapsed', ownedAfter: 'Owner named after', firstResponseAfter: 'First response after', notYet: 'not yet',
    checklist: 'Playbook', due: 'due', overdue: 'late', doneBy: 'done by',
    unanswered: 'Unanswered influential negative posts', noUnanswered: 'Every influential negative post has an answer.',
    evidence: 'Evidence, by influence and reach', influence: 'influence', reach: 'reach', answered: 'answered',
    notes: 'Team notes', noNotes: 'No note yet.', addNote: 'Add note', note: 'Note',
    alertsInCrisis: 'Alerts in this crisis', entities: 'Entities',
    whatHappened: 'What happened', sinceWhen: 'Since when', howBig: 'How big', whoDrives: 'Who drives it', nextStep: 'Next step',
    nameNeeded: 'Give your name to take charge.', minutes: 'min',
    low: 'low', medium: 'medium', high: 'high', critical: 'critical',
  },
  fr: {
    crisisRoom: 'Salle de crise', crises: 'Crises', activeCrises: 'Crises en cours', noActiveCrisis: 'Aucune crise en cours.', noCrisis: 'Aucune crise pour le moment.',
    openRoom: 'Ouvrir la salle de crise', owner: 'Responsable', noOwner: 'personne pour le moment', yourName: 'Votre nom', takeCharge: 'Prendre en charge', handOver: 'Passer la main',
    status: 'Statut', open: 'ouverte', handled: 'prise en charge', resolved: 'résolue', setStatus: 'Changer le statut',
    clock: 'Chronomètre de réponse', openedAt: 'Ouverte', elapsed: 'Écoulé', ownedAfter: 'Responsable nommé après', firstResponseAfter: 'Première réponse après', notYet: 'pas encore',
    checklist: 'Plan de réponse', due: 'échéance', overdue: 'en retard', doneBy: 'fait par',
    unanswered: 'Posts négatifs influents sans réponse', noUnanswered: 'Chaque post négatif influent a une réponse.',
    evidence: 'Mentions en cause, par influence et portée', influence: 'influence', reach: 'portée', answered: 'répondu',
    notes: "Notes de l'équipe", noNotes: 'Aucune note pour le moment.', addNote: 'Ajouter la note', note: 'Note',
    alertsInCrisis: 'Alertes de cette crise', entities: 'Entités',
    whatHappened: 'Ce qui se passe', sinceWhen: 'Depuis quand', howBig: 'Ampleur', whoDrives: 'Qui en parle', nextStep: 'Que faire',
    nameNeeded: 'Donnez votre nom pour prendre en charge.', minutes: 'min',
    low: 'faible', medium: 'moyenne', high: 'élevée', critical: 'critique',
  },
};

export function tc(key) {
  return WORDS[lang][key] ?? WORDS.en[key] ?? key;
}

const NAME_KEY = 'vigie-name';
/** The name a person gave last time, so that taking charge is one keystroke away. */
export const rememberedName = () => localStorage.getItem(NAME_KEY) ?? '';
export const rememberName = (name) => localStorage.setItem(NAME_KEY, name);

/** "12 min", "2 h 05". */
export function duration(ms) {
  const m = Math.max(0, Math.round(ms / 60_000));
  return m < 60 ? `${m} ${tc('minutes')}` : `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')}`;
}

/** A moment in the crisis's time zone, with the zone named. */
export function localTime(ms, timeZone) {
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'short' }).format(new Date(ms));
}
