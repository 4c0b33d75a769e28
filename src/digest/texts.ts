// Every word of the digest in English and French; sentences are functions so each language keeps its own word order.
import type { AlertSeverity } from '../domain/alert.js';
import type { Locale, VerdictDirection } from './digest-content.js';
import type { ReputationDriver } from './reputation-index.js';

export interface DigestTexts {
  title: string;
  /** ': ' in English, ' : ' (non-breaking space before) in French. */
  colon: string;
  weekLabel(week: number, range: string): string;
  subject(brand: string, week: number, direction: VerdictDirection, index: string | null, change: string | null): string;
  verdictHead(brand: string, direction: VerdictDirection, index: string | null, change: string | null): string;
  driver: Record<ReputationDriver, string>;
  crisisClause(severity: string, entity: string, day: string): string;
  businessClause(metric: string, change: string, linked: boolean): string;
  severity: Record<AlertSeverity, string>;
  index: string;
  netSentiment: string;
  mentions: string;
  vsLastWeek(change: string): string;
  /** The mean of the `weeks` previous weeks with data (2 to 4). */
  priorAverage(value: string, weeks: number): string;
  noPreviousWeek: string;
  trendTitle: string;
  trendIndexSeries: string;
  trendNetSeries: string;
  daysTitle: string;
  tone: { positive: string; neutral: string; negative: string };
  voiceTitle: string;
  /** change is null when nobody was mentioned the week before. */
  voiceLine(name: string, share: string, change: string | null): string;
  voiceNone: string;
  momentsTitle: string;
  noCrisis: string;
  crisisTiming(onset: string, detection: string, response: string | null): string;
  bestMomentTitle: string;
  bestMomentLine(handle: string, followers: string, engagement: string, day: string): string;
  noBestMoment: string;
  influencersTitle: string;
  influencerLine(followers: string, score: string, mentions: number, negative: number): string;
  noInfluencers: string;
  businessTitle: string;
  metricLine(name: string, change: string | null, total: string): string;
  noMetrics: string;
  /** `days`: the days both series had a value, over which the correlation was measured. */
  linkSentence(social: string, business: string, r: string, lag: number, days: number, direction: 'same' | 'opposite'): string;
  noLink(days: number): string;
  linkCaveat: string;
  socialSeries: Record<string, string>;
  indexFootnote: string;
  footer: string;
}

