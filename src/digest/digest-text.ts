// The digest's plain-text part: the same words as the HTML, for clients that show no HTML and for screen readers.
import type { DigestView } from './digest-view.js';

export function digestText(view: DigestView): string {
  const t = view.texts;
  const section = (title: string, lines: readonly string[]) => ['', title.toUpperCase(), ...lines];
  return [
    `${t.title} – ${view.brand}`,
    view.weekLabel,
    '',
    view.verdict,
    '',
    ...view.tiles.map((tile) => `${tile.label}${t.colon}${tile.value} (${tile.notes.join('; ')})`),
    ...section(t.voiceTitle, view.voiceLines),
    ...section(t.momentsTitle, [
      ...(view.crises.length ? view.crises.flatMap((c) => [`- ${c.heading}`, `  ${c.timing}`]) : [t.noCrisis]),
      `${t.bestMomentTitle}${t.colon.trimEnd()}`,
      ...(view.moment ? [`  “${view.moment.quote}”`, `  ${view.moment.line}${view.moment.url ? ` ${view.moment.url}` : ''}`] : [`  ${t.noBestMoment}`]),
    ]),
    ...section(t.influencersTitle, view.influencers.length ? view.influencers.map((a) => `- ${a.name}${t.colon}${a.line}`) : [t.noInfluencers]),
    ...section(t.businessTitle, [...view.businessLines, view.linkSentence]),
    '',
    ...view.footnotes,
  ].join('\n');
}
