// Advocacy: what the brand's own official accounts and its employees post, and the engagement each earns.

export type AdvocateKind = 'official' | 'employee';

export interface AdvocateActivity {
  kind: AdvocateKind;
  platform: string;
  handle: string;
  posts: number;
  engagement: number;
}

export interface AdvocacyGroup {
  accounts: number;
  /** Accounts that posted at least once in the period. */
  activeAccounts: number;
  posts: number;
  engagement: number;
  engagementPerPost: number;
}

export interface Advocacy {
  official: AdvocacyGroup;
  employees: AdvocacyGroup;
  /** Employees' engagement per official engagement; null when the official accounts earned none. */
  employeeToOfficialEngagement: number | null;
  /** Share of all advocacy posts written by employees, 0..1. */
  employeePostShare: number;
  /** Every configured account, most engaging first. */
  accounts: AdvocateActivity[];
}

function group(rows: readonly AdvocateActivity[]): AdvocacyGroup {
  const posts = rows.reduce((s, r) => s + r.posts, 0);
  const engagement = rows.reduce((s, r) => s + r.engagement, 0);
  return {
    accounts: rows.length,
    activeAccounts: rows.filter((r) => r.posts > 0).length,
    posts,
    engagement,
    engagementPerPost: posts > 0 ? engagement / posts : 0,
  };
}

/** `activity` holds one row per configured account, with zeros for accounts that did not post. */
export function computeAdvocacy(activity: readonly AdvocateActivity[]): Advocacy {
  const official = group(activity.filter((a) => a.kind === 'official'));
  const employees = group(activity.filter((a) => a.kind === 'employee'));
  const allPosts = official.posts + employees.posts;
  return {
    official,
    employees,
    employeeToOfficialEngagement: official.engagement > 0 ? employees.engagement / official.engagement : null,
    employeePostShare: allPosts > 0 ? employees.posts / allPosts : 0,
    accounts: [...activity].sort((a, b) => b.engagement - a.engagement || b.posts - a.posts || a.handle.localeCompare(b.handle)),
  };
}

/** The configured accounts of an entity as (kind, platform, handle without "@"). */
export function advocateAccounts(entity: {
  ownHandles: Readonly<Record<string, readonly string[]>>;
  employeeHandles: Readonly<Record<string, readonly string[]>>;
}): { kind: AdvocateKind; platform: string; handle: string }[] {
  const list = (kind: AdvocateKind, byPlatform: Readonly<Record<string, readonly string[]>>) =>
    Object.entries(byPlatform).flatMap(([platform, handles]) => handles.map((h) => ({ kind, platform, handle: h.replace(/^@/, '') })));
  return [...list('official', entity.ownHandles), ...list('employee', entity.employeeHandles)];
}