const EN: DigestTexts = {
  title: 'Weekly reputation digest',
  colon: ': ',
  weekLabel: (week, range) => `Week ${week} · ${range}`,
  subject: (brand, week, direction, index, change) =>
    direction === 'no-data'
      ? `${brand} – week ${week}: no mentions collected`
      : `${brand} – week ${week}: reputation ${{ better: 'up', worse: 'down', stable: 'stable', 'first-week': 'measured' }[direction]} (index ${index}${change ? `, ${change}` : ''})`,
  verdictHead: (brand, direction, index, change) =>
    ({
      better: `${brand}'s reputation got better this week (index ${index}/100, ${change} points vs last week)`,
      worse: `${brand}'s reputation got worse this week (index ${index}/100, ${change} points vs last week)`,
      stable: `${brand}'s reputation held steady this week (index ${index}/100, ${change} points vs last week)`,
      'first-week': `First week measured for ${brand}: reputation index ${index}/100`,
      'no-data': `No mention of ${brand} was collected this week, so there is nothing to judge`,
    })[direction],
  driver: { tone: ', mainly because the tone of what people said changed', negativeReach: ', mainly because of how many people saw the negative posts' },
  crisisClause: (severity, entity, day) => `; a ${severity} crisis about ${entity} began ${day}`,
  businessClause: (metric, change, linked) => `; ${metric} ${change} vs last week${linked ? ', in step with the conversation' : ', with no measurable link to it'}`,
  severity: { low: 'low-severity', medium: 'medium-severity', high: 'high-severity', critical: 'critical' },
  index: 'Reputation index',
  netSentiment: 'Net sentiment',
  mentions: 'Mentions',
  vsLastWeek: (change) => `${change} vs last week`,
  priorAverage: (value, weeks) => `${weeks}-week average ${value}`,
  noPreviousWeek: 'no data last week',
  trendTitle: 'Reputation over five weeks',
  trendIndexSeries: 'Reputation index (0–100)',
  trendNetSeries: 'Net sentiment (%)',
  daysTitle: 'What people said, day by day',
  tone: { positive: 'Positive', neutral: 'Neutral', negative: 'Negative' },
  voiceTitle: 'Share of voice against competitors',
  voiceLine: (name, share, change) => `${name}: ${share} of mentions${change ? ` (${change})` : ''}`,
  voiceNone: 'No competitor is configured for this brand.',
  momentsTitle: 'Notable moments',
  noCrisis: 'No crisis was detected this week.',
  crisisTiming: (onset, detection, response) =>
    `Began ${onset} · detected after ${detection} · ${response ? `first response after ${response}` : 'no response from the brand yet'}`,
  bestMomentTitle: 'Best positive moment',
  bestMomentLine: (handle, followers, engagement, day) => `${handle} (${followers} followers) · ${engagement} interactions · ${day}`,
  noBestMoment: 'No positive mention stood out this week.',
  influencersTitle: 'Influencers who spoke of the brand',
  influencerLine: (followers, score, mentions, negative) =>
    `${followers} followers · influence ${score}/100 · ${mentions} mention${mentions === 1 ? '' : 's'}${negative ? `, ${negative} negative` : ''}`,
  noInfluencers: 'No author stood out this week.',
  businessTitle: 'Business',
  metricLine: (name, change, total) => `${name}: ${total} this week${change ? ` (${change} vs last week)` : ''}`,
  noMetrics: 'No business figures were imported for this week.',
  linkSentence: (social, business, r, lag, days, direction) =>
    `Over ${days} recent days, ${business} moved ${direction === 'same' ? 'with' : 'against'} ${social}${lag > 0 ? ` ${lag} day${lag === 1 ? '' : 's'} later` : ' on the same day'} (correlation ${r}).`,
  noLink: (days) => `No honest link between the conversation and the business figures over the last ${days} days: none of the correlations is both strong and reliable.`,
  linkCaveat: 'A correlation is a clue, not a proof of cause.',
  socialSeries: { volume: 'the number of mentions', negativeShare: 'the share of negative mentions', netSentiment: 'net sentiment', engagement: 'engagement', reach: 'reach' },
  indexFootnote: 'Reputation index: 60 points for the tone of mentions (net sentiment) and 40 for the share of the audience that did not see negative posts.',
  footer: 'Sent by Vigie. The numbers are those of the dashboard for the same week.',
};

