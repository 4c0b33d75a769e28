// When a Pacific-time day begins: Google resets daily API quotas (YouTube Data API) at midnight in Los Angeles.

const PACIFIC = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/Los_Angeles', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
});

function pacificParts(at: number): { year: number; month: number; day: number; hour: number; minute: number } {
  const parts = Object.fromEntries(PACIFIC.formatToParts(at).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute) };
}

/** The first instant after `now` (epoch ms) that is 00:00 in America/Los_Angeles, across DST changes. */
export function nextPacificMidnight(now: number): number {
  const today = pacificParts(now);
  // Los Angeles is UTC-8 in winter and UTC-7 in summer: the next local midnight is one of these.
  for (const offsetHours of [7, 8]) {
    const candidate = Date.UTC(today.year, today.month - 1, today.day + 1, offsetHours);
    const local = pacificParts(candidate);
    if (local.hour === 0 && local.minute === 0 && candidate > now) return candidate;
  }
  throw new Error(`no Pacific midnight found after ${new Date(now).toISOString()}`);
}
