// The demo scenario: reproducible, big enough, bilingual, one amplified crisis over a quiet baseline, coherent threads, varied text.
import { beforeAll, describe, expect, it } from 'vitest';
import type { MentionInput } from '../../../src/domain/mention.js';
import { generateScenario, scenarioToJsonl, type Scenario } from '../../../src/demo/scenario.js';

const HOUR = 3_600_000;
const END = new Date('2025-03-20T15:00:00.000Z');
// Six days instead of the demo's five weeks: every property below holds for both, and six days generate fast.
const DAYS = 6;
const START = END.getTime() - DAYS * 24 * HOUR;

// Words a reader would take as a sign of trouble, in both languages (written for this test).
const RISK = /overheat|melt|burn|smell|fire|refund|boycott|recall|class action|unplug|danger|scar|rappel|arnaque|surchauff|fond|brûl|brul|cramé|rembours|action de groupe|d[ée]branch|honte|insane|disgrace|shocking|unacceptable|scandal|#KelioGate|peur|safety|sécurité|\bhot\b|chaud|warped|déform/i;
const NAMES_AN_ENTITY = /kelio|veltra|homely|margaux delorme/i;
const NAMES_THE_AURA = /kelio ?aura/i;

const at = (m: MentionInput) => Date.parse(m.publishedAt);

let scenario: Scenario;
beforeAll(() => {
  scenario = generateScenario({ seed: 42, end: END, days: DAYS });
});

