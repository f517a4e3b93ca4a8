import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadGlossary } from '../../../src/glossary/load-glossary';
import { hostCategory } from '../../../src/glossary/source-hosts';
import { futureStatements, isoDay, namedPeriods } from '../../../src/glossary/stale-wording';
import { checkTruth, resolveToday, unitKey } from '../../../src/glossary/truth-rules';
import type { Glossary } from '../../../src/glossary/types';
import { validateGlossary, type Problem } from '../../../src/glossary/validate';

const TODAY = '2026-12-04';
const fixture = (name: string): string =>
  fileURLToPath(new URL(`../../fixtures/glossary-truth/${name}`, import.meta.url));
const load = (name: string): Glossary => loadGlossary(fixture(name));
const truth = (glossary: Glossary, today = TODAY) => checkTruth(glossary, { today });
const where = (problems: Problem[]): string[] => problems.map((p) => `${p.entry} ${p.path}`);

describe('checkTruth on the broken fixtures', () => {
  it('accepts the base fixture with no error and no warning', () => {
    expect(truth(load('valid-base.json'))).toEqual({ errors: [], warnings: [] });
  });

  it.each([
    ['denied-host-verified.json', ['chip-a facts[1].source'], 'cites www.boursorama.com'],
    ['wiki-reported.json', ['designer-b facts[0].source'], 'no fact may cite a wiki'],
    ['denied-text-source.json', ['foundry-c textSources[0]'], 'a flipbook or mirror'],
    ['missing-accessed.json', ['chip-a facts[0].accessed'], 'is missing'],
    ['accessed-after-today.json', ['designer-b facts[0].accessed'], '2026-12-05 is after today'],
    ['missing-text-sources.json', ['foundry-c textSources'], 'is missing'],
    [
      'stale-fact.json',
      ['chip-a facts[1].en', 'chip-a facts[1].fr'],
      'which ended 2026-05-31, more than 3 months before 2026-12-04',
    ],
    ['stale-text.json', ['designer-b dependency.en', 'designer-b dependency.fr'], '2025-12-31'],
    [
      'stale-relation-note.json',
      ['chip-a relations[1].note.en', 'chip-a relations[1].note.fr'],
      '2026-06-30',
    ],
    [
      'figures-verified-disagree.json',
      ['designer-b facts[0].figures[0]'],
      '1000000 Chips Shipped for chip-a disagrees with 500000 chips shipped in chip-a facts[0].figures[0]',
    ],
    ['french-typography.json', ['foundry-c summary.fr'], 'French typography'],
  ])('%s fails on %j', (file, paths, message) => {
    const glossary = load(file);
    // The shape is valid: the truth rules are a separate check.
    expect(validateGlossary(glossary).problems).toEqual([]);
    const { errors } = truth(glossary);
    expect(where(errors)).toEqual(paths);
    for (const error of errors) expect(error.message).toContain(message);
  });

  it('does not flag a past intention worded in the past tense', () => {
    expect(truth(load('past-intention.json'))).toEqual({ errors: [], warnings: [] });
  });

  it('accepts two different figures when both facts are reported and attributed', () => {
    expect(truth(load('figures-reported-attributed.json')).errors).toEqual([]);
  });

  it('rejects two different figures when one of them is not attributed', () => {
    const glossary = load('figures-reported-attributed.json');
    glossary.entries[1]!.facts[0]!.en = 'Designer B shipped one million Chip A 2 chips.';
    expect(where(truth(glossary).errors)).toEqual(['designer-b facts[0].figures[0]']);
  });

  it('is not stale until 3 months after the period ends', () => {
    const glossary = load('stale-fact.json');
    for (const fact of glossary.entries.flatMap((e) => e.facts)) fact.accessed = '2026-08-01';
    expect(truth(glossary, '2026-08-31').errors).toEqual([]);
    expect(where(truth(glossary, '2026-09-01').errors)).toEqual([
      'chip-a facts[1].en',
      'chip-a facts[1].fr',
    ]);
  });
});

