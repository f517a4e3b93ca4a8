import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../../src/glossary/compile';
import { documentText } from '../../../src/page/block-offsets';
import { scanBlocks, scanDocument } from '../../../src/page/scan-blocks';
import { testEntries } from '../../fixtures/matcher/load';

const matcher = compileMatcher(testEntries());
const block = (text: string, lang: string | null = null) => ({ text, lang });

describe('scanBlocks', () => {
  it('finds the mentions of each block with block offsets', () => {
    const result = scanBlocks(matcher, [block('Nvidia and AMD'), block('CUDA')]);
    expect(result.map((ms) => ms.map((m) => [m.id, m.start]))).toEqual([
      [
        ['nvidia', 0],
        ['amd', 11],
      ],
      [['cuda', 0]],
    ]);
  });

  it('passes each block its language', () => {
    const result = scanBlocks(matcher, [block("l'UE", 'fr'), block("l'UE", 'en')]);
    expect(result.map((ms) => ms.length)).toEqual([1, 0]);
  });

  it('never lets a mention cross a block boundary', () => {
    const result = scanBlocks(matcher, [block('Project'), block('Rainier')]);
    expect(result.flat()).toEqual([]);
  });

  it('finds context cues in neighbouring blocks', () => {
    const result = scanBlocks(matcher, [block('Anthropic trains models.'), block('Rainier')]);
    expect(result[1]!.map((m) => m.id)).toEqual(['project-rainier']);
  });

  it('counts a related mention in a neighbouring block as a cue', () => {
    const result = scanBlocks(matcher, [block('Microsoft'), block('Maia ships.')]);
    expect(result[1]!.map((m) => m.id)).toEqual(['microsoft-maia']);
  });

  it('ignores cues beyond the window', () => {
    const far = 'x '.repeat(400);
    const result = scanBlocks(matcher, [block('Microsoft'), block(far), block('Maia ships.')]);
    expect(result[2]).toEqual([]);
    const near = scanBlocks(matcher, [block('Microsoft'), block(far), block('Maia ships.')], {
      windowChars: 2000,
    });
    expect(near[2]!.map((m) => m.id)).toEqual(['microsoft-maia']);
  });

  it('gives document offsets into documentText', () => {
    const blocks = [block('Nvidia'), block('then CUDA')];
    const text = documentText(blocks);
    const mentions = scanDocument(matcher, blocks);
    expect(mentions.map((m) => [m.id, text.slice(m.start, m.end), m.block])).toEqual([
      ['nvidia', 'Nvidia', 0],
      ['cuda', 'CUDA', 1],
    ]);
  });
});

describe('scanBlocks with weak neighbours', () => {
  it('accepts an ambiguous mention next to a block where the entity stands on its own', () => {
    const result = scanBlocks(matcher, [block('SiPearl Rhea ships.'), block('Rhea, again.')]);
    expect(result[1]!.map((m) => m.id)).toEqual(['rhea']);
  });

  it('never accepts ambiguous mentions on the word of other unconfirmed ones', () => {
    const result = scanBlocks(matcher, [block('Rainier is tall.'), block('Claude paints.')]);
    expect(result.flat()).toEqual([]);
  });
});