describe('generateScenario', () => {
  it('gives byte-identical output for the same seed and different output for another seed', () => {
    const again = generateScenario({ seed: 42, end: END, days: DAYS });
    expect(scenarioToJsonl(again)).toBe(scenarioToJsonl(scenario));
    expect(again.crisis).toEqual(scenario.crisis);
    const other = generateScenario({ seed: 43, end: END, days: DAYS });
    expect(other.mentions.slice(0, 50).map((m) => m.text)).not.toEqual(scenario.mentions.slice(0, 50).map((m) => m.text));
  });

  it('holds 4,000 to 6,500 mentions over six days, sorted, unique, all before the end', () => {
    const { mentions } = scenario;
    expect(mentions.length).toBeGreaterThanOrEqual(4000);
    expect(mentions.length).toBeLessThanOrEqual(6500);
    expect(new Set(mentions.map((m) => m.externalId)).size).toBe(mentions.length);
    for (let i = 1; i < mentions.length; i += 1) expect(at(mentions[i])).toBeGreaterThanOrEqual(at(mentions[i - 1]));
    expect(at(mentions[0])).toBeGreaterThanOrEqual(START);
    expect(at(mentions[0])).toBeLessThan(START + 2 * HOUR);
    expect(at(mentions.at(-1)!)).toBeLessThan(END.getTime());
    const days = new Set(mentions.map((m) => Math.floor((at(m) - START) / (24 * HOUR))));
    expect([...days].sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('appears on X, Reddit, Mastodon, Bluesky, YouTube and news sites, with each platform\'s ids, links and handles', () => {
    const shapes: Record<string, { id: RegExp; url: RegExp; author: RegExp }> = {
      x: { id: /^\d{18,19}$/, url: /^https:\/\/x\.com\/\w+\/status\/\d+$/, author: /^\d+$/ },
      reddit: { id: /^t[13]_[0-9a-z]+$/, url: /^https:\/\/www\.reddit\.com\/r\/\w+\/comments\/[0-9a-z]+\/(comment\/[0-9a-z]+\/)?$/, author: /^t2_[0-9a-z]{8}$/ },
      mastodon: { id: /^https:\/\/[\w.]+\/users\/\w+\/statuses\/\d+$/, url: /^https:\/\/[\w.]+\/@\w+\/\d+$/, author: /^https:\/\/[\w.]+\/@\w+$/ },
      bluesky: { id: /^at:\/\/did:plc:[a-z2-7]{24}\/app\.bsky\.feed\.post\/3l[a-z2-7]{11}$/, url: /^https:\/\/bsky\.app\/profile\/[\w.-]+\.bsky\.social\/post\/3l[a-z2-7]{11}$/, author: /^did:plc:/ },
      youtube: { id: /^(Ugz\w+|[\w-]{11})/, url: /^https:\/\/www\.youtube\.com\/watch\?v=[\w-]{11}(&lc=[\w.]+)?$/, author: /^UC[\w-]{22}$/ },
      rss: { id: /^https:\/\/[\w.]+\/\d{4}\/\d{2}\/\d{2}\/\w+$/, url: /^https:\/\//, author: /\// },
    };
    const count = new Map<string, number>();
    for (const m of scenario.mentions) {
      count.set(m.platform, (count.get(m.platform) ?? 0) + 1);
      const shape = shapes[m.platform];
      expect(shape, m.platform).toBeDefined();
      expect(m.externalId).toMatch(shape.id);
      expect(m.url).toMatch(shape.url);
      expect(m.author.platform).toBe(m.platform);
      expect(m.author.externalId).toMatch(shape.author);
      if (m.platform === 'mastodon') expect(m.author.handle).toMatch(/^\w+@[\w.]+$/);
      if (m.platform === 'bluesky') expect(m.author.handle).toMatch(/\.bsky\.social$/);
      // Reddit and news feeds report no audience, as their connectors store it.
      if (m.platform === 'reddit' || m.platform === 'rss') expect(m.author.followers).toBe(0);
    }
    expect([...count.keys()].sort()).toEqual(['bluesky', 'mastodon', 'reddit', 'rss', 'x', 'youtube']);
    // X carries the most, every other platform a real share.
    for (const platform of ['reddit', 'mastodon', 'bluesky', 'youtube']) expect(count.get(platform)! / scenario.mentions.length, platform).toBeGreaterThan(0.04);
    expect(count.get('rss')).toBeGreaterThan(20);
  });

  it('plays five weeks by default: four weeks and more of ordinary days before the crisis, about 300 mentions a day', { timeout: 60_000 }, () => {
    const demo = generateScenario({ seed: 42, end: END });
    const startsAt = Date.parse(demo.crisis.startsAt);
    expect(at(demo.mentions[0])).toBeLessThan(END.getTime() - 34 * 24 * HOUR);
    expect(startsAt - at(demo.mentions[0])).toBeGreaterThan(28 * 24 * HOUR);
    const before = demo.mentions.filter((m) => at(m) < startsAt);
    const perDay = before.length / ((startsAt - at(before[0])) / (24 * HOUR));
    expect(perDay).toBeGreaterThan(200);
    expect(perDay).toBeLessThan(450);
  });

  it('is about half English, half French', () => {
    const fr = scenario.mentions.filter((m) => m.langHint === 'fr').length / scenario.mentions.length;
    const en = scenario.mentions.filter((m) => m.langHint === 'en').length / scenario.mentions.length;
    expect(en + fr).toBe(1);
    expect(fr).toBeGreaterThan(0.4);
    expect(fr).toBeLessThan(0.55);
  });

  it('names a watched entity in every mention, and every entity is named', () => {
    for (const m of scenario.mentions) expect(m.text).toMatch(NAMES_AN_ENTITY);
    const all = scenario.mentions.map((m) => m.text).join('\n');
    for (const name of [/Kelio Aura/i, /#KelioAura/i, /@kelio\b/i, /Veltra/i, /Homely/i, /Margaux Delorme/i]) expect(all).toMatch(name);
    expect(scenario.entityIds).toEqual(['kelio', 'kelio-aura', 'margaux-delorme', 'veltra', 'homely']);
  });

  it('starts the crisis on the fourth day after three quiet days, and ends it with calm time left', () => {
    const { crisis } = scenario;
    const startsAt = Date.parse(crisis.startsAt);
    expect(startsAt - START).toBeGreaterThanOrEqual(3 * 24 * HOUR);
    expect(startsAt - START).toBeLessThan(4 * 24 * HOUR + 12 * HOUR);
    expect(Date.parse(crisis.peakAt)).toBeGreaterThan(startsAt);
    expect(Date.parse(crisis.peakAt) - startsAt).toBeLessThan(6 * HOUR);
    expect(END.getTime() - Date.parse(crisis.endsAt)).toBeGreaterThan(12 * HOUR);
    expect(crisis.entityId).toBe('kelio-aura');
    // Its first post is an owner's testimony.
    const first = scenario.mentions.find((m) => at(m) === startsAt)!;
    expect(first.text).toMatch(NAMES_THE_AURA);
    expect(first.text).toMatch(RISK);
  });

  it('makes the crisis hours many times louder than the Kelio Aura baseline, and mostly about trouble', () => {
    const startsAt = Date.parse(scenario.crisis.startsAt);
    const peakAt = Date.parse(scenario.crisis.peakAt);
    const aura = scenario.mentions.filter((m) => NAMES_THE_AURA.test(m.text));
    const baselinePerHour = aura.filter((m) => at(m) < startsAt).length / ((startsAt - START) / HOUR);
    const window = scenario.mentions.filter((m) => at(m) >= peakAt - HOUR && at(m) < peakAt + 2 * HOUR);
    const auraPerHourAtPeak = window.filter((m) => NAMES_THE_AURA.test(m.text)).length / 3;
    expect(baselinePerHour).toBeGreaterThan(1);
    expect(auraPerHourAtPeak).toBeGreaterThan(15 * baselinePerHour);
    expect(window.filter((m) => RISK.test(m.text)).length / window.length).toBeGreaterThan(0.55);
    // Before the crisis, trouble words are the exception.
    const quiet = scenario.mentions.filter((m) => at(m) < startsAt);
    expect(quiet.filter((m) => RISK.test(m.text)).length / quiet.length).toBeLessThan(0.15);
  });

  it("has @techwatchdaily's post at the turn of the crisis, with a big reach and many reshares pointing at it", () => {
    const { crisis, mentions } = scenario;
    expect(crisis.amplifierHandle).toBe('techwatchdaily');
    const post = mentions.find((m) => m.author.handle === 'techwatchdaily' && !m.replyTo && !m.quoteOf && at(m) >= Date.parse(crisis.startsAt))!;
    expect(post.author.followers).toBe(410_000);
    expect(post.author.verified).toBe(true);
    expect(post.text).toMatch(/Kelio Aura/);
    expect(at(post)).toBeLessThan(Date.parse(crisis.peakAt));
    const reshares = mentions.filter((m) => m.reshareOf === post.externalId);
    expect(reshares.length).toBeGreaterThanOrEqual(80);
    expect(post.engagement.reshares).toBeGreaterThanOrEqual(reshares.length);
    const medianLikes = mentions.map((m) => m.engagement.likes).sort((a, b) => a - b)[mentions.length >> 1];
    expect(post.engagement.likes).toBeGreaterThan(100 * Math.max(medianLikes, 1));
    // French accounts take it up too.
    expect(mentions.some((m) => m.quoteOf === post.externalId && m.langHint === 'fr')).toBe(true);
  });

  it('points every reply, quote and reshare at an earlier mention of the same platform, in that platform\'s form', () => {
    const byId = new Map(scenario.mentions.map((m, index) => [m.externalId, { m, index }]));
    let links = 0;
    scenario.mentions.forEach((m, index) => {
      for (const ref of [m.replyTo, m.quoteOf, m.reshareOf]) {
        if (!ref) continue;
        links += 1;
        const parent = byId.get(ref);
        expect(parent, `${m.externalId} -> ${ref}`).toBeDefined();
        expect(parent!.index).toBeLessThan(index);
        expect(at(parent!.m)).toBeLessThan(at(m));
        expect(parent!.m.platform).toBe(m.platform);
      }
      // X writes "RT @author: text"; a Mastodon boost or a Bluesky repost keeps the text; Reddit and YouTube have no reshares.
      if (m.reshareOf) {
        const parent = byId.get(m.reshareOf)!.m;
        expect(['x', 'mastodon', 'bluesky']).toContain(m.platform);
        expect(m.text).toBe(m.platform === 'x' ? `RT @${parent.author.handle}: ${parent.text}` : parent.text);
      }
      if (m.quoteOf) expect(['x', 'bluesky']).toContain(m.platform);
      // A reply names whom it answers, except in a Reddit thread; nobody replies to a news article in its feed.
      if (m.replyTo && m.platform !== 'reddit') expect(m.text.startsWith(`@${byId.get(m.replyTo)!.m.author.handle} `)).toBe(true);
      if (m.replyTo) expect(byId.get(m.replyTo)!.m.platform).not.toBe('rss');
    });
    expect(links).toBeGreaterThan(scenario.mentions.length / 4);
  });

  it('keeps engagement at least as high as the interactions the scenario shows', () => {
    const count = (key: 'replyTo' | 'quoteOf' | 'reshareOf') => {
      const counts = new Map<string, number>();
      for (const m of scenario.mentions) if (m[key]) counts.set(m[key]!, (counts.get(m[key]!) ?? 0) + 1);
      return counts;
    };
    const replies = count('replyTo');
    const quotes = count('quoteOf');
    const reshares = count('reshareOf');
    for (const m of scenario.mentions) {
      expect(m.engagement.replies).toBeGreaterThanOrEqual(replies.get(m.externalId) ?? 0);
      expect(m.engagement.quotes).toBeGreaterThanOrEqual(quotes.get(m.externalId) ?? 0);
      expect(m.engagement.reshares).toBeGreaterThanOrEqual(reshares.get(m.externalId) ?? 0);
    }
  });

  it('has many authors, mostly small, a few big, each the same on every post', () => {
    const authors = new Map<string, MentionInput['author']>();
    for (const m of scenario.mentions) {
      const key = `${m.platform}/${m.author.externalId}`;
      const known = authors.get(key);
      if (known) expect(m.author).toEqual(known);
      else authors.set(key, m.author);
    }
    const followers = [...authors.values()].map((a) => a.followers);
    expect(authors.size).toBeGreaterThan(800);
    expect(followers.filter((f) => f < 500).length / followers.length).toBeGreaterThan(0.7);
    expect(followers.filter((f) => f >= 10_000 && f < 100_000).length).toBeGreaterThanOrEqual(5);
    expect(followers.filter((f) => f >= 100_000).length).toBeGreaterThanOrEqual(2);
    expect(new Set([...authors.values()].map((a) => `${a.platform}/${a.handle}`)).size).toBe(authors.size);
  });

  it('reads like people wrote it: few identical texts, a large vocabulary, long phrases rarely shared', () => {
    const own = scenario.mentions.filter((m) => !m.reshareOf);
    const seen = new Map<string, number>();
    for (const m of own) seen.set(m.text, (seen.get(m.text) ?? 0) + 1);
    expect(own.filter((m) => seen.get(m.text)! > 1).length / own.length).toBeLessThan(0.05);
    const words = new Set(own.flatMap((m) => m.text.toLowerCase().split(/[^\p{L}']+/u).filter(Boolean)));
    expect(words.size).toBeGreaterThan(1500);
    // Any run of six words appears in under 2% of posts.
    const runs = new Map<string, number>();
    for (const m of own) {
      const w = m.text.toLowerCase().replace(/^(@\w+ )+/, '').split(/\s+/);
      for (const run of new Set(w.slice(0, -5).map((_, i) => w.slice(i, i + 6).join(' ')))) runs.set(run, (runs.get(run) ?? 0) + 1);
    }
    expect(Math.max(...runs.values())).toBeLessThan(own.length * 0.02);
    // Signs of real posts: emoji, hashtags, typos-prone lower case, replies.
    expect(own.filter((m) => /\p{Extended_Pictographic}/u.test(m.text)).length).toBeGreaterThan(own.length * 0.1);
    expect(own.filter((m) => /#\w/.test(m.text)).length).toBeGreaterThan(own.length * 0.1);
    expect(own.filter((m) => m.text === m.text.toLowerCase()).length).toBeGreaterThan(own.length * 0.1);
  });

  it('refuses too short a scenario or a bad seed', () => {
    expect(() => generateScenario({ seed: 1, end: END, days: 4 })).toThrow(/at least 5 days/);
    expect(() => generateScenario({ seed: 1.5, end: END })).toThrow(/integer/);
  });
});

describe('scenarioToJsonl', () => {
  it('writes one mention per line that parses back to the same mention', () => {
    const lines = scenarioToJsonl(scenario).split('\n');
    expect(lines.at(-1)).toBe('');
    expect(lines.length - 1).toBe(scenario.mentions.length);
    expect(JSON.parse(lines[0])).toEqual(scenario.mentions[0]);
    expect(JSON.parse(lines[lines.length - 2])).toEqual(scenario.mentions.at(-1));
  });
});
