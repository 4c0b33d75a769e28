import { eld } from 'eld/extrasmall';
import { afterEach, describe, expect, it, vi } from 'vitest';
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

  it('settles English and French from function words alone, even in short posts', () => {
    expect(detectLanguage('the app is down again')).toEqual({ lang: 'en', reliable: true });
    expect(detectLanguage('la livraison est encore en retard')).toEqual({ lang: 'fr', reliable: true });
    // A loanword or a name of the other language does not unsettle a post full of one language's words.
    expect(detectLanguage('le Breeze by Veltra est vraiment top')).toEqual({ lang: 'fr', reliable: true });
    // Headline French without any word of French's own: four different shared words.
    expect(detectLanguage('Réchauffement climatique : la carte des villes touchées en premier').lang).toBe('fr');
  });

  describe('words of both English and French', () => {
    afterEach(() => vi.restoreAllMocks());

    // The n-gram model costs more than the rest of scoring a post: a word both languages use must not send a clear post to it.
    it("settles French with 'y' ('il y a', 'n'y'), 'ai' and 'comment', and English with 'comment', 'AI' or 'c'mon', without the n-gram model", () => {
      const ngrams = vi.spyOn(eld, 'detect');
      expect(detectLanguage("Renvoyé mon purificateur il y a deux mois et toujours rien, personne n'y avait touché")).toEqual({ lang: 'fr', reliable: true });
      expect(detectLanguage("comment on trouve le numéro de série ? j'ai cherché partout")).toEqual({ lang: 'fr', reliable: true });
      expect(detectLanguage('Owners say refunds never arrived. We have asked the company for comment.')).toEqual({ lang: 'en', reliable: true });
      expect(detectLanguage('the new AI features are great')).toEqual({ lang: 'en', reliable: true });
      expect(detectLanguage("C'mon, the app is down again")).toEqual({ lang: 'en', reliable: true });
      expect(ngrams).not.toHaveBeenCalled();
    });
  });

  it('leaves a post with words or letters of another language to the n-gram model', () => {
    // English function words beside Dutch ones ("het", "ik") do not settle it as English.
    expect(detectLanguage('this is the new one? het is echt mooi, ik ben blij').lang).toBe('nl');
    // Spanish shares "la", "de", "en" with French: three of them are not enough to call it French.
    expect(detectLanguage('La calidad de la entrega en Barcelona').lang).toBe('es');
    expect(detectLanguage('Adoro la nuova app, grazie mille per l’aggiornamento').lang).toBe('it');
    expect(detectLanguage('Сервис ужасный, the app is не работает').lang).toBe('ru');
  });

  it("prefers the platform's English or French to a third language the n-grams find in a few words of no other language", () => {
    expect(detectLanguage('Congratulations!', 'en')).toEqual({ lang: 'en', reliable: false });
    expect(detectLanguage('u guys suck', 'en')).toEqual({ lang: 'en', reliable: false });
    expect(detectLanguage('fav airline', 'en').lang).toBe('en');
    // A letter or a function word of the other language still counts: the hint is not a verdict.
    expect(detectLanguage('Danke schön!', 'en').lang).toBe('de');
    expect(detectLanguage('Eksaherada sa pag-trending, pero ang ganda', 'en').lang).not.toBe('en');
  });

  it('without a hint, reads a short post as English or French when the n-grams score it about as high as a third language', () => {
    expect(detectLanguage('super helpful')).toEqual({ lang: 'en', reliable: false });
    expect(detectLanguage('Congratulations!').lang).toBe('en');
    expect(detectLanguage('quelle honte').lang).toBe('fr');
    // Clear winners stay theirs.
    expect(detectLanguage('sehr gut').lang).toBe('de');
    expect(detectLanguage('grazie mille').lang).toBe('it');
    expect(detectLanguage('muito bom').lang).toBe('pt');
    // Two words with none of the named language's own words are no sure answer, whatever the n-grams' test says.
    expect(detectLanguage('absolute garbage')).toEqual({ lang: 'it', reliable: false });
  });

  it("trusts the platform's English or French claim when the words agree, not when they do not", () => {
    expect(detectLanguage('support fixed my order today', 'en')).toEqual({ lang: 'en', reliable: true });
    expect(detectLanguage('support fixed my order today', 'fr').lang).not.toBe('fr');
    expect(detectLanguage('Der Kundenservice ist eine Katastrophe, nie wieder', 'en').lang).toBe('de');
  });

  it('marks a clear, longer post as reliable', () => {
    expect(detectLanguage('The flight was delayed for three hours and nobody told us why.')).toEqual({ lang: 'en', reliable: true });
  });
});
