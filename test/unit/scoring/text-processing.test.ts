import { describe, expect, it } from 'vitest';
import { createHashtagSplitter } from '../../../src/scoring/hashtag-splitter.js';
import { createMasker } from '../../../src/scoring/masking.js';
import { foldKey, isElongated, isShouted, unstretch } from '../../../src/scoring/text-normaliser.js';
import { tokenize } from '../../../src/scoring/tokenizer.js';

describe('text normaliser', () => {
  it('folds case and accents', () => {
    expect(foldKey('Déçu')).toBe('decu');
    expect(foldKey('ŒUVRE')).toBe('oeuvre');
    expect(foldKey('refund')).toBe('refund');
  });

  it('recognises and undoes elongations', () => {
    expect(isElongated('soooo')).toBe(true);
    expect(isElongated('cool')).toBe(false);
    expect(isElongated('ééé')).toBe(true);
    expect(isElongated('1000')).toBe(false);
    expect(unstretch('gooood')).toEqual(['good', 'god']);
    expect(unstretch('nuuuul')).toEqual(['nuul', 'nul']);
  });

  it('tells shouting from short capitals', () => {
    expect(isShouted('GREAT')).toBe(true);
    expect(isShouted('I')).toBe(false);
    expect(isShouted('Great')).toBe(false);
  });
});

describe('tokenize', () => {
  it('drops URLs and handles, keeps emojis, emoticons and punctuation', () => {
    const tokens = tokenize('@acme see https://x.co/a :) 😡 now!');
    expect(tokens.map((t) => [t.kind, t.text])).toEqual([
      ['word', 'see'],
      ['emoticon', ':)'],
      ['emoji', '😡'],
      ['word', 'now'],
      ['punct', '!'],
    ]);
  });

  it('splits French elisions and keeps the negator of "n\'", the "que" of "qu\'" and the "de" of "d\'"', () => {
    expect(tokenize("l'avion n'est qu'à moitié plein").map((t) => t.key)).toEqual(['avion', 'ne', 'est', 'que', 'a', 'moitie', 'plein']);
    expect(tokenize("pas mal d'argent").map((t) => t.key)).toEqual(['pas', 'mal', 'de', 'argent']);
  });

  it('keeps English contractions whole', () => {
    expect(tokenize("I don't know").map((t) => t.key)).toEqual(['i', "don't", 'know']);
  });

  it('reads "c\'mon" as "come on", not as the French elision of "mon"', () => {
    expect(tokenize("C'mon now").map((t) => t.text)).toEqual(['Come', 'on', 'now']);
    expect(tokenize('c’mon').map((t) => t.key)).toEqual(['come', 'on']);
    expect(tokenize("C'MON guys").map((t) => t.text)).toEqual(['COME', 'ON', 'guys']);
    expect(tokenize("c'est mon avis").map((t) => t.key)).toEqual(['est', 'mon', 'avis']);
  });

  it('marks shouted words only when the whole post is not in capitals', () => {
    expect(tokenize('this is BAD').map((t) => t.shout)).toEqual([false, false, true]);
    expect(tokenize('THIS IS BAD').map((t) => t.shout)).toEqual([false, false, false]);
  });

  it('tells emoticons from words and numbers around them', () => {
    const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
    expect(kinds('great xD')).toEqual(['word:great', 'emoticon:xD']);
    expect(kinds('xoxo')).toEqual(['word:xoxo']);
    expect(kinds('since 2018) ok')).toEqual(['word:since', 'word:2018', 'punct:)', 'word:ok']);
    expect(kinds('(: <33 ^_^ -_-')).toEqual(['emoticon:(:', 'emoticon:<33', 'emoticon:^_^', 'emoticon:-_-']);
  });

  it('reads a smiley typed straight after a word, but not after a digit or as a code', () => {
    const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
    expect(kinds("thanks:) but I can't:(")).toEqual(['word:thanks', 'emoticon::)', 'word:but', 'word:I', "word:can't", 'emoticon::(']);
    expect(kinds('bless you:-) please;)')).toEqual(['word:bless', 'word:you', 'emoticon::-)', 'word:please', 'emoticon:;)']);
    expect(kinds('at 10:30)')).toEqual(['word:at', 'word:10', 'punct::', 'word:30', 'punct:)']);
    expect(kinds('f:(n) re:Design')).toEqual(['word:f', 'punct::', 'punct:(', 'word:n', 'punct:)', 'word:re', 'punct::', 'word:Design']);
  });

  it('drops bare "http" placeholders, keeps spaced dashes as clause ends and reads astral letters', () => {
    const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
    expect(kinds('see http now')).toEqual(['word:see', 'word:now']);
    expect(kinds('good — but late')).toEqual(['word:good', 'punct:—', 'word:but', 'word:late']);
    expect(kinds('𝐆𝐫𝐞𝐚𝐭 👍')).toEqual(['word:𝐆𝐫𝐞𝐚𝐭', 'emoji:👍']);
  });

  it('reads emojis joined by U+200D as one emoji, and keeps a lone emoji\'s selector and skin tone outside it', () => {
    const kinds = (text: string) => tokenize(text).map((t) => `${t.kind}:${t.text}`);
    expect(kinds('sigh 😮\u200d💨😮\u200d💨')).toEqual(['word:sigh', 'emoji:😮\u200d💨', 'emoji:😮\u200d💨']);
    expect(kinds('🤦🏽\u200d♀️ again')).toEqual(['emoji:🤦🏽\u200d♀', 'word:again']);
    expect(kinds('👨\u200d👩\u200d👧 day')).toEqual(['emoji:👨\u200d👩\u200d👧', 'word:day']);
    expect(kinds('👍🏽 ❤️ ok')).toEqual(['emoji:👍', 'emoji:❤', 'word:ok']);
    // A joiner before no emoji joins nothing.
    expect(kinds('😮\u200d wow')).toEqual(['emoji:😮', 'word:wow']);
  });

  it('splits hashtags with the given splitter', () => {
    const tokens = tokenize('so #EpicFail', { splitHashtag: (body) => body.split(/(?=[A-Z])/) });
    expect(tokens.map((t) => [t.text, t.fromHashtag])).toEqual([
      ['so', false],
      ['Epic', true],
      ['Fail', true],
    ]);
  });
});

