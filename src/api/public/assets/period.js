// The period <select> (last 7 / 30 / 90 days of data): the first answer tells where the data ends, later choices count back from there.
import { param, setParams, share } from './common.js';

const DAY = 86_400_000;

export function setupPeriodSelect(select, onChange) {
  if (share) {
    // A shared view shows the period of its link, no other.
    select.closest('label').hidden = true;
    return { current: () => ({ from: share.from, to: share.to }), learn() {} };
  }
  let dataEnd = param('to') ? Number(param('to')) : undefined;
  select.value = param('days') ?? '7';
  select.addEventListener('change', () => {
    setParams({ days: select.value });
    onChange();
  });
  return {
    /** from / to for the API: empty on the first call (the server knows the data's end). */
    current() {
      const days = Number(select.value) || 7;
      return dataEnd === undefined ? (days === 7 ? {} : { daysBack: days }) : { from: dataEnd - days * DAY, to: dataEnd };
    },
    /** Called with the period the server answered with. */
    learn(period) {
      dataEnd ??= period.to;
    },
  };
}

/** The query values of a period, resolving "N days back from the data's end" with one call when the end is not known yet. */
export async function periodQuery(periodSelect, fetchDefault) {
  let p = periodSelect.current();
  if (p.daysBack) {
    periodSelect.learn((await fetchDefault()).period);
    p = periodSelect.current();
  }
  return { from: p.from, to: p.to };
}