const FR: DigestTexts = {
  title: 'Bilan hebdomadaire de réputation',
  colon: '\u00a0: ',
  weekLabel: (week, range) => `Semaine ${week} · ${range}`,
  subject: (brand, week, direction, index, change) =>
    direction === 'no-data'
      ? `${brand} – semaine ${week} : aucune mention collectée`
      : `${brand} – semaine ${week} : réputation ${{ better: 'en hausse', worse: 'en baisse', stable: 'stable', 'first-week': 'mesurée' }[direction]} (indice ${index}${change ? `, ${change}` : ''})`,
  verdictHead: (brand, direction, index, change) =>
    ({
      better: `La réputation de ${brand} s’est améliorée cette semaine (indice ${index}/100, ${change} points par rapport à la semaine dernière)`,
      worse: `La réputation de ${brand} s’est dégradée cette semaine (indice ${index}/100, ${change} points par rapport à la semaine dernière)`,
      stable: `La réputation de ${brand} est restée stable cette semaine (indice ${index}/100, ${change} points par rapport à la semaine dernière)`,
      'first-week': `Première semaine mesurée pour ${brand} : indice de réputation ${index}/100`,
      'no-data': `Aucune mention de ${brand} n’a été collectée cette semaine : rien à juger`,
    })[direction],
  driver: { tone: ', surtout parce que le ton des messages a changé', negativeReach: ', surtout à cause du nombre de personnes qui ont vu les messages négatifs' },
  crisisClause: (severity, entity, day) => ` ; une crise ${severity} autour de ${entity} a commencé ${day}`,
  businessClause: (metric, change, linked) => ` ; ${metric} ${change} par rapport à la semaine dernière${linked ? ', en phase avec la conversation' : ', sans lien mesurable avec elle'}`,
  severity: { low: 'mineure', medium: 'modérée', high: 'grave', critical: 'critique' },
  index: 'Indice de réputation',
  netSentiment: 'Sentiment net',
  mentions: 'Mentions',
  vsLastWeek: (change) => `${change} vs semaine dernière`,
  priorAverage: (value, weeks) => `moyenne sur ${weeks} semaines ${value}`,
  noPreviousWeek: 'pas de données la semaine dernière',
  trendTitle: 'La réputation sur cinq semaines',
  trendIndexSeries: 'Indice de réputation (0–100)',
  trendNetSeries: 'Sentiment net (%)',
  daysTitle: 'Ce qui s’est dit, jour par jour',
  tone: { positive: 'Positif', neutral: 'Neutre', negative: 'Négatif' },
  voiceTitle: 'Part de voix face aux concurrents',
  voiceLine: (name, share, change) => `${name} : ${share} des mentions${change ? ` (${change})` : ''}`,
  voiceNone: 'Aucun concurrent n’est configuré pour cette marque.',
  momentsTitle: 'Moments marquants',
  noCrisis: 'Aucune crise détectée cette semaine.',
  crisisTiming: (onset, detection, response) =>
    `Début ${onset} · détectée en ${detection} · ${response ? `première réponse après ${response}` : 'pas encore de réponse de la marque'}`,
  bestMomentTitle: 'Meilleur moment positif',
  bestMomentLine: (handle, followers, engagement, day) => `${handle} (${followers} abonnés) · ${engagement} interactions · ${day}`,
  noBestMoment: 'Aucune mention positive ne s’est détachée cette semaine.',
  influencersTitle: 'Influenceurs qui ont parlé de la marque',
  influencerLine: (followers, score, mentions, negative) =>
    `${followers} abonnés · influence ${score}/100 · ${mentions} mention${mentions === 1 ? '' : 's'}${negative ? `, dont ${negative} négative${negative === 1 ? '' : 's'}` : ''}`,
  noInfluencers: 'Aucun auteur ne s’est détaché cette semaine.',
  businessTitle: 'Activité',
  metricLine: (name, change, total) => `${name} : ${total} cette semaine${change ? ` (${change} par rapport à la semaine dernière)` : ''}`,
  noMetrics: 'Aucun chiffre d’activité importé pour cette semaine.',
  linkSentence: (social, business, r, lag, days, direction) =>
    `Sur ${days} jours récents, ${business} a évolué ${direction === 'same' ? 'dans le même sens que' : 'à l’inverse de'} ${social}${lag > 0 ? ` avec ${lag} jour${lag === 1 ? '' : 's'} de décalage` : ' le même jour'} (corrélation ${r}).`,
  noLink: (days) => `Aucun lien fiable entre la conversation et les chiffres d’activité sur les ${days} derniers jours : aucune corrélation n’est à la fois forte et solide.`,
  linkCaveat: 'Une corrélation est un indice, pas la preuve d’une cause.',
  socialSeries: { volume: 'le nombre de mentions', negativeShare: 'la part de mentions négatives', netSentiment: 'le sentiment net', engagement: 'l’engagement', reach: 'la portée' },
  indexFootnote: 'Indice de réputation : 60 points pour le ton des mentions (sentiment net) et 40 pour la part de l’audience qui n’a pas vu de messages négatifs.',
  footer: 'Envoyé par Vigie. Les chiffres sont ceux du tableau de bord pour la même semaine.',
};

export const DIGEST_TEXTS: Record<Locale, DigestTexts> = { en: EN, fr: FR };
