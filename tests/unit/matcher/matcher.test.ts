import { describe, expect, it } from 'vitest';
import { compileMatcher, compilePattern } from '../../../src/glossary/compile';
import { indexWidth, matcherFromCompiled, type Mention } from '../../../src/glossary/matcher';
import type { Entry } from '../../../src/glossary/types';
import { commonWords } from '../../../scripts/word-lists';
import { testEntries } from '../../fixtures/matcher/load';

const entries = testEntries();
const isCommonWord = commonWords();
const matcher = compileMatcher(entries, { isCommonWord });

function find(text: string, options?: Parameters<typeof matcher.findMentions>[1]): string[] {
  return matcher.findMentions(text, options).map((m) => `${m.id}:${m.text}`);
}

function entry(id: string, aliases: Entry['aliases'], relations: Entry['relations'] = []): Entry {
  const l = { en: id, fr: id };
  return {
    id,
    kind: 'company',
    name: l,
    summary: l,
    dependency: l,
    sovereignty: l,
    jurisdiction: ['US'],
    aliases,
    facts: [],
    relations,
    reviewed: '2026-11-28',
  };
}

describe('findMentions', () => {
  it('finds a plain mention with offsets into the original text', () => {
    expect(matcher.findMentions('Ask Nvidia now')).toEqual([
      { id: 'nvidia', start: 4, end: 10, text: 'Nvidia' },
    ]);
  });

  it('returns nothing for empty or mention-free text', () => {
    expect(matcher.findMentions('')).toEqual([]);
    expect(matcher.findMentions('nothing to see here')).toEqual([]);
  });

  it('treats NBSP, narrow NBSP and other spaces as spaces', () => {
    expect(find('Trainium\u00a02 and Project\u202fRainier and Project\u2009Rainier')).toEqual([
      'trainium-2:Trainium\u00a02',
      'project-rainier:Project\u202fRainier',
      'project-rainier:Project\u2009Rainier',
    ]);
  });

  it('ignores soft hyphens and zero-width characters inside a match', () => {
    const text = 'Nvi\u00addia and CU\u200bDA and Anthro\u200dpic';
    const mentions = matcher.findMentions(text);
    expect(mentions.map((m) => m.id)).toEqual(['nvidia', 'cuda', 'anthropic']);
    expect(mentions[0]).toEqual({ id: 'nvidia', start: 0, end: 7, text: 'Nvi\u00addia' });
    for (const m of mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('matches NFD text and maps offsets back to the original text', () => {
    const text = 'Le Chips Act europe\u0301en, la Commission europe\u0301enne et Nvidia';
    const mentions = matcher.findMentions(text, { lang: 'fr' });
    expect(mentions.map((m) => m.id)).toEqual(['eu-chips-act', 'european-commission', 'nvidia']);
    const commission = mentions[1]!;
    expect(commission.text).toBe('Commission europe\u0301enne');
    expect(text.slice(commission.start, commission.end)).toBe(commission.text);
  });

  it('treats Trainium 2, Trainium2 and Trainium-2 alike', () => {
    expect(find('Trainium 2, Trainium2, Trainium-2, TRAINIUM2')).toEqual([
      'trainium-2:Trainium 2',
      'trainium-2:Trainium2',
      'trainium-2:Trainium-2',
      'trainium-2:TRAINIUM2',
    ]);
    expect(find('Trainium 3 follows')).toEqual(['trainium-3:Trainium 3']);
  });

  it('accepts any whitespace run or a hyphen between the words of an alias', () => {
    expect(find('Project\n   Rainier, Project-Rainier, Advanced  Micro\tDevices')).toEqual([
      'project-rainier:Project\n   Rainier',
      'project-rainier:Project-Rainier',
      'amd:Advanced  Micro\tDevices',
    ]);
  });

  it('never glues words that the alias separates', () => {
    expect(find('ProjectRainier and AdvancedMicroDevices')).toEqual([]);
  });

  it('leaves the possessive out of the mention', () => {
    expect(find("Nvidia's lead, Nvidia’s GPUs, AMD’s answer")).toEqual([
      'nvidia:Nvidia',
      'nvidia:Nvidia',
      'gpu:GPUs',
      'amd:AMD',
    ]);
  });

  it('leaves French elided articles out of the mention', () => {
    const mentions = matcher.findMentions("d’Nvidia, l'UE, qu’AMD, l’Union européenne", {
      lang: 'fr',
    });
    expect(mentions.map((m) => [m.id, m.text, m.start])).toEqual([
      ['nvidia', 'Nvidia', 2],
      ['european-union', 'UE', 12],
      ['amd', 'AMD', 19],
      ['european-union', 'Union européenne', 26],
    ]);
  });

  it('matches the plural only for aliases that allow it', () => {
    expect(find('GPUs and TPUs on Google Cloud, Trainiums, Nvidias')).toEqual([
      'gpu:GPUs',
      'google-tpu:TPUs',
      'trainium:Trainiums',
    ]);
  });

  it('matches a short acronym only in its exact case', () => {
    expect(find('amd Amd AMD')).toEqual(['amd:AMD']);
  });

  it('matches a name that is a dictionary word as written, in capitals or capitalised', () => {
    const m = compileMatcher([entry('falcon', [{ text: 'Falcon' }])], { isCommonWord });
    expect(m.findMentions('falcon Falcon FALCON fAlcon').map((x) => x.text)).toEqual([
      'Falcon',
      'FALCON',
    ]);
  });

  it('matches an any-case alias in every casing', () => {
    expect(find('Vertical integration, VERTICAL INTEGRATION, vertical Integration')).toEqual([
      'vertical-integration:Vertical integration',
      'vertical-integration:VERTICAL INTEGRATION',
      'vertical-integration:vertical Integration',
    ]);
  });

  it('respects Unicode word boundaries of any script', () => {
    expect(find('NvidiaX xNvidia éNvidia Nvidiaé Nvidia2 ΩNvidia NvidiaЖ')).toEqual([]);
    expect(find('(Nvidia) «Nvidia» Nvidia. "Nvidia"/Nvidia')).toHaveLength(5);
  });

  it('finds a Latin name written flush against Chinese, Japanese or Korean text', () => {
    expect(find('半導体ではNvidiaとAMDが重要です。')).toEqual(['nvidia:Nvidia', 'amd:AMD']);
    expect(find('OVHcloudの装置、英伟达Nvidia芯片')).toEqual([
      'ovhcloud:OVHcloud',
      'nvidia:Nvidia',
    ]);
    expect(find('Nvidia는 AMD에')).toEqual(['nvidia:Nvidia', 'amd:AMD']);
    // The prolonged sound mark and iteration marks belong to those scripts too.
    expect(find('Nvidiaー')).toEqual(['nvidia:Nvidia']);
    // Still no match inside a Latin, Greek or Cyrillic word next to them.
    expect(find('日本NvidiaX xNvidia日本')).toEqual([]);
  });

  it('prefers the longest alias', () => {
    expect(find('AWS Trainium and Trainium 2 and the EU Chips Act and Chips Act 2.0')).toEqual([
      'trainium:AWS Trainium',
      'trainium-2:Trainium 2',
      'eu-chips-act:EU Chips Act',
      'chips-act-2:Chips Act 2.0',
    ]);
  });

  it('falls back to a shorter alias when the longest one does not fit the number after it', () => {
    expect(find('Trainium 2025 roadmap')).toEqual(['trainium:Trainium']);
    expect(find('Trainium 20')).toEqual(['trainium:Trainium']);
  });

  it('falls back to a shorter alias when the longest one is in the wrong case', () => {
    const m = compileMatcher(
      [entry('acme', [{ text: 'Acme' }]), entry('acme-one', [{ text: 'Acme ONE' }])],
      { isCommonWord },
    );
    expect(m.findMentions('Acme one').map((x) => `${x.id}:${x.text}`)).toEqual(['acme:Acme']);
    expect(m.findMentions('Acme ONE').map((x) => `${x.id}:${x.text}`)).toEqual([
      'acme-one:Acme ONE',
    ]);
  });

  it('falls back to a shorter alias when the longest one belongs to another language', () => {
    const m = compileMatcher([
      entry('neuron', [{ text: 'Neuron' }]),
      entry('neuron-fr', [{ text: 'Neuron SDK', lang: 'fr' }]),
    ]);
    expect(m.findMentions('Neuron SDK', { lang: 'en' }).map((x) => x.text)).toEqual(['Neuron']);
    expect(m.findMentions('Neuron SDK', { lang: 'fr' }).map((x) => x.text)).toEqual(['Neuron SDK']);
  });

  it('applies language restrictions only when the language is known', () => {
    expect(find('EU and UE', { lang: 'en' })).toEqual(['european-union:EU']);
    expect(find('EU and UE', { lang: 'fr-FR' })).toEqual(['european-union:UE']);
    expect(find('EU and UE')).toEqual(['european-union:EU', 'european-union:UE']);
    expect(find('EU and UE', { lang: 'de' })).toEqual(['european-union:EU', 'european-union:UE']);
  });

  it('accepts an ambiguous alias only with a context cue in the text', () => {
    expect(find('Claude Debussy wrote music.')).toEqual([]);
    expect(find('Claude is an AI model.')).toEqual(['claude:Claude']);
    expect(find('Maia 100 is a chip; Maia too.')).toEqual([
      'microsoft-maia:Maia 100',
      'microsoft-maia:Maia',
    ]);
  });

  it('compares cue words without case or accents, as whole words', () => {
    expect(find('Le Chips Act, selon nos sources.', { lang: 'fr' })).toEqual([]);
    expect(find('Le Chips Act, selon BRUXELLES.', { lang: 'fr' })).toEqual([
      'eu-chips-act:Chips Act',
    ]);
    expect(find('Le Chips Act europeen', { lang: 'fr' })).toEqual(['eu-chips-act:Chips Act']);
    expect(find('The Chips Act, Europeanised')).toEqual([]);
  });

  it('matches multi-word cues', () => {
    expect(find('Une ISA, un jeu d’instructions.', { lang: 'fr' })).toEqual([
      'isa:ISA',
      'isa:jeu d’instructions',
    ]);
  });

  it('looks for cues in the context text given by the caller', () => {
    expect(find('Rainier was switched on.', { contextText: 'Anthropic trains on it.' })).toEqual([
      'project-rainier:Rainier',
    ]);
    expect(find('Rainier was switched on.', { contextText: 'Prince of Monaco.' })).toEqual([]);
  });

  it('asks for the context text only when an ambiguous alias lacks a cue', () => {
    let calls = 0;
    const contextText = (): string => {
      calls++;
      return 'Anthropic trains on it.';
    };
    expect(find('Nvidia and CUDA.', { contextText })).toEqual(['nvidia:Nvidia', 'cuda:CUDA']);
    expect(find('Rainier, the AWS cluster.', { contextText })).toHaveLength(2);
    expect(calls).toBe(0);
    expect(find('Rainier and Maia.', { contextText })).toEqual(['project-rainier:Rainier']);
    expect(calls).toBe(1);
  });

  it('counts an unambiguous mention of a related entry as a cue', () => {
    expect(find('Anthropic named it Claude.')).toEqual(['anthropic:Anthropic', 'claude:Claude']);
    expect(find('Claude, from Anthropic.')).toEqual(['claude:Claude', 'anthropic:Anthropic']);
    expect(find('Rhea and SiPearl Rhea')).toEqual(['rhea:Rhea', 'rhea:SiPearl Rhea']);
    expect(find('Rhea, the moon of Saturn.')).toEqual([]);
    expect(find('Maia, as they call it.', { contextIds: ['microsoft'] })).toEqual([
      'microsoft-maia:Maia',
    ]);
  });

  it('can turn related-entry cues off', () => {
    const m = compileMatcher(entries, { relatedCues: false, isCommonWord });
    expect(m.findMentions('Anthropic named it Claude.').map((x) => x.id)).toEqual(['anthropic']);
  });

  it('reports ambiguous mentions that lack a cue as pending', () => {
    const result = matcher.scan('Rainier is tall.');
    expect(result.mentions).toEqual([]);
    expect(result.pending).toEqual([{ id: 'project-rainier', start: 0, end: 7, text: 'Rainier' }]);
    expect(matcher.isRelated('amazon', 'project-rainier')).toBe(true);
    expect(matcher.isRelated('nvidia', 'project-rainier')).toBe(false);
  });

  it('returns sorted, non-overlapping mentions', () => {
    const text = 'Nvidia, CUDA, AWS Trainium, Trainium 2, Project Rainier, Amazon Web Services.';
    const mentions = matcher.findMentions(text);
    expect(mentions.map((m) => m.text)).toEqual([
      'Nvidia',
      'CUDA',
      'AWS Trainium',
      'Trainium 2',
      'Project Rainier',
      'Amazon Web Services',
    ]);
    assertWellFormed(text, mentions);
  });

  it('is reusable: consecutive calls do not share state', () => {
    expect(find('Nvidia')).toEqual(['nvidia:Nvidia']);
    expect(find('CUDA then Nvidia')).toEqual(['cuda:CUDA', 'nvidia:Nvidia']);
    expect(find('Nvidia')).toEqual(['nvidia:Nvidia']);
  });
});

describe('compilePattern', () => {
  it('produces a JSON-serialisable table that matches like the direct matcher', () => {
    const compiled = JSON.parse(JSON.stringify(compilePattern(entries, { isCommonWord })));
    const fromCompiled = matcherFromCompiled(compiled);
    const text = "d’Nvidia, Trainium-2, TPUs de Google, l'UE, Claude (AI), Rhea de SiPearl";
    expect(fromCompiled.findMentions(text, { lang: 'fr' })).toEqual(
      matcher.findMentions(text, { lang: 'fr' }),
    );
  });

  it('groups aliases by their first unit, folded', () => {
    const { aliases } = compilePattern([
      entry('a', [{ text: 'Trainium' }, { text: 'Trainium 2' }, { text: 'Trainium3' }]),
      entry('b', [{ text: 'Éclair' }]),
    ]);
    const lines = aliases.split('\n');
    expect(lines.map((line) => line.split('\t')[0])).toEqual(['trainium', 'eclair']);
    expect(lines[0]!.split('\t')).toHaveLength(4);
  });

  it('matches punctuation in aliases literally', () => {
    const m = compileMatcher([
      entry('x', [{ text: 'C++ (AMP)' }, { text: 'Amazon.com' }, { text: 'a|b' }]),
    ]);
    expect(m.findMentions('C++ (AMP) Amazonxcom Amazon.com a|b ab').map((x) => x.text)).toEqual([
      'C++ (AMP)',
      'Amazon.com',
      'a|b',
    ]);
  });

  it('leaves out aliases that do not start with a letter or a digit', () => {
    const m = compileMatcher([entry('x', [{ text: '(AMP)' }, { text: 'AMP' }])]);
    expect(m.findMentions('(AMP)').map((x) => x.text)).toEqual(['AMP']);
  });

  it('matches nothing for an empty glossary', () => {
    expect(compileMatcher([]).findMentions('Nvidia')).toEqual([]);
  });
});

function assertWellFormed(text: string, mentions: Mention[]): void {
  let last = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(last);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.text);
    last = m.end;
  }
}

describe('context cues that are ambiguous names themselves', () => {
  it('does not let two ambiguous names vouch for each other', () => {
    expect(find("Saturn's moon Rhea is smaller than Jupiter.")).toEqual([]);
  });

  it('accepts them when one of them stands on its own', () => {
    expect(find('The JUPITER supercomputer will use Rhea.')).toEqual([
      'jupiter:JUPITER supercomputer',
      'rhea:Rhea',
    ]);
    expect(find('Jupiter, the exascale machine, and Rhea.')).toEqual([
      'jupiter:Jupiter',
      'rhea:Rhea',
    ]);
  });

  it('keeps the dropped cue out of the compiled glossary', () => {
    const compiled = compilePattern(entries);
    // The alias "Rhea" is written with its cue list's index before its text.
    const item = compiled.aliases
      .split(/[\t\n]/)
      .find((a) => a.endsWith('Rhea') && !a.endsWith('SiPearl Rhea'))!;
    const width = indexWidth(compiled.ids.length);
    const listWidth = indexWidth(compiled.cueLists.split(';').length);
    const list = parseInt(item.slice(width + 1, width + 1 + listWidth), 36);
    const words = compiled.cueWords.split('|');
    const lists = compiled.cueLists.split(';');
    const cues = lists[list]!.split(',').map((i) => words[parseInt(i, 36)]);
    expect(cues).toContain('sipearl');
    expect(cues).not.toContain('jupiter');
  });

  it('reports the ids that stand on their own as anchors', () => {
    const result = matcher.scan('Claude is an AI model, unlike Maia.');
    expect(result.anchors).toEqual(['claude']);
    expect(result.pending.map((m) => m.id)).toEqual(['microsoft-maia']);
  });
});

describe('overlapping aliases', () => {
  it('lets a later word start a longer mention when the first match would strand a number', () => {
    expect(find('AWS Trainium 2 and AWS Trainium2 and AWS Trainium-2')).toEqual([
      'aws:AWS',
      'trainium-2:Trainium 2',
      'aws:AWS',
      'trainium-2:Trainium2',
      'aws:AWS',
      'trainium-2:Trainium-2',
    ]);
  });

  it('keeps the first match when no later word gives a longer mention', () => {
    expect(find('AWS Trainium 2025 plans')).toEqual(['trainium:AWS Trainium']);
  });
});
