import { describe, expect, it } from 'vitest';
import {
  MODEL_CUES,
  aliasRules,
  compileMatcher,
  defaultCaseRule,
  isDistinctive,
  isModelNumber,
  resolveAliasCases,
} from '../../../src/glossary/compile';
import { DEFAULT_GLOSSARY, loadEntries } from '../../../scripts/scan';
import { commonWords } from '../../../scripts/word-lists';
import { testEntries } from '../../fixtures/matcher/load';

/**
 * Labelled cases for the alias rules of issue 14, in both languages, on the real glossary
 * (data/glossary) compiled as the build does, plus the test glossary for names the real
 * one lacks (Apple). Each case: [language, text, expected "id:surface" mentions].
 */
const isCommonWord = commonWords();
const real = compileMatcher(loadEntries(DEFAULT_GLOSSARY), { isCommonWord });
const small = compileMatcher(testEntries(), { isCommonWord });

type Case = [lang: 'en' | 'fr', text: string, expected: string[]];

function check(cases: Case[], matcher = real): void {
  for (const [lang, text, expected] of cases) {
    const found = matcher.findMentions(text, { lang }).map((m) => `${m.id}:${m.text}`);
    expect(found, `${lang}: ${text}`).toEqual(expected);
    for (const m of matcher.findMentions(text, { lang })) {
      expect(text.slice(m.start, m.end)).toBe(m.text);
    }
  }
}

describe('case rules decided by the data', () => {
  it('defaults to any case for distinctive names of 4+ letters that are no dictionary word', () => {
    expect(defaultCaseRule('Nvidia', { isCommonWord })).toBe('any');
    expect(defaultCaseRule('OVHcloud', { isCommonWord })).toBe('any');
    expect(defaultCaseRule('CUDA', { isCommonWord })).toBe('any');
    expect(defaultCaseRule('Nvidia Blackwell', { isCommonWord })).toBe('any');
    // Dictionary words (English or French), short names, ambiguous names, model numbers.
    expect(defaultCaseRule('Google', { isCommonWord })).toBe('name');
    expect(defaultCaseRule('Mistral', { isCommonWord })).toBe('name');
    expect(defaultCaseRule('Taiwan Semiconductor', { isCommonWord })).toBe('name');
    expect(defaultCaseRule('AMD', { isCommonWord })).toBe('exact');
    expect(defaultCaseRule('Trn2', { isCommonWord })).toBe('name');
    expect(defaultCaseRule('Samsung', { ambiguous: true, isCommonWord })).toBe('name');
    expect(defaultCaseRule('GB200', { isCommonWord })).toBe('exact');
    // Without the word lists (the reader's own entries, in the background).
    expect(defaultCaseRule('Nvidia')).toBe('name');
    expect(isDistinctive('règlement européen', isCommonWord)).toBe(false);
  });

  it('writes the decided case into the entries the build bundles', () => {
    const resolved = resolveAliasCases(loadEntries(DEFAULT_GLOSSARY), isCommonWord);
    const caseOf = (text: string): string | undefined =>
      resolved.flatMap((e) => e.aliases).find((a) => a.text === text)?.case;
    expect(caseOf('Nvidia')).toBe('any');
    expect(caseOf('Arm')).toBe('name');
    expect(caseOf('TSMC')).toBe('any');
    expect(caseOf('AWS')).toBe('exact');
  });

  it('matches distinctive names in any case (en)', () => {
    check([
      [
        'en',
        'nVidia, Openai and OVHCLOUD',
        ['nvidia:nVidia', 'openai:Openai', 'ovhcloud:OVHCLOUD'],
      ],
      ['en', 'stmicroelectronics and tsmc', ['stmicroelectronics:stmicroelectronics', 'tsmc:tsmc']],
      ['en', 'PROJECT RAINIER GOES LIVE', ['project-rainier:PROJECT RAINIER']],
    ]);
  });

  it('matches distinctive names in any case (fr)', () => {
    check([
      [
        'fr',
        'Ovhcloud et OvhCloud, avec Stmicroelectronics',
        ['ovhcloud:Ovhcloud', 'ovhcloud:OvhCloud', 'stmicroelectronics:Stmicroelectronics'],
      ],
      [
        'fr',
        'La Commission Européenne et l’Union Européenne',
        ['european-commission:Commission Européenne', 'european-union:Union Européenne'],
      ],
      [
        'fr',
        'Le Règlement Européen Sur Les Semi-Conducteurs',
        ['eu-chips-act:Règlement Européen Sur Les Semi-Conducteurs'],
      ],
    ]);
  });

  it('keeps case and context rules for names that are words or other things (en)', () => {
    check([
      ['en', 'She hurt her arm and her ARM.', []],
      ['en', 'Arm licenses its CPU designs.', ['arm:Arm']],
      ['en', 'Claude Monet painted water lilies.', []],
      ['en', 'Admiral Grace Hopper wrote compilers.', []],
      ['en', 'Rhea is a moon of Saturn.', []],
      ['en', "SiPearl's Rhea processor", ['sipearl:SiPearl', 'rhea:Rhea']],
      ['en', 'The Amazon river floods every year.', []],
      ['en', 'A meta-analysis of trials.', []],
      ['en', 'The US CHIPS Act and the EU.', ['european-union:EU']],
    ]);
    check(
      [
        ['en', 'An apple a day; Apple pie.', []],
        ['en', 'Apple sells the iPhone.', ['apple:Apple']],
      ],
      small,
    );
  });

  it('keeps case and context rules for names that are words or other things (fr)', () => {
    check([
      ['fr', 'Il s’est cassé le bras, pas le arm.', []],
      ['fr', 'Arm conçoit des cœurs de processeur.', ['arm:Arm']],
      ['fr', 'Claude Debussy a composé La Mer.', []],
      ['fr', 'Rhéa, lune de Saturne.', []],
      ['fr', 'le processeur Rhea de SiPearl', ['rhea:Rhea', 'sipearl:SiPearl']],
    ]);
    check([['fr', 'Une pomme, une Apple tarte.', []]], small);
  });
});

