// Banques de phrases françaises pour les réponses, les citations et les réponses du service client de la marque.
import type { SituationBank } from '../bank.js';

type ReplySituation = 'replyMeToo' | 'replyAnswer' | 'replyChat' | 'replyCrisis' | 'helpReply' | 'helpCrisisReply' | 'quoteQuiet' | 'quoteCrisis';

export const FR_REPLIES: Record<ReplySituation, SituationBank> = {
  replyMeToo: {
    mood: 'neg',
    openers: ['pareil', 'pareil ici', 'mais pareil', 'ouais', 'ça !!', 'exactement pareil'],
    cores: [
      'le mien {fait|a fait} {exactement ça|pareil} <ago>',
      "j'ai eu {ce|le même} souci avec mon <product> {le mois dernier|pendant des semaines}",
      "{le SAV|<help>} m'a dit {de le réinitialiser|d'attendre la mise à jour|rien d'utile} aussi",
      "t'es pas seul(e), {<brand> doit corriger ça|c'est un souci connu apparemment}",
    ],
    extras: ['trop relou.', "j'ai laissé tomber.", 'dis-moi si ils te répondent.'],
  },
  replyAnswer: {
    mood: 'neutral',
    openers: ['oui', 'yes', 'de mémoire', "d'après ce que je sais", 'perso', 'pas sûr mais'],
    cores: [
      'le <product> {marche bien|s\'appaire sans souci} avec <platformHub>, {5 min chrono|aucun problème}',
      'je change le <filter> {tous les 4 mois|deux fois par an|quand l\'appli me le dit}',
      'en mode nuit le <product> est {quasi silencieux|très discret|un petit souffle}',
      '{trouvé|acheté} le mien chez <store>, {il y en avait en stock|ils en avaient quelques-uns}',
      'pour <room> {c\'est largement suffisant|ça va|c\'est peut-être un peu juste}, <brand> annonce jusqu\'à {40|35} m²',
      "appuie 10 s sur le bouton pour réinitialiser, {ça a marché pour moi|ça m'a dépanné}",
    ],
    extras: ["j'espère que ça aide !", 'bon courage.', 'dm si besoin.'],
  },
  replyChat: {
    mood: 'pos',
    openers: ['ahah', 'haha', 'mdr', "d'accord", 'clair', 'vrai', 'cool'],
    cores: [
      'pareil avec mon <product>, {je l\'adore|rien à redire}',
      '{bon à savoir|noté}, je {regardais|lorgnais} justement le <product>',
      "l'appli <brand> est {sous-cotée|étonnamment bien} franchement",
      '{félicitations|profite bien} de ton <product> !',
      "{moi j'ai pris|perso on a|j'ai fini par prendre} <rival>{, aucun regret| et franchement content aussi| à la maison, ça marche bien}",
      'tu l\'as depuis {combien de temps|quand} ? je pense au <product> {pour <room>|aussi}',
      '<brand> {livre|a livré} vite {chez toi|sur <city>} ?',
      '{<someone>|chez nous <someone>} en a un {aussi|pareil} et {en parle tout le temps|ne jure que par lui}',
      '{mdr|ahah} le jeu de lumières du <product> {quand on cuisine|pendant le dîner} {c\'est le meilleur|mon moment préféré}',
      "l'appli <brand> marche bien sur {iphone|android} ?",
      'ça fait plaisir à lire, {les tests disaient|j\'avais lu} que {les filtres étaient bof|le capteur était approximatif}',
    ],
    extras: ['👌', 'top.', 'tiens-nous au courant.'],
  },
  replyCrisis: {
    mood: 'angry',
    openers: ['mon dieu', 'wtf', 'ça fait flipper', 'la vache', 'oh non', 'sérieux', 'aïe'],
    cores: [
      "c'est vraiment un <product> ça ??",
      "le mien aussi sentait le <smell> {la semaine dernière|<ago>}, je croyais que c'était les voisins",
      'signale-le, <brand> doit {rappeler|retirer} ces appareils',
      'je débranche le mien tout de suite. {merci d\'avoir posté|merci pour l\'alerte}',
      '{pareil|pareil pour moi}, et <help> {n\'a jamais répondu|m\'a ghosté}',
      "c'est le {troisième|cinquième|dixième} <product> fondu que je vois aujourd'hui",
      "j'espère que tout le monde va bien. <brand> doit répondre",
      "garde {l'appareil|la facture|les photos}{, ça servira pour l'action de groupe|. l'action collective arrive| pour le rappel}",
    ],
    extras: ["heureusement personne n'est blessé.", 'ça fait peur.', 'RT pour la visibilité.'],
  },
  helpReply: {
    mood: 'pos',
    openers: ['Bonjour !', 'Bonjour,', 'Salut !', 'Merci pour votre message !'],
    cores: [
      '{désolés pour ce souci avec|navrés pour le souci avec} votre Kelio Aura. {pouvez-vous|merci de} nous envoyer votre numéro de commande en DM {pour vérifier|et on regarde ça|pour qu\'on règle ça} ?',
      'une réinitialisation règle souvent le problème : 10 secondes sur le bouton. si ça persiste, {écrivez-nous en DM|envoyez-nous un DM} 🙂',
      "le Kelio Aura est compatible {HomeKit, Alexa et Google Home|avec les box Matter}, le guide est dans l'appli, rubrique Appareils.",
      "on conseille de changer le filtre du Kelio Aura tous les 6 mois, l'appli vous le rappelle 🙂",
      "merci pour ce message sur Kelio, toute l'équipe est ravie !",
    ],
    closers: ['— Léa', '— Hugo', '— Inès', '— Camille', ''],
  },
  helpCrisisReply: {
    mood: 'worry',
    openers: ['Bonjour,', 'Bonjour.', 'Bonsoir,', 'Nous sommes sincèrement désolés.'],
    cores: [
      'nous sommes vraiment désolés. merci de débrancher votre Kelio Aura et de nous envoyer son numéro de série en DM, notre équipe enquête en priorité.',
      "merci pour votre signalement. nous enquêtons sur les cas signalés concernant le Kelio Aura et communiquerons aujourd'hui. merci de nous écrire en DM.",
      'toutes nos excuses pour le retard de votre remboursement. votre dossier est remonté en priorité, regardez vos DM.',
      "désolés pour cette réponse tardive. par sécurité, n'utilisez plus votre Kelio Aura ; nous vous recontactons pour un échange ou un remboursement.",
    ],
    closers: ['— Kelio Care', '— Léa', '— Hugo', ''],
  },
  quoteQuiet: {
    mood: 'neutral',
    openers: ['ça.', 'intéressant.', 'hmm', 'pas faux.', 'oui', 'à lire :'],
    cores: [
      "{exactement mon expérience|même expérience|pas du tout mon expérience} avec <brand>",
      '{bon test|bon thread} sur le <product>',
      'le <product> mérite plus de visibilité {franchement|honnêtement}',
      "j'allais acheter un <product>, {ça aide|ça tombe bien}",
    ],
  },
  quoteCrisis: {
    mood: 'angry',
    openers: ['👇', 'lisez ça.', 'voilà.', 'wow.', 'à lire', 'pas bon.'],
    cores: [
      '<brand> doit répondre à ça {aujourd\'hui|maintenant|immédiatement}',
      'encore un <product> fondu. {il est où le rappel|c\'est pour quand le rappel|combien encore} ?',
      "c'est {exactement|précisément} pour ça que {j'ai renvoyé|j'ai débranché} mon <product>",
      'la gestion de l\'affaire <product> par <brand>, c\'est <worse>',
      'partagez si vous avez un <product>',
      '<help> m\'a ignoré pendant <waited> et maintenant ça',
      "<brand> = arnaque, la preuve",
    ],
    extras: ['#KelioAura', '#BoycottKelio', '#arnaque', 'la sécurité d\'abord.'],
  },
};
