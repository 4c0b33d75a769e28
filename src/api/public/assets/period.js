// The period control: the last 7 / 30 / 90 days of data, an ISO week (Monday to Sunday in the workspace's time zone,
// the weeks the digest reports), or custom dates. The first answer tells where the data ends; "last N days" count
// back from there.
import { el, param, setParams, share } from './common.js';
import { t } from './i18n.js';
import { localDateKey, zonedMidnight } from './zone.js';

const DAY = 86_400_000;

/** The calendar date of the Monday of an ISO week '2026-W47', as 'YYYY-MM-DD'. */
function mondayOf(isoWeek) {
  const [year, week] = isoWeek.split('-W').map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (week - 1) * 7 * DAY;
  return new Date(monday).toISOString().slice(0, 10);
}

const addDays = (dateKey, days) => new Date(Date.parse(`${dateKey}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/** The ISO week ('2026-W47') a calendar date falls in. */
function isoWeekOf(dateKey) {
  const t = Date.parse(`${dateKey}T00:00:00Z`);
  const thursday = t + (3 - ((new Date(t).getUTCDay() + 6) % 7)) * DAY;
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function setupPeriodSelect(select, onChange) {
  if (share) {
    // A shared view shows the period of its link, no other.
    select.closest('label').hidden = true;
    return { current: () => ({ from: share.from, to: share.to }), learn() {} };
  }
  let dataEnd = param('to') && /^\d+$/.test(param('to')) ? Number(param('to')) : undefined;
  select.append(el('option', { value: 'week' }, t('isoWeek')), el('option', { value: 'custom' }, t('customDates')));
  const week = el('input', { type: 'week', id: 'period-week', 'aria-label': t('isoWeek'), value: param('week') ?? '' });
  const from = el('input', { type: 'date', id: 'period-from', 'aria-label': t('from'), value: param('fromDate') ?? '' });
  const to = el('input', { type: 'date', id: 'period-to', 'aria-label': t('to'), value: param('toDate') ?? '' });
  const extra = el('span', { class: 'period-extra' }, week, from, to);
  select.closest('label').after(extra);
  select.value = param('days') ?? '7';
  if (!select.value) select.value = '7';

  const show = () => {
    week.hidden = select.value !== 'week';
    from.hidden = to.hidden = select.value !== 'custom';
  };
  const changed = () => {
    if (select.value === 'week' && !week.value) week.value = isoWeekOf(addDays(localDateKey(dataEnd ?? Date.now()), -7));
    if (select.value === 'custom' && !from.value) {
      to.value = localDateKey((dataEnd ?? Date.now()) - 1);
      from.value = addDays(to.value, -13);
    }
    show();
    setParams({ days: select.value, week: select.value === 'week' ? week.value : '', fromDate: select.value === 'custom' ? from.value : '', toDate: select.value === 'custom' ? to.value : '' });
    onChange();
  };
  select.addEventListener('change', changed);
  for (const input of [week, from, to]) input.addEventListener('change', changed);
  show();

  return {
    /** from / to for the API: empty on the first call of "last 7 days" (the server knows the data's end). */
    current() {
      if (select.value === 'week' && /^\d{4}-W\d\d$/.test(week.value)) {
        const monday = mondayOf(week.value);
        return { from: zonedMidnight(monday), to: zonedMidnight(addDays(monday, 7)) };
      }
      if (select.value === 'custom' && from.value && to.value && from.value <= to.value) {
        // "to" is the last day shown, inclusive.
        return { from: zonedMidnight(from.value), to: zonedMidnight(addDays(to.value, 1)) };
      }
      const days = Number(select.value) || 7;
      return dataEnd === undefined ? (days === 7 ? {} : { daysBack: days }) : { from: dataEnd - days * DAY, to: dataEnd };
    },
    /** Called with the period the server answered with. */
    learn(period) {
      if (select.value !== 'week' && select.value !== 'custom') dataEnd ??= period.to;
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
