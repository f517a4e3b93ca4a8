// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bundledGlossary } from '../../../src/glossary/bundled';
import { indexGlossary } from '../../../src/glossary/glossary-index';
import type { Entry, Fact, Glossary } from '../../../src/glossary/types';
import { Card, type CardProps } from '../../../src/ui/Card';

const bundled = indexGlossary(bundledGlossary());
const byId = (id: string): Entry => {
  const entry = bundled.byId.get(id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
};

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

/** The day the synthetic entry was written: its 2025 fact is recent, the others are not. */
const TODAY = new Date('2025-03-01T12:00:00Z');

function show(props: Partial<CardProps> & { entry: Entry }): HTMLElement {
  render(<Card index={bundled} lang="en" today={TODAY} {...props} />, container);
  return container;
}

const all = (root: ParentNode, selector: string) => Array.from(root.querySelectorAll(selector));
/** Runs of white space (French no-break spaces included) as one space. */
const squash = (value: string) => value.replace(/\s+/g, ' ').trim();
const text = (root: ParentNode, selector: string) => {
  const content = root.querySelector(selector)?.textContent;
  return content === null || content === undefined ? content : squash(content);
};
const section = (root: ParentNode, heading: string): Element => {
  const h3 = all(root, 'h3').find((h) => h.textContent === heading);
  if (!h3?.parentElement) throw new Error(`no section ${heading}`);
  return h3.parentElement;
};

function fact(date: string, en: string, extra: Partial<Fact> = {}): Fact {
  return {
    date,
    en,
    fr: `${en} (fr)`,
    source: `https://example.org/${date}`,
    confidence: 'verified',
    ...extra,
  };
}

function syntheticEntry(overrides: Partial<Entry> = {}): Entry {
  return {
    id: 'test-chip',
    kind: 'chip',
    name: { en: 'Test Chip', fr: 'Puce de test' },
    summary: { en: 'A test chip.', fr: 'Une puce de test.' },
    dependency: { en: 'Depends on tests.', fr: 'Dépend des tests.' },
    sovereignty: { en: 'Controlled from the US.', fr: 'Contrôlé depuis les États-Unis.' },
    jurisdiction: ['US'],
    aliases: [],
    facts: [
      fact('2021', 'Fact 2021'),
      fact('2024-06-01', 'Fact 2024', { confidence: 'reported' }),
      fact('2022-03', 'Fact 2022'),
      fact('2025-01-15', 'Fact 2025'),
      fact('2023', 'Fact 2023'),
    ],
    relations: [],
    reviewed: '2025-02-01',
    ...overrides,
  };
}

function syntheticIndex(entry: Entry) {
  const glossary: Glossary = { version: 1, entries: [entry] };
  return indexGlossary(glossary);
}

describe('Card', () => {
  it('shows the name, kind, jurisdiction, summary, dependency and sovereignty', () => {
    const entry = byId('trainium-2');
    const root = show({ entry });
    expect(root.querySelector('article.sl-card')?.getAttribute('data-entry')).toBe('trainium-2');
    expect(root.querySelector('article')?.getAttribute('lang')).toBe('en');
    expect(text(root, 'h2')).toBe(entry.name.en);
    expect(text(root, '.sl-kind')).toBe('Chip');
    expect(text(root, '.sl-card__meta .sl-jurisdiction')).toBe('US');
    expect(root.querySelector('.sl-card__meta .sl-jurisdiction')?.getAttribute('title')).toBe(
      'United States',
    );
    expect(text(root, '.sl-card__summary')).toBe(entry.summary.en);
    expect(text(section(root, 'What it makes you depend on'), 'p')).toBe(entry.dependency.en);
    expect(text(section(root, 'Sovereignty'), 'p')).toBe(entry.sovereignty.en);
  });

  it('shows the dependency chain of trainium-2 down to TSMC, with each step’s jurisdiction', () => {
    const root = show({ entry: byId('trainium-2') });
    const steps = all(root, '.sl-chain__step');
    expect(steps.length).toBeGreaterThan(0);
    const tsmc = steps.find((s) => s.textContent?.includes('TSMC'));
    expect(tsmc).toBeDefined();
    expect(text(tsmc!, '.sl-chain__via')).toBe('made by');
    expect(all(tsmc!, '.sl-jurisdiction').map((j) => j.textContent)).toEqual(['TW']);
    const annapurna = steps.find((s) => s.textContent?.includes('Annapurna'));
    expect(all(annapurna!, '.sl-jurisdiction').map((j) => j.textContent)).toEqual(['US']);
    // Each step follows its parent: Amazon (owner of Annapurna Labs) comes right after it.
    const labels = steps.map((s) => s.textContent ?? '');
    const a = labels.findIndex((l) => l.includes('Annapurna'));
    expect(labels[a + 1]).toContain('Amazon');
  });

  it('indents chain steps by depth', () => {
    const root = show({ entry: byId('trainium-2') });
    const depths = all(root, '.sl-chain__step').map((s) =>
      (s as HTMLElement).style.getPropertyValue('--depth'),
    );
    expect(depths).toContain('0');
    expect(depths).toContain('1');
  });

  it('links facts to their https source in a new tab without opener', () => {
    const root = show({ entry: byId('trainium-2') });
    const links = all(root, '.sl-facts a') as HTMLAnchorElement[];
    expect(links.length).toBe(byId('trainium-2').facts.length);
    for (const link of links) {
      expect(link.getAttribute('href')).toMatch(/^https:\/\//);
      expect(link.getAttribute('target')).toBe('_blank');
      expect(link.getAttribute('rel')?.split(' ')).toContain('noopener');
    }
    expect(links[0]?.textContent).not.toMatch(/^www\./);
  });

  it('shows facts newest first with formatted dates', () => {
    const entry = syntheticEntry();
    const root = show({ entry, index: syntheticIndex(entry) });
    const facts = all(root, '.sl-fact');
    expect(facts.map((f) => f.querySelector('time')?.getAttribute('datetime'))).toEqual([
      '2025-01-15',
      '2024-06-01',
      '2023',
      '2022-03',
      '2021',
    ]);
    expect(facts[0]?.querySelector('time')?.textContent).toBe('15 Jan 2025');
  });

  it('marks reported facts with a badge and verified ones without', () => {
    const entry = syntheticEntry();
    const root = show({ entry, index: syntheticIndex(entry) });
    const badged = all(root, '.sl-fact').filter((f) => f.querySelector('.sl-badge--reported'));
    expect(badged).toHaveLength(1);
    expect(badged[0]?.textContent).toContain('Fact 2024');
    expect(text(badged[0]!, '.sl-badge--reported')).toBe('reported');
  });

  it('shows each fact with its date and its source by name, and the card "as of" its review', () => {
    const entry = syntheticEntry({
      facts: [
        fact('2025-01-15', 'Reuters fact', { source: 'https://www.reuters.com/technology/x' }),
        fact('2024-11', 'Own site fact', { source: 'https://news.example.org/a' }),
        fact('2024-10', 'Commission fact', { source: 'https://ec.europa.eu/commission/x' }),
      ],
    });
    const root = show({ entry, index: syntheticIndex(entry) });
    const sources = all(root, '.sl-fact a.sl-source');
    expect(sources.map((a) => a.textContent)).toEqual([
      'Reuters',
      'news.example.org',
      'European Commission',
    ]);
    expect(sources[0]?.getAttribute('href')).toBe('https://www.reuters.com/technology/x');
    expect(all(root, '.sl-fact time').map((t) => t.getAttribute('datetime'))).toEqual([
      '2025-01-15',
      '2024-11',
      '2024-10',
    ]);
    expect(text(root, '.sl-card__as-of')).toBe('As of 1 Feb 2025');
  });

  it('marks facts older than 18 months as possibly out of date in fast-moving kinds only', () => {
    const chip = syntheticEntry();
    let root = show({ entry: chip, index: syntheticIndex(chip) });
    const outdated = all(root, '.sl-fact')
      .filter((f) => f.querySelector('.sl-badge--outdated'))
      .map((f) => f.querySelector('time')?.getAttribute('datetime'));
    // 18 months before 1 March 2025 is 1 Sept 2023. A date counts by its last possible day:
    // "2023" may be December 2023, so only March 2022 and 2021 are certainly older.
    expect(outdated).toEqual(['2022-03', '2021']);
    const company = syntheticEntry({ kind: 'company' });
    root = show({ entry: company, index: syntheticIndex(company) });
    expect(all(root, '.sl-badge--outdated')).toHaveLength(0);
  });

  it('links no fact whose source is not https', () => {
    const entry = syntheticEntry({
      facts: [
        fact('2024', 'Script', { source: 'javascript:alert(1)' }),
        fact('2023', 'Plain http', { source: 'http://example.org/a' }),
        fact('2022', 'Data', { source: 'data:text/html,<b>x</b>' }),
      ],
    });
    const root = show({ entry, index: syntheticIndex(entry) });
    expect(all(root, '.sl-fact')).toHaveLength(3);
    expect(all(root, '.sl-facts a')).toHaveLength(0);
  });

  it('limits a compact card to 3 facts, the newest', () => {
    const entry = syntheticEntry();
    const index = syntheticIndex(entry);
    const full = show({ entry, index });
    expect(all(full, '.sl-fact')).toHaveLength(5);
    const compact = show({ entry, index, compact: true });
    expect(
      all(compact, '.sl-fact').map((f) => f.querySelector('time')?.getAttribute('datetime')),
    ).toEqual(['2025-01-15', '2024-06-01', '2023']);
  });

  it('opens related entities and chain steps through onOpenEntry', () => {
    const opened: string[] = [];
    const root = show({ entry: byId('trainium-2'), onOpenEntry: (id) => opened.push(id) });
    const related = all(root, '.sl-related [data-open-entry]') as HTMLElement[];
    const relatedIds = related.map((b) => b.getAttribute('data-open-entry'));
    expect(relatedIds).toEqual(expect.arrayContaining(['annapurna-labs', 'tsmc', 'trainium']));
    expect(relatedIds).not.toContain('trainium-2');
    expect(new Set(relatedIds).size).toBe(relatedIds.length);
    related.find((b) => b.getAttribute('data-open-entry') === 'trainium')!.click();
    (root.querySelector('.sl-chain [data-open-entry="tsmc"]') as HTMLElement).click();
    expect(opened).toEqual(['trainium', 'tsmc']);
  });

  it('relates US cloud providers and the CLOUD Act both ways, outside the dependency chain', () => {
    for (const id of ['aws', 'azure', 'google-cloud']) {
      const root = show({ entry: byId(id), onOpenEntry: () => {} });
      const related = all(root, '.sl-related [data-open-entry]').map((b) =>
        b.getAttribute('data-open-entry'),
      );
      expect(related, id).toContain('cloud-act');
      const chain = all(root, '.sl-chain [data-open-entry]').map((b) =>
        b.getAttribute('data-open-entry'),
      );
      expect(chain, id).not.toContain('cloud-act');
    }
    const act = show({ entry: byId('cloud-act'), onOpenEntry: () => {} });
    const providers = all(act, '.sl-related [data-open-entry]').map((b) =>
      b.getAttribute('data-open-entry'),
    );
    expect(providers).toEqual(expect.arrayContaining(['aws', 'azure', 'google-cloud']));
    expect(providers).not.toContain('ovhcloud');
  });

  it('uses short names for related entities and chain steps', () => {
    const root = show({ entry: byId('trainium-2'), onOpenEntry: () => {} });
    const tsmc = root.querySelector('.sl-related [data-open-entry="tsmc"]');
    expect(tsmc?.textContent).toBe('TSMC');
  });

  it('links related entities to the glossary when given entryHref and no onOpenEntry', () => {
    const root = show({ entry: byId('trainium-2'), entryHref: (id) => `glossary.html#${id}` });
    const link = root.querySelector('.sl-related a[data-open-entry="tsmc"]');
    expect(link?.getAttribute('href')).toBe('glossary.html#tsmc');
    const open = all(root, '.sl-card__footer a');
    expect(open).toHaveLength(1);
    expect(open[0]?.getAttribute('href')).toBe('glossary.html#trainium-2');
    expect(open[0]?.getAttribute('rel')).toContain('noopener');
  });

  it('calls onBack, onTogglePin and onClose from their buttons', () => {
    const calls: string[] = [];
    const root = show({
      entry: byId('trainium-2'),
      onBack: () => calls.push('back'),
      onTogglePin: () => calls.push('pin'),
      onClose: () => calls.push('close'),
      pinned: true,
    });
    const buttons = all(root, '.sl-card__header button') as HTMLButtonElement[];
    expect(buttons.map((b) => b.title)).toEqual(['Back', 'Unpin this card', 'Close']);
    expect(buttons[1]?.getAttribute('aria-pressed')).toBe('true');
    for (const button of buttons) button.click();
    expect(calls).toEqual(['back', 'pin', 'close']);
  });

  it('renders in French', () => {
    const entry = byId('trainium-2');
    const root = show({ entry, lang: 'fr' });
    expect(root.querySelector('article')?.getAttribute('lang')).toBe('fr');
    expect(text(root, 'h2')).toBe(entry.name.fr);
    expect(text(root, '.sl-kind')).toBe('Puce');
    expect(text(root, '.sl-card__summary')).toBe(squash(entry.summary.fr));
    expect(text(section(root, 'Ce dont il rend dépendant'), 'p')).toBe(squash(entry.dependency.fr));
    expect(text(section(root, 'Souveraineté'), 'p')).toBe(squash(entry.sovereignty.fr));
    expect(all(root, 'h3').map((h) => h.textContent)).toEqual(
      expect.arrayContaining(['Chaîne de dépendance', 'Faits datés', 'Voir aussi']),
    );
    expect(text(root, '.sl-chain')).toContain('fabriqué par');
    expect(root.querySelector('.sl-card__meta .sl-jurisdiction')?.getAttribute('title')).toBe(
      'États-Unis',
    );
    expect(text(root, '.sl-card__footer')).toContain('À jour au');
  });

  it('marks reported facts in French', () => {
    const entry = syntheticEntry();
    const root = show({ entry, index: syntheticIndex(entry), lang: 'fr' });
    expect(text(root, '.sl-fact .sl-badge--reported')).toBe('selon la presse');
    expect(text(root, '.sl-fact span')).toBe('Fact 2025 (fr)');
  });

  it('renders glossary text containing markup as text, never as HTML', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const entry = syntheticEntry({
      name: { en: `Evil ${payload}`, fr: payload },
      summary: { en: payload, fr: payload },
      dependency: { en: payload, fr: payload },
      sovereignty: { en: payload, fr: payload },
      facts: [fact('2024', payload)],
    });
    const root = show({ entry, index: syntheticIndex(entry), note: payload });
    expect(root.querySelector('img')).toBeNull();
    expect(text(root, '.sl-card__summary')).toBe(payload);
    expect(text(root, 'h2')).toBe(`Evil ${payload}`);
    expect(text(root, '.sl-card__note p')).toBe(payload);
  });

  it('shows the reader’s note and the user-entry badge when given', () => {
    const entry = syntheticEntry();
    const root = show({
      entry,
      index: syntheticIndex(entry),
      note: 'Check again',
      userEntry: true,
    });
    expect(text(root, '.sl-card__note p')).toBe('Check again');
    expect(text(root, '.sl-badge--user')).toBe('Your entry');
  });

  it('leaves out the chain, facts and related sections when the entry has none', () => {
    const entry = syntheticEntry({ facts: [] });
    const root = show({ entry, index: syntheticIndex(entry) });
    expect(root.querySelector('.sl-chain')).toBeNull();
    expect(root.querySelector('.sl-facts')).toBeNull();
    expect(root.querySelector('.sl-related')).toBeNull();
  });
});
