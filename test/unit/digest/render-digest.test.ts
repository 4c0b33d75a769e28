import { describe, expect, it } from 'vitest';
import { inlineImages, renderDigest } from '../../../src/digest/render-digest.js';
import { digestFixture } from './digest-fixture.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('renderDigest', () => {
  const english = renderDigest(digestFixture(), 'en');
  const french = renderDigest(digestFixture(), 'fr');

  it('says in one sentence whether reputation got better or worse, why, and what happened to the business', () => {
    expect(english.subject).toBe('Acme – week 47: reputation down (index 38, −33)');
    expect(english.text).toContain(
      "Acme's reputation got worse this week (index 38/100, −33 points vs last week); a high-severity crisis about Acme Phone began Thu 19 Nov; sign-ups −25% vs last week, in step with the conversation.",
    );
    expect(french.subject).toBe('Acme – semaine 47 : réputation en baisse (indice 38, −33)');
    expect(french.text).toContain('La réputation de Acme s’est dégradée cette semaine (indice 38/100, −33 points par rapport à la semaine dernière) ; une crise grave autour de Acme Phone a commencé jeu. 19 nov.');
  });

  it('heads the crisis with the alert\'s stable headline, as its email gives it', () => {
    expect(english.text).toContain('- High-severity · Acme Phone: influential negative post');
    expect(english.html).toContain('Acme Phone: influential negative post');
  });

  it('gives the crisis its time to detection and to first response, in the brand time zone', () => {
    // Onset Thursday 19 November 08:00 UTC = 09:00 in Paris.
    expect(english.text).toContain('Began Thu 19 Nov, 09:00 · detected after 6 min · first response after 1 h 20');
    expect(french.text).toContain('Début jeu. 19 nov., 09:00 · détectée en 6 min · première réponse après 1 h 20');
  });

  it('draws four charts as PNG attachments, each referenced once by cid: from the HTML', () => {
    expect(english.attachments.map((a) => a.filename)).toEqual(['reputation-trend.png', 'tone-by-day.png', 'share-of-voice.png', 'business-link.png']);
    for (const a of english.attachments) {
      expect(a.contentType).toBe('image/png');
      expect(a.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
      // 480 logical pixels drawn at 2x.
      expect(a.content.readUInt32BE(16)).toBe(960);
      expect(english.html.split(`src="cid:${a.cid}"`).length - 1).toBe(1);
    }
    expect(english.html).not.toMatch(/src="(?!cid:)/);
  });

  it('escapes every text that comes from mentions, authors, alerts and entity names, and links only to web pages', () => {
    for (const html of [english.html, french.html]) {
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('&lt;img src=x onerror=alert(1)&gt; &quot;quoted&quot; &amp; more');
      expect(html).not.toContain('javascript:');
    }
    const images = english.html.match(/<img /g) ?? [];
    expect(images).toHaveLength(english.attachments.length);
  });

  it('has a plain-text part with the same sections and no markup', () => {
    for (const heading of ['SHARE OF VOICE AGAINST COMPETITORS', 'NOTABLE MOMENTS', 'INFLUENCERS WHO SPOKE OF THE BRAND', 'BUSINESS']) expect(english.text).toContain(heading);
    expect(english.text).toContain('Acme: 63% of mentions (+13 pts)');
    expect(english.text).toContain('Reputation index: 38 (−33 pts vs last week; 4-week average 70)');
    expect(english.text).toContain('Over 29 recent days, sign-ups moved against the share of negative mentions 1 day later (correlation −0.71).');
    expect(french.text).toContain('Indice de réputation\u00a0: 38');
  });

  it('inlines the images as data: URLs for a browser preview', () => {
    const preview = inlineImages(english);
    expect(preview).not.toContain('cid:');
    expect(preview.match(/src="data:image\/png;base64,/g)).toHaveLength(4);
  });

  it('leaves out the share-of-voice chart without competitors and the business chart without a link', () => {
    const content = digestFixture();
    content.shareOfVoice = content.shareOfVoice.slice(0, 1);
    content.business = { ...content.business, link: null };
    const rendered = renderDigest(content, 'en');
    expect(rendered.attachments.map((a) => a.filename)).toEqual(['reputation-trend.png', 'tone-by-day.png']);
    expect(rendered.text).toContain('No honest link between the conversation and the business figures over the last 30 days');
    expect(rendered.text).toContain('sign-ups −25% vs last week, with no measurable link to it.');
  });
});
