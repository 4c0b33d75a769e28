// CSV dialects: ',' with decimal points, ';' with decimal commas; formula-like text neutralised in both.
import { describe, expect, it } from 'vitest';
import { csvLine, fileNamePart } from '../../../src/api/csv.js';

describe('csv', () => {
  it('writes the comma dialect', () => {
    expect(csvLine(['a,b', -0.5, '=1+1', null])).toBe(`"a,b",-0.5,'=1+1,\r\n`);
  });

  it('writes the semicolon dialect with decimal commas, numbers staying numbers', () => {
    expect(csvLine(['a;b', 'c,d', -0.5, 12, '-x'], ';')).toBe(`"a;b";c,d;-0,5;12;'-x\r\n`);
  });

  it('keeps file names to safe characters', () => {
    expect(fileNamePart('acme-phone')).toBe('acme-phone');
    expect(fileNamePart('a"b/../c d')).toBe('a-b-c-d');
  });
});
