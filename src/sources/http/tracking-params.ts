// Drops the tracking parameters platforms and feeds append to links, so a stored URL is the page's own address.

/** utm_* (Google Analytics), Reddit's ref/ref_source/share_id, Facebook's fbclid, Google's gclid, heise's wt_mc, Mailchimp's mc_*. */
const TRACKING = /^(utm_[a-z_]+|ref|ref_src|ref_source|ref_url|share_id|fbclid|gclid|dclid|msclkid|igshid|mc_cid|mc_eid|wt_mc|wt_zmc|xtor|at_medium|at_campaign|cmpid|s_cid)$/i;

export function stripTrackingParams(raw: string): string {
  if (!URL.canParse(raw)) return raw;
  const url = new URL(raw);
  if (url.search === '') return raw;
  for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
  return url.href.replace(/\?$/, '');
}
