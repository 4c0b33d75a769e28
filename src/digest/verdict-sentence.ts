// Turns the verdict facts into the digest's one sentence and its subject line, in the digest's language.
import type { BusinessMetricWeek, DigestContent } from './digest-content.js';
import type { Formatter } from './format.js';
import type { DigestTexts } from './texts.js';

function indexFigures(c: DigestContent, f: Formatter): { index: string | null; change: string | null } {
  const { index, previous } = c.reputation;
  return {
    index: index === null ? null : String(Math.round(index)),
    change: index === null || previous === null ? null : f.signed(Math.round(index) - Math.round(previous)),
  };
}

export function verdictSentence(c: DigestContent, t: DigestTexts, f: Formatter): string {
  const { direction, driver, crisis } = c.verdict;
  const { index, change } = indexFigures(c, f);
  let sentence = t.verdictHead(c.entity.name, direction, index, change);
  // A crisis is the more concrete reason; the driver is named only when there was none.
  if (driver && !crisis) sentence += t.driver[driver];
  if (crisis) sentence += t.crisisClause(t.severity[crisis.severity], crisis.entityName, f.day(crisis.onsetAt));
  // What it did to the business: the linked metric when there is a link, else the first metric that moved at all.
  const link = c.business.link;
  const moved = (m: BusinessMetricWeek) => m.changeRatio !== null && Math.abs(m.changeRatio) >= 0.005;
  const metric = (link && c.business.metrics.find((m) => m.name === link.business && moved(m))) ?? c.business.metrics.find(moved);
  if (metric) sentence += t.businessClause(metric.name, f.change(metric.changeRatio!), link?.business === metric.name);
  return `${sentence}.`;
}

export function digestSubject(c: DigestContent, t: DigestTexts, f: Formatter): string {
  const { index, change } = indexFigures(c, f);
  return t.subject(c.entity.name, Number(c.week.slice(-2)), c.verdict.direction, index, change);
}