describe('checkTruth with the entries of another glossary', () => {
  it('compares figures with the others and reports only on the checked entries', () => {
    const [chip, designer] = load('figures-verified-disagree.json').entries;
    const checked = (entries: Glossary['entries'], others: Glossary['entries']) =>
      where(checkTruth({ version: 1, entries }, { today: TODAY, others }).errors);
    expect(checked([designer!], [chip!])).toEqual(['designer-b facts[0].figures[0]']);
    expect(checked([chip!], [designer!])).toEqual(['chip-a facts[0].figures[0]']);
  });

  it('does not check the others themselves', () => {
    const stale = load('stale-fact.json');
    const base = load('valid-base.json');
    const { errors, warnings } = checkTruth(
      { version: 1, entries: base.entries.slice(1) },
      { today: TODAY, others: stale.entries.slice(0, 1) },
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
  });
});

describe('checkTruth: rules judged against today', () => {
  const dated = (problems: { dated?: true }[]) => problems.map((p) => p.dated === true);

  it.each(['accessed-after-today.json', 'stale-fact.json', 'stale-text.json'])(
    'flags the errors of %s as dated',
    (file) => {
      const { errors } = truth(load(file));
      expect(errors.length).toBeGreaterThan(0);
      expect(dated(errors).every(Boolean)).toBe(true);
    },
  );

  it.each([
    'denied-host-verified.json',
    'wiki-reported.json',
    'denied-text-source.json',
    'missing-accessed.json',
    'missing-text-sources.json',
    'figures-verified-disagree.json',
    'french-typography.json',
  ])('does not flag the errors of %s as dated', (file) => {
    const { errors } = truth(load(file));
    expect(errors.length).toBeGreaterThan(0);
    expect(dated(errors).some(Boolean)).toBe(false);
  });

  it('flags the review age and undated future warnings as dated, not a denied host', () => {
    const glossary = load('denied-host-verified.json');
    glossary.entries[0]!.facts[1]!.confidence = 'reported';
    glossary.entries[2]!.reviewed = '2026-01-04';
    expect(truth(glossary).warnings.map((p) => [`${p.entry} ${p.path}`, p.dated])).toEqual([
      ['chip-a facts[1].source', undefined],
      ['foundry-c reviewed', true],
    ]);
  });
});

describe('checkTruth warnings', () => {
  it('warns about an entry reviewed more than 6 months ago', () => {
    const glossary = load('valid-base.json');
    glossary.entries[2]!.reviewed = '2026-06-03';
    const { errors, warnings } = truth(glossary);
    expect(errors).toEqual([]);
    expect(where(warnings)).toEqual(['foundry-c reviewed']);
    glossary.entries[2]!.reviewed = '2026-06-04';
    expect(truth(glossary).warnings).toEqual([]);
  });

  it('warns about undated future wording in a fact more than 12 months old', () => {
    const glossary = load('valid-base.json');
    Object.assign(glossary.entries[1]!.facts[0]!, {
      en: 'The cluster module is to be based on Chip A 2.',
      fr: 'Le module doit reposer sur la puce A 2.',
    });
    expect(where(truth(glossary).warnings)).toEqual([
      'designer-b facts[0].en',
      'designer-b facts[0].fr',
    ]);
    glossary.entries[1]!.facts[0]!.date = '2026-01';
    expect(truth(glossary).warnings).toEqual([]);
  });

  it('warns, without failing, about a reported fact citing an aggregator', () => {
    const glossary = load('denied-host-verified.json');
    glossary.entries[0]!.facts[1]!.confidence = 'reported';
    const { errors, warnings } = truth(glossary);
    expect(errors).toEqual([]);
    expect(where(warnings)).toEqual(['chip-a facts[1].source']);
  });
});

describe('future wording', () => {
  const stale = (text: string, lang: 'en' | 'fr'): string | undefined => {
    const period = futureStatements(text, lang)[0]?.period;
    return period && isoDay(period.end);
  };

  it.each([
    ['First samples are expected in spring 2026.', 'en', '2026-05-31'],
    ['Production is to start in Q2 2026.', 'en', '2026-06-30'],
    ['Production is scheduled for H1 2026.', 'en', '2026-06-30'],
    ['The fab will open by the end of 2025.', 'en', '2025-12-31'],
    ['By 2025, the fab will open.', 'en', '2025-12-31'],
    ['Delivery is due to begin in winter 2025.', 'en', '2026-02-28'],
    ['The chip is set to ship in mid-2026.', 'en', '2026-08-31'],
    ['Les premiers échantillons sont attendus au printemps 2026.', 'fr', '2026-05-31'],
    ['La production doit démarrer fin 2025.', 'fr', '2025-12-31'],
    ['La puce devrait arriver au premier semestre 2026.', 'fr', '2026-06-30'],
    ['La machine sera installée d’ici 2026.', 'fr', '2026-12-31'],
    ['L’entreprise compte lancer sa puce en mars 2026.', 'fr', '2026-03-31'],
  ] as const)('finds %j about a period ending %s', (text, lang, end) => {
    expect(stale(text, lang)).toBe(end);
  });

  it.each([
    ['SiPearl said in 2025 that samples were planned for spring 2026.', 'en'],
    ['SiPearl then planned first samples for spring 2026.', 'en'],
    ['Nvidia announced Grace, expected in Nvidia products in 2023.', 'en'],
    ['Rollout was expected in early 2024.', 'en'],
    ['Rhea1 was originally due to be finalised in 2022.', 'en'],
    ['Intel abandoned its planned Magdeburg fab in July 2025.', 'en'],
    ['Delays due to export controls in 2023 hurt sales.', 'en'],
    ['SiPearl avait prévu les premiers échantillons pour le printemps 2026.', 'fr'],
    ['SiPearl a indiqué que les échantillons étaient prévus au printemps 2026.', 'fr'],
    [
      'Selon Bloomberg, Cambricon visait 500 000 puces en 2026, contre 142 000 attendues en 2025.',
      'fr',
    ],
    ['Intel a renoncé en juillet 2025 à son usine prévue à Magdebourg.', 'fr'],
    ['La loi prévoit 52 milliards de dollars en 2022.', 'fr'],
    ['L’entreprise compte 80 salariés en 2024.', 'fr'],
  ] as const)('does not take %j for a claim about the future', (text, lang) => {
    expect(futureStatements(text, lang)).toEqual([]);
  });

  it('does not date a future by a period named before it', () => {
    const [statement] = futureStatements('Founded in 2016, the company will ship its chip.', 'en');
    expect(statement).toMatchObject({ marker: 'will' });
    expect(statement?.period).toBeUndefined();
  });

  it('names each period once, by its most precise form', () => {
    const text =
      'Q3 2026, third quarter of 2025, H2 2025, 3 March 2026, fin de l’année 2025, S1 2026';
    expect(namedPeriods(text).map((p) => `${p.text}=${isoDay(p.end)}`)).toEqual([
      'Q3 2026=2026-09-30',
      'third quarter of 2025=2025-09-30',
      'H2 2025=2025-12-31',
      '3 March 2026=2026-03-31',
      'fin de l’année 2025=2025-12-31',
      'S1 2026=2026-06-30',
    ]);
  });
});

describe('helpers', () => {
  it('matches a denied host and its subdomains only', () => {
    expect(hostCategory('https://www.marketscreener.com/quote/x')).toBe('aggregator');
    expect(hostCategory('https://fr.wikipedia.org/wiki/X')).toBe('wiki');
    expect(hostCategory('https://finance.yahoo.com/news/x')).toBe('aggregator');
    expect(hostCategory('https://news.yahoo.com/x')).toBeUndefined();
    expect(hostCategory('https://notnasdaq.com/x')).toBeUndefined();
    expect(hostCategory('https://www.reuters.com/x')).toBeUndefined();
  });

  it('folds case and plurals of units', () => {
    expect(unitKey('Superchips')).toBe(unitKey('superchip'));
    expect(unitKey('GPUs')).toBe(unitKey('gpu'));
    expect(unitKey('processes')).toBe(unitKey('process'));
    expect(unitKey('superchips')).not.toBe(unitKey('systems'));
  });

  it('takes today from SL_TODAY when set, else from the clock', () => {
    expect(resolveToday('2027-01-31')).toBe('2027-01-31');
    expect(resolveToday(undefined, new Date(2026, 11, 4, 23, 30))).toBe('2026-12-04');
    expect(() => resolveToday('2027-02-30')).toThrow(/SL_TODAY/);
  });
});

describe('npm run glossary:check', () => {
  const run = (file: string): { status: number; output: string } => {
    const args = [resolve('node_modules/tsx/dist/cli.mjs'), 'scripts/glossary-check.ts', file];
    try {
      const stdout = execFileSync(process.execPath, args, {
        env: { ...process.env, SL_TODAY: TODAY },
        encoding: 'utf8',
        stdio: 'pipe',
      });
      return { status: 0, output: stdout };
    } catch (error) {
      const { status, stdout, stderr } = error as {
        status: number;
        stdout: string;
        stderr: string;
      };
      return { status, output: `${stdout}${stderr}` };
    }
  };

  it('fails on a truth error, naming entry and field', () => {
    const { status, output } = run(fixture('stale-fact.json'));
    expect(status).toBe(1);
    expect(output).toContain('glossary: chip-a facts[1].en: speaks of the future');
    expect(output).toContain('truth rules: 2 error(s), 0 warning(s)');
  });

  it('passes a clean glossary and counts facts per host category', () => {
    const { status, output } = run(fixture('valid-base.json'));
    expect(output).toContain(
      'facts per source host category: aggregator 0, mirror 0, relay 0, wiki 0, other 3',
    );
    expect(status).toBe(0);
  });
});
