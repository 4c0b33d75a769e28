// Buttons and badges of alert emails and of the dashboard's alerts and crisis pages reach 4.5:1 (WCAG AA), computed
// from the colours they are drawn with.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LINK_COLOUR, MUTED_COLOUR, renderAlertEmail, SEVERITY_COLOUR } from '../../../src/notify/alert-email.js';
import { messageFixture } from './alert-message-fixture.js';

/** WCAG 2 relative luminance of "#rrggbb" or "#rgb". */
function luminance(colour: string): number {
  const hex = colour.length === 4 ? `#${[...colour.slice(1)].map((c) => c + c).join('')}` : colour;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(new URL('../../../src/api/public/assets/style.css', import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
const variables = Object.fromEntries([...css.matchAll(/--([\w-]+):\s*(#[0-9a-f]{6}|#[0-9a-f]{3})\b/gi)].map((m) => [m[1], m[2]]));
const colourOf = (value: string) => value.replace(/var\(--([\w-]+)\)/, (_, name: string) => variables[name]).trim();

/** The text and background colours of the CSS rule whose selector list holds `selector`. */
function ruleColours(selector: string): { color?: string; background?: string } {
  for (const [, selectors, body] of css.matchAll(/([^{}]+)\{([^}]*)\}/g)) {
    if (!selectors.split(',').map((s) => s.trim()).includes(selector)) continue;
    const get = (prop: string) => body.match(new RegExp(`(?:^|;)\\s*${prop}:\\s*([^;]+)`))?.[1];
    const color = get('color');
    const background = get('background');
    return { ...(color ? { color: colourOf(color) } : {}), ...(background ? { background: colourOf(background) } : {}) };
  }
  throw new Error(`no rule for ${selector} in style.css`);
}

describe('contrast of buttons and badges', () => {
  it('gives the email button and severity label 4.5:1 at every severity, links and muted text too', () => {
    for (const [severity, colour] of Object.entries(SEVERITY_COLOUR)) {
      expect(contrast(colour, '#ffffff'), `${severity} ${colour}`).toBeGreaterThanOrEqual(4.5);
      const { html } = renderAlertEmail(messageFixture({ alert: { ...messageFixture().alert, severity: severity as keyof typeof SEVERITY_COLOUR } }));
      // The button really is drawn with these colours.
      expect(html).toContain(`background:${colour};color:#ffffff`);
    }
    expect(contrast(LINK_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(MUTED_COLOUR, '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });

  it('gives the dashboard buttons and badges 4.5:1', () => {
    const button = ruleColours('button');
    expect(contrast(button.color!, button.background!.split(' ')[0])).toBeGreaterThanOrEqual(4.5);
    const secondary = ruleColours('button.secondary');
    expect(contrast(secondary.color!, secondary.background!)).toBeGreaterThanOrEqual(4.5);
    const plainBadge = ruleColours('.badge');
    expect(contrast(colourOf('var(--ink)'), plainBadge.background!)).toBeGreaterThanOrEqual(4.5);
    for (const badge of ['.badge.critical', '.badge.high', '.badge.medium', '.badge.negative', '.badge.positive', '.badge.stance']) {
      const { color, background } = ruleColours(badge);
      expect(contrast(color!, background!), badge).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast(ruleColours('.late').color!, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(colourOf('var(--muted)'), '#ffffff')).toBeGreaterThanOrEqual(4.5);
  });
});
