// The dashboard's words in English and French; the page's <html lang> (set by the server from ?lang= or Accept-Language) picks one.
const WORDS = {
  en: {
    overview: 'Overview', alerts: 'Alerts', mentions: 'Mentions', influencers: 'Influencers', business: 'Business', labels: 'Labels',
    entity: 'Entity', allEntities: 'All entities', period: 'Period', days7: 'Last 7 days', days30: 'Last 30 days', days90: 'Last 90 days',
    volume: 'Volume', positiveShare: 'Positive', neutralShare: 'Neutral', negativeShare: 'Negative', netSentiment: 'Net sentiment',
    averageSentiment: 'Average sentiment', impressions: 'Impressions', reach: 'Reach', engagement: 'Engagement', engagementRate: 'Engagement rate',
    vsPrevious: 'vs previous period', pctPoints: 'pts', noPrevious: 'no data in the previous period', norm: 'norm', volumeAndSentiment: 'Volume and sentiment over time', shareOfVoice: 'Share of voice',
    byVolume: 'by volume', byReach: 'by reach', platforms: 'Platforms', languages: 'Languages', openAlerts: 'Open alerts', noOpenAlerts: 'No open alert.', failingSources: 'Sources failing',
    latestMentions: 'Latest mentions', noMentions: 'No mention.', topTopics: 'Top topics', topAuthors: 'Top authors', advocacy: 'Advocacy',
    officialAccounts: 'Official accounts', employees: 'Employees', posts: 'posts', perPost: 'per post', competitors: 'Benchmark: competitors and peers',
    negative: 'negative', neutral: 'neutral', positive: 'positive', status: 'Status', all: 'All', open: 'open', acknowledged: 'taken in charge', resolved: 'resolved',
    severity: 'Severity', why: 'Why it fired', timeline: 'Timeline', evidence: 'Evidence mentions', deliveries: 'Deliveries', numbers: 'Figures',
    acknowledge: 'Take charge', resolve: 'Resolve', chooseAlert: 'Choose an alert to see its detail.', noAlerts: 'No alert.',
    onset: 'Onset', detected: 'Detected', notified: 'Notified', firstResponse: 'First response', lastFired: 'Last fired',
    channel: 'Channel', event: 'Event', attempts: 'Attempts', platform: 'Platform', tone: 'Tone', language: 'Language', minInfluence: 'Min. influence',
    from: 'From', to: 'To', text: 'Text', search: 'Search', exportCsv: 'Export CSV', more: 'More', openOriginal: 'open the original',
    author: 'Author', score: 'Score', followers: 'Followers', negativeMentions: 'Negative', whyScore: 'Why',
    audience: 'audience', graphRank: 'network position', amplification: 'amplification', verified: 'verified', journalist: 'journalist',
    socialSeries: 'Social series', businessMetric: 'Business metric', correlations: 'Correlations', lag: 'Lag (days)', pearson: 'Pearson r',
    spearman: 'Spearman ρ', pValue: 'p', points: 'Days', warning: 'Warning', noBusiness: 'No business metric imported yet: run "vigie import-metrics metrics.csv" (columns date, metric, value).',
    correlationByLag: 'Correlation by lag', tokenPrompt: 'This dashboard needs the API token.', token: 'Token', signIn: 'Continue',
    loadFailed: 'Could not load', live: 'live', ofMentions: 'of mentions', uniqueAudience: 'Unique audience',
    influenceChart: 'Influence score of the top authors, by factor', ranking: 'Ranking', howScored: 'How the influence score is computed',
    influenceDefinition: 'Influence (0–100) is the power to make others engage, not audience size alone. It is computed every hour over the author\'s last 30 days:',
    factorAudience: 'audience: followers, on a log scale (up to 30 points);', factorEngagement: 'engagement: likes, reshares, replies and quotes earned per post (up to 25);',
    factorAmplification: 'amplification: how often others reshare, quote or answer them, per post (up to 20);', factorGraphRank: 'network position: their rank in who-amplifies-whom (PageRank, up to 25);',
    factorBonus: '+5 for a verified account, +5 for a journalist.', influenceSame: 'The same score is used everywhere: this page, the digest, the alerts and the inbox of unanswered mentions.',
    ownAccountsApart: 'Own accounts, not ranked', ownAccount: 'own account', themes: 'Themes', whatChanged: 'What changed against the previous period', noThemes: 'No theme stands out yet.',
    newTheme: 'new', noChange: 'No theme grew or shrank.', isoWeek: 'Week (as in the digest)…', customDates: 'Custom dates…', alertsInPeriod: 'Alerts in the period', downloadPdf: 'Download PDF report', preparingPdf: 'Preparing the PDF…',
    shareView: 'Share a read-only link', shareLink: 'Shareable link', shareExpires: 'Works until', peak: 'peak', alertMarkers: 'Alert markers', drillHint: 'Click a bar to see its mentions.',
    low: 'low', medium: 'medium', high: 'high', critical: 'critical',
    interfaceLanguage: 'Interface language', postLanguage: 'Post language', mentionsMatch: 'mentions match these filters',
    csvSeparator: 'CSV separator', sepComma: ', (comma)', sepSemicolon: '; (semicolon, decimal comma)', mainNavigation: 'Main navigation', timesIn: 'Times in', chart: 'Chart', retry: 'Try again',
    timeZoneHelp: "The workspace's time zone (workspace.timeZone in the configuration): every date, chart axis and export uses it.",
  },
  fr: {
    overview: "Vue d'ensemble", alerts: 'Alertes', mentions: 'Mentions', influencers: 'Influenceurs', business: 'Business', labels: 'Annotations',
    entity: 'Entité', allEntities: 'Toutes les entités', period: 'Période', days7: '7 derniers jours', days30: '30 derniers jours', days90: '90 derniers jours',
    volume: 'Volume', positiveShare: 'Positif', neutralShare: 'Neutre', negativeShare: 'Négatif', netSentiment: 'Sentiment net',
    averageSentiment: 'Sentiment moyen', impressions: 'Impressions', reach: 'Portée', engagement: 'Engagement', engagementRate: "Taux d'engagement",
    vsPrevious: 'vs période précédente', pctPoints: 'pts', noPrevious: 'pas de données sur la période précédente', norm: 'norme', volumeAndSentiment: 'Volume et sentiment dans le temps', shareOfVoice: 'Part de voix',
    byVolume: 'en volume', byReach: 'en portée', platforms: 'Plateformes', languages: 'Langues', openAlerts: 'Alertes ouvertes', noOpenAlerts: 'Aucune alerte ouverte.', failingSources: 'Sources en échec',
    latestMentions: 'Dernières mentions', noMentions: 'Aucune mention.', topTopics: 'Sujets principaux', topAuthors: 'Auteurs principaux', advocacy: 'Ambassadeurs',
    officialAccounts: 'Comptes officiels', employees: 'Salariés', posts: 'publications', perPost: 'par publication', competitors: 'Comparaison : concurrents et pairs',
    negative: 'négatif', neutral: 'neutre', positive: 'positif', status: 'Statut', all: 'Toutes', open: 'ouverte', acknowledged: 'prise en charge', resolved: 'résolue',
    severity: 'Gravité', why: 'Pourquoi elle a été déclenchée', timeline: 'Chronologie', evidence: 'Mentions en cause', deliveries: 'Envois', numbers: 'Chiffres',
    acknowledge: 'Prendre en charge', resolve: 'Résoudre', chooseAlert: 'Choisissez une alerte pour voir son détail.', noAlerts: 'Aucune alerte.',
    onset: 'Début', detected: 'Détectée', notified: 'Notifiée', firstResponse: 'Première réponse', lastFired: 'Dernier déclenchement',
    channel: 'Canal', event: 'Événement', attempts: 'Tentatives', platform: 'Plateforme', tone: 'Tonalité', language: 'Langue', minInfluence: 'Influence min.',
    from: 'Du', to: 'Au', text: 'Texte', search: 'Rechercher', exportCsv: 'Exporter en CSV', more: 'Plus', openOriginal: "voir l'original",
    author: 'Auteur', score: 'Score', followers: 'Abonnés', negativeMentions: 'Négatives', whyScore: 'Pourquoi',
    audience: 'audience', graphRank: 'position dans le réseau', amplification: 'amplification', verified: 'certifié', journalist: 'journaliste',
    socialSeries: 'Série sociale', businessMetric: 'Indicateur business', correlations: 'Corrélations', lag: 'Décalage (jours)', pearson: 'r de Pearson',
    spearman: 'ρ de Spearman', pValue: 'p', points: 'Jours', warning: 'Attention', noBusiness: "Aucun indicateur business importé : lancez « vigie import-metrics metrics.csv » (colonnes date, metric, value).",
    correlationByLag: 'Corrélation selon le décalage', tokenPrompt: "Ce tableau de bord demande le jeton d'API.", token: 'Jeton', signIn: 'Continuer',
    loadFailed: 'Chargement impossible', live: 'en direct', ofMentions: 'des mentions', uniqueAudience: 'Audience unique',
    influenceChart: 'Score d\'influence des principaux auteurs, par facteur', ranking: 'Classement', howScored: 'Comment le score d\'influence est calculé',
    influenceDefinition: 'L\'influence (0 à 100) est la capacité à faire réagir, pas seulement la taille de l\'audience. Elle est recalculée chaque heure sur les 30 derniers jours de l\'auteur :',
    factorAudience: 'audience : abonnés, sur une échelle logarithmique (jusqu\'à 30 points) ;', factorEngagement: 'engagement : j\'aime, partages, réponses et citations obtenus par publication (jusqu\'à 25) ;',
    factorAmplification: 'amplification : combien d\'autres le partagent, le citent ou lui répondent, par publication (jusqu\'à 20) ;', factorGraphRank: 'position dans le réseau : son rang dans le graphe de qui amplifie qui (PageRank, jusqu\'à 25) ;',
    factorBonus: '+5 pour un compte certifié, +5 pour un journaliste.', influenceSame: 'Le même score est utilisé partout : cette page, le bilan hebdomadaire, les alertes et la liste des mentions sans réponse.',
    ownAccountsApart: 'Comptes de la marque, hors classement', ownAccount: 'compte de la marque', themes: 'Thèmes', whatChanged: 'Ce qui a changé par rapport à la période précédente', noThemes: 'Aucun thème ne se détache encore.',
    newTheme: 'nouveau', noChange: "Aucun thème n'a progressé ni reculé.", isoWeek: 'Semaine (comme le bilan)…', customDates: 'Dates au choix…', alertsInPeriod: 'Alertes de la période', downloadPdf: 'Télécharger le rapport PDF', preparingPdf: 'Préparation du PDF…',
    shareView: 'Partager un lien en lecture seule', shareLink: 'Lien à partager', shareExpires: "Valable jusqu'au", peak: 'pic', alertMarkers: "Repères d'alerte", drillHint: 'Cliquez sur une barre pour voir ses mentions.',
    low: 'faible', medium: 'moyenne', high: 'élevée', critical: 'critique',
    interfaceLanguage: "Langue de l'interface", postLanguage: 'Langue des publications', mentionsMatch: 'mentions correspondent à ces filtres',
    csvSeparator: 'Séparateur CSV', sepComma: ', (virgule)', sepSemicolon: '; (point-virgule, virgule décimale)', mainNavigation: 'Navigation principale', timesIn: 'Heures en', chart: 'Graphique', retry: 'Réessayer',
    timeZoneHelp: "Le fuseau horaire de l'espace de travail (workspace.timeZone dans la configuration) : toutes les dates, axes et exports l'utilisent.",
  },
};

export const lang = document.documentElement.lang === 'fr' ? 'fr' : 'en';

export function t(key) {
  return WORDS[lang][key] ?? WORDS.en[key] ?? key;
}

/** Fills every element marked data-i18n with its text (as text, never HTML). */
export function translatePage(root = document) {
  for (const node of root.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
}
