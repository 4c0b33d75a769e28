// English and French stopwords for topic extraction: words that never name what a cluster of mentions is about.

const ENGLISH = `a about above after again against all am an and any are aren't as at be because been before being below between both but by
can can't cannot could couldn't did didn't do does doesn't doing don't down during each few for from further had hadn't has hasn't have haven't
having he her here hers herself him himself his how i i'm if in into is isn't it it's its itself just let's me more most my myself no nor not
now of off on once only or other our ours ourselves out over own same she should so some such than that that's the their theirs them themselves
then there these they this those through to too under until up very was wasn't we were weren't what when where which while who whom why will with
won't would you your yours yourself yourselves im dont cant amp via rt get got go going one still also like today us u ur yes ok oh hey hi`;

const FRENCH = `a ai aie aient aies ait alors as au aucun aura aurai auraient aurais aurait aux avaient avais avait avec avez aviez avions avoir avons ayant
bon c ca ce ceci cela celle celles celui cependant ces cet cette ceux chaque ci comme comment d dans de des deja depuis donc dont du elle elles en
encore entre es est et etaient etais etait etant ete etes etre eu eux fait faire fais faut il ils j je jusqu l la le les leur leurs lui m ma mais
me meme mes moi mon n ne ni non nos notre nous on ont ou par parce pas peu peut plus pour pourquoi qu quand que quel quelle quelles quels qui
quoi s sa sans se sera ses si sien soi sommes son sont sous suis sur t ta te tes toi ton tous tout toute toutes tres tu un une vos votre vous
y ya va vais via rt fois ici la-bas bien aussi voila oui certain certaine certains certaines`;

const words = (list: string): string[] => list.split(/\s+/).filter((word) => word.length > 0);
const BY_LANGUAGE = {
  en: new Set(words(ENGLISH)),
  fr: new Set(words(FRENCH)),
  any: new Set([...words(ENGLISH), ...words(FRENCH)]),
};

/** Stopwords (accent-folded) for a language; both lists when the language is unknown or mixed. */
export function stopwordsFor(lang: string | undefined): ReadonlySet<string> {
  return lang === 'en' ? BY_LANGUAGE.en : lang === 'fr' ? BY_LANGUAGE.fr : BY_LANGUAGE.any;
}