describe('diacritics', () => {
  it('matches unaccented French and keeps offsets on the original text', () => {
    check([
      [
        'fr',
        'la Commission europeenne et l’integration verticale',
        ['european-commission:Commission europeenne', 'vertical-integration:integration verticale'],
      ],
      ['fr', 'INTÉGRATION VERTICALE', ['vertical-integration:INTÉGRATION VERTICALE']],
      ['fr', 'Annapurna Labs a ete rachete', ['annapurna-labs:Annapurna Labs']],
      [
        'fr',
        'le Reglement europeen sur les semi-conducteurs',
        ['eu-chips-act:Reglement europeen sur les semi-conducteurs'],
      ],
    ]);
    const text = 'la Commission europe\u0301enne';
    const [m] = real.findMentions(text, { lang: 'fr' });
    expect(m).toEqual({
      id: 'european-commission',
      start: 3,
      end: text.length,
      text: text.slice(3),
    });
  });
});

describe('model numbers', () => {
  it('are told from the alias: letters and digits, no lower-case word', () => {
    for (const text of ['H100', 'MI300X', 'GB200', 'GB200 NVL72', 'HBM3e', 'WSE-3', 'IA-32']) {
      expect(isModelNumber(text), text).toBe(true);
    }
    for (const text of ['x86', 'Trainium2', 'Trn2', 'Maia 100', 'RISC-V', 'NVLink-C2C', 'CUDA']) {
      expect(isModelNumber(text), text).toBe(false);
    }
    const h100 = aliasRules(loadEntries(DEFAULT_GLOSSARY)).find((r) => r.text === 'H100')!;
    expect(h100.model).toBe(true);
    expect(h100.context).toEqual(expect.arrayContaining([...MODEL_CUES.slice(0, 3)]));
  });

  it('need a cue or the maker nearby (en)', () => {
    check([
      ['en', 'File form H100 with the tax office.', []],
      ['en', 'Road B200 is closed; tax code H200 applies.', []],
      ['en', 'Nvidia H200 GPUs', ['nvidia:Nvidia', 'nvidia-hopper:H200', 'gpu:GPUs']],
      ['en', 'AMD MI300X', ['amd:AMD', 'amd-instinct:MI300X']],
      ['en', 'a cluster of H100s', ['nvidia-hopper:H100s']],
      ['en', 'GB200 NVL72 racks', ['nvidia-blackwell:GB200 NVL72']],
    ]);
  });

  it('need a cue or the maker nearby (fr)', () => {
    check([
      ['fr', 'le formulaire H200 des impôts', []],
      ['fr', 'la route départementale B200', []],
      ['fr', 'la puce H100', ['nvidia-hopper:H100']],
      ['fr', 'l’accélérateur MI300X d’AMD', ['amd-instinct:MI300X', 'amd:AMD']],
    ]);
  });
  it('are not model numbers when the data says so ("model": false): names such as G42', () => {
    const rules = aliasRules(loadEntries(DEFAULT_GLOSSARY));
    for (const text of ['G42', 'S3NS']) {
      const rule = rules.find((r) => r.text === text)!;
      expect(isModelNumber(text), text).toBe(true);
      expect(rule.model, text).toBe(false);
      expect(rule.context, text).toBeUndefined();
    }
    check([
      ['en', 'Abu Dhabi’s G42 signed the deal.', ['g42:G42']],
      ['fr', 'S3NS a obtenu la qualification.', ['s3ns:S3NS']],
      // MN5 keeps only its own cues (not the chip cues).
      ['en', 'Form MN5 and a cluster of servers.', []],
      ['en', 'BSC runs MN5 in Barcelona.', ['bsc:BSC', 'marenostrum-5:MN5']],
    ]);
    const forced = compileMatcher([
      {
        ...testEntries()[0]!,
        aliases: [{ text: 'Zeta 9', model: true }],
      },
    ]);
    expect(forced.findMentions('Zeta 9 is late.')).toEqual([]);
    expect(forced.findMentions('The Zeta 9 chip is late.').map((m) => m.text)).toEqual(['Zeta 9']);
  });
});

