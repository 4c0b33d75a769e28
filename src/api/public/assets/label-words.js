// The words of the labelling controls and the Labels page, in English and French (kept apart from i18n.js).
import { lang } from './i18n.js';

const WORDS = {
  en: {
    labels: 'Labels', correct: 'Correct the tone', labelledBy: 'labelled by', sure: 'sure', saved: 'Saved', removeLabel: 'remove the label',
    keysHelp: 'Keys on a focused mention: 1 or N negative, 2 or U neutral, 3 or P positive, 0 back to the scorer; J / K next / previous.',
    toReview: 'To review', toReviewHelp: 'Mentions whose label teaches the model the most: a random sample for the first labels of a language, then the most uncertain, few look-alikes.',
    recentLabels: 'Latest labels', noLabels: 'No label yet.', nothingToReview: 'Nothing to review.', modelFigures: 'Scorer against your labels',
    labelledMentions: 'On {n} mentions your team labelled', labelledMentionsOne: 'On {n} mention your team labelled', lexicon: 'lexicon', trained: 'trained', macroF1: 'macro-F1', noModel: 'no trained model yet (vigie train)',
    notAdopted: 'trained, not adopted: it did not beat the lexicon', scorerNow: 'scorer as it read them', tags: 'Tags', tag: 'Tag', noTags: 'No tag defined.',
    defineTag: 'Define a tag', tagId: 'Id', tagName: 'Name', add: 'Add', tagsOverTime: 'Tags over time', labelledCount: 'tagged by people', taggedCount: 'tagged by the classifier',
    was: 'scorer said', yourName: 'Your name',
    agreed: 'the scorer agreed with {n}', toTrain: '{n} more labels, in at least two tones, and vigie train can train a model',
    toTrainOne: 'one more label, of another tone if all are of one, and vigie train can train a model',
    colon: ': ', modelDisagrees: 'model says {label}, lexicon {lexiconLabel}', modelUnsure: 'model unsure ({p} % {label})', lexiconUnsure: 'lexicon unsure ({p} % {label})', firstLabelsSample: 'random sample for the first {n} labels ({labelled} so far)',
  },
  fr: {
    labels: 'Annotations', correct: 'Corriger le ton', labelledBy: 'annoté par', sure: 'de certitude', saved: 'Enregistré', removeLabel: "retirer l'annotation",
    keysHelp: 'Touches sur une mention sélectionnée : 1 ou N négatif, 2 ou U neutre, 3 ou P positif, 0 retour au score ; J / K suivante / précédente.',
    toReview: 'À revoir', toReviewHelp: "Les mentions dont l'annotation apprend le plus au modèle : un échantillon au hasard pour les premières annotations d'une langue, puis les plus incertaines, peu de doublons.",
    recentLabels: 'Dernières annotations', noLabels: 'Aucune annotation.', nothingToReview: 'Rien à revoir.', modelFigures: 'Le score face à vos annotations',
    labelledMentions: 'Sur {n} mentions annotées par votre équipe', labelledMentionsOne: 'Sur {n} mention annotée par votre équipe', lexicon: 'lexique', trained: 'modèle entraîné', macroF1: 'F1 macro', noModel: 'pas encore de modèle entraîné (vigie train)',
    notAdopted: "entraîné, non adopté : il n'a pas battu le lexique", scorerNow: 'score tel qu\u2019il les lisait', tags: 'Étiquettes', tag: 'Étiquette', noTags: 'Aucune étiquette définie.',
    defineTag: 'Définir une étiquette', tagId: 'Id', tagName: 'Nom', add: 'Ajouter', tagsOverTime: 'Étiquettes dans le temps', labelledCount: 'posées par l\u2019équipe', taggedCount: 'posées par le classifieur',
    was: 'le score disait', yourName: 'Votre nom',
    agreed: 'le score était d\u2019accord sur {n}', toTrain: 'encore {n} annotations, d\u2019au moins deux tons, et vigie train pourra entraîner un modèle',
    toTrainOne: 'encore une annotation, d\u2019un autre ton si toutes ont le même, et vigie train pourra entraîner un modèle',
    colon: '\u202f: ', modelDisagrees: 'le modèle dit {label}, le lexique {lexiconLabel}', modelUnsure: 'modèle incertain ({p} % {label})', lexiconUnsure: 'lexique incertain ({p} % {label})', firstLabelsSample: 'échantillon au hasard pour les {n} premières annotations ({labelled} à ce jour)',
  },
};

/** Singular or plural: a count of 1 (0 or 1 in French) reads the key's "One" form where it has one. */
const singular = (n) => (lang === 'fr' ? n < 2 : n === 1);

export function w(key, values = {}) {
  const form = typeof values.n === 'number' && singular(values.n) && WORDS.en[`${key}One`] ? `${key}One` : key;
  const text = WORDS[lang][form] ?? WORDS.en[form] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(values[name] ?? ''));
}