describe('hashtag splitter', () => {
  const known = new Set(['epic', 'fail', 'never', 'again', 'worst', 'flight', 'ever', 'class']);
  const split = createHashtagSplitter((word) => known.has(word));

  it('splits camel case', () => {
    expect(split('NeverAgain')).toEqual(['Never', 'Again']);
  });

  it('segments run-together words by dictionary', () => {
    expect(split('epicfail')).toEqual(['epic', 'fail']);
    expect(split('worstflightever')).toEqual(['worst', 'flight', 'ever']);
  });

  it('keeps a tag whole when known words cover too little of it', () => {
    expect(split('classroomz')).toEqual(['classroomz']);
    expect(split('xyzzyqwerty')).toEqual(['xyzzyqwerty']);
  });

  it('keeps a tag whole when known words leave one or two stray letters: a word the vocabulary lacks, cut up', () => {
    const words = createHashtagSplitter((word) => ['scars', 'pass', 'boo', 'dire', 'flights', 'stuck', 'the', 'loop', 'good', 'time'].includes(word));
    expect(words('oscars')).toEqual(['oscars']);
    expect(words('passbook')).toEqual(['passbook']);
    expect(words('directflights')).toEqual(['directflights']);
    // Short words and a plural ending are not strays.
    expect(words('stuckintheloop')).toEqual(['stuck', 'the', 'loop']);
    expect(words('goodtimes')).toEqual(['good', 'time']);
  });
});

describe('masker', () => {
  it('blanks watched terms as words, hashtags and handles, case-insensitively', () => {
    const mask = createMasker(['United', 'Virgin America']);
    expect(mask('United and #united and @United').trim().split(/\s+/)).toEqual(['and', 'and']);
    expect(mask('flying Virgin   America today')).toBe('flying   today');
  });

  it('masks a name of several words written as one, as hashtags write it', () => {
    const mask = createMasker(['Kelio Aura', 'Happy Socks']);
    expect(mask('my #KelioAura, my kelio-aura, my Kelio_Aura').trim().split(/[\s,]+/)).toEqual(['my', 'my', 'my']);
    expect(mask('#HappySocks arrived')).toBe('  arrived');
    expect(mask('#HappySocksFail').trim()).toBe('#HappySocksFail');
  });

  it('does not mask inside longer words', () => {
    expect(createMasker(['United'])('the United States reunited').includes('reunited')).toBe(true);
  });

  it('masks every @handle even without terms', () => {
    expect(createMasker([])('@someone hello')).toBe('  hello');
  });
});
