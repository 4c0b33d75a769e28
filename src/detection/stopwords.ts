// English and French function words that never make a phrase on their own (written for Vigie, not derived from any data set).

const ENGLISH = `a about above after again against all am an and any are as at be because been before being below between both
but by can could did do does doing down during each few for from further had has have having he her here hers herself him
himself his how i if in into is it its itself just me more most my myself no nor not now of off on once only or other our
ours ourselves out over own same she should so some such than that the their theirs them themselves then there these they
this those through to too under until up very was we were what when where which while who whom why will with would you your
yours yourself yourselves im ive dont cant wont didnt doesnt isnt its also get got still even really one via amp rt`;

const FRENCH = `a ai aie au aux avec avoir c ca ce ceci cela celle celles celui ces cet cette chez comme d dans de des du elle elles en
est et eu eux il ils j je l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou par pas
pour qu que qui s sa sans se ses si son sont sur t ta te tes toi ton tu un une vos votre vous y etait ete etre fait faire
plus tres tout tous toute toutes bien alors aussi encore deja ici la-bas donc car or oui non`;

export const STOPWORDS: ReadonlySet<string> = new Set([...ENGLISH.split(/\s+/), ...FRENCH.split(/\s+/)].filter(Boolean));
