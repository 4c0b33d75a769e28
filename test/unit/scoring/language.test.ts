import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../../src/scoring/language.js';

describe('detectLanguage', () => {
  it('recognises English and French in short posts', () => {
    expect(detectLanguage('thanks a lot').lang).toBe('en');
    expect(detectLanguage('merci beaucoup').lang).toBe('fr');
    expect(detectLanguage("c'est nul").lang).toBe('fr');
    expect(detectLanguage('where is my bag?').lang).toBe('en');
  });

  it('is not fooled by handles, URLs, hashtags and emojis', () => {
    expect(detectLanguage('@DeutscheBahn @lufthansa https://t.co/abc 😡 le train est encore en retard #fail').lang).toBe('fr');
    expect(detectLanguage('@SNCF_Voyageurs @RATPgroup my train is late again 😡 https://t.co/xyz').lang).toBe('en');
  });

  it('detects other languages with their own code rather than guessing en or fr', () => {
    expect(detectLanguage('Das ist wirklich nicht gut, ich bin sehr enttäuscht von dem Service').lang).toBe('de');
    expect(detectLanguage('El servicio de atención al cliente es muy lento y nadie contesta').lang).toBe('es');
  });

  it("uses the platform's hint when the text is too short to tell", () => {
    expect(detectLanguage('👍👍', 'fr')).toEqual({ lang: 'fr', reliable: false });
    expect(detectLanguage('#VX358', 'en-US')).toEqual({ lang: 'en', reliable: false });
  });

  it("says 'und' when nothing can be said", () => {
    expect(detectLanguage('😡😡')).toEqual({ lang: 'und', reliable: false });
    expect(detectLanguage('@acme https://t.co/x')).toEqual({ lang: 'und', reliable: false });
  });

  it('marks a clear, longer post as reliable', () => {
    expect(detectLanguage('The flight was delayed for three hours and nobody told us why.')).toEqual({ lang: 'en', reliable: true });
  });
});