describe('French names of policies', () => {
  it('mark the policy in French text only, with cues where the name is common words', () => {
    check([
      [
        'fr',
        'Le règlement sur les semi-conducteurs a été adopté.',
        ['eu-chips-act:règlement sur les semi-conducteurs'],
      ],
      [
        'fr',
        'le règlement européen sur les semiconducteurs',
        ['eu-chips-act:règlement européen sur les semiconducteurs'],
      ],
      [
        'fr',
        'le règlement sur les puces de l’UE',
        ['eu-chips-act:règlement sur les puces', 'european-union:UE'],
      ],
      ['fr', 'le règlement sur les puces électroniques des chiens', []],
      ['en', 'the règlement sur les semi-conducteurs', []],
    ]);
  });
});

describe('elisions, possessives, plurals and separators keep working', () => {
  it('in both languages', () => {
    check([
      [
        'fr',
        'd’OpenAI, l’Union européenne et qu’AMD',
        ['openai:OpenAI', 'european-union:Union européenne', 'amd:AMD'],
      ],
      ['en', "Nvidia's TPUs and GPUs", ['nvidia:Nvidia', 'google-tpu:TPUs', 'gpu:GPUs']],
      [
        'en',
        'Project-Rainier, Trainium-2, Trainium 3',
        ['project-rainier:Project-Rainier', 'trainium-2:Trainium-2', 'trainium-3:Trainium 3'],
      ],
      ['fr', 'le\u00a0Projet\u00a0Rainier', ['project-rainier:Projet\u00a0Rainier']],
      // A name glued to another by an apostrophe is another name.
      ['en', 'Dell’Oro Group counts Dell’s servers', ['dell:Dell']],
      ['en', "Dell'Oro Group", []],
    ]);
  });
});
