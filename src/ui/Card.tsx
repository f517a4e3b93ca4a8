import { dependencyChain, relationsOf, type ChainStep } from '../glossary/chain';
import { CARD_RELATION_ORDER } from '../glossary/relations';
import type { GlossaryIndex } from '../glossary/glossary-index';
import type { Entry, Fact, Kind, Lang, RelationType } from '../glossary/types';
import { formatDate, jurisdictionName, kindLabel, pick, relationLabel } from '../i18n/format';
import { t } from '../i18n/ui-strings';
import type { PackOrigin } from '../packs/apply-packs';
import { BackIcon, CloseIcon, PinIcon } from './icons';
import { safeHttpsUrl } from './safe-url';
import { sourceName } from './source-names';

export interface CardProps {
  entry: Entry;
  index: GlossaryIndex;
  lang: Lang;
  /** Hover cards are compact: fewer facts, a shorter chain. */
  compact?: boolean;
  /** The URL of an entry's page in the full glossary (omit on that page itself). */
  entryHref?: (id: string) => string;
  /**
   * Opens an entry's page in the full glossary, for cards shown inside web pages: the
   * extension's URL (in Firefox, a per-install identifier) never enters the page.
   */
  onOpenInGlossary?: (id: string) => void;
  /** Shows another entry in place (related entities, chain steps). */
  onOpenEntry?: (id: string) => void;
  onBack?: () => void;
  pinned?: boolean;
  onTogglePin?: () => void;
  onClose?: () => void;
  /** The reader's own note on this entry. */
  note?: string;
  /** True for entries the reader added, not curated ones. */
  userEntry?: boolean;
  /** The pack the entry (and so its facts) comes from, when it is not a bundled one. */
  origin?: PackOrigin;
  /** Id of the heading element, for aria-labelledby. */
  headingId?: string;
  /** Today, for marking facts that may be out of date (tests set it). */
  today?: Date;
}

/** Kinds whose facts age fast: past 18 months, a card says they may be out of date. */
const FAST_KINDS: ReadonlySet<Kind> = new Set(['chip', 'cloud', 'project', 'model']);
const OUTDATED_MONTHS = 18;

/** Whether a fact dated `date` (YYYY, YYYY-MM or YYYY-MM-DD) is more than 18 months before `today`. */
export function isPossiblyOutdated(date: string, today: Date): boolean {
  const [year, month = '12', day = '28'] = date.split('-');
  const end = Date.UTC(Number(year), Number(month) - 1, Number(day));
  const limit = new Date(today.getTime());
  limit.setUTCMonth(limit.getUTCMonth() - OUTDATED_MONTHS);
  return end < limit.getTime();
}

const COMPACT_FACTS = 3;
const COMPACT_CHAIN_DEPTH = 3;
const COMPACT_CHAIN_ROWS = 8;
const COMPACT_RELATED = 8;

/** The context card of one glossary entry, shared by the page, the popup and the glossary. */
export function Card(props: CardProps) {
  const { entry, lang, compact = false, headingId } = props;
  const name = pick(entry.name, lang);
  return (
    <article class="sl-card" data-entry={entry.id} lang={lang}>
      <header class="sl-card__header">
        {props.onBack && (
          <button
            type="button"
            class="sl-icon-button"
            onClick={props.onBack}
            title={t(lang, 'back')}
          >
            <BackIcon />
            <span class="sl-visually-hidden">{t(lang, 'back')}</span>
          </button>
        )}
        <div class="sl-card__title">
          <h2 id={headingId} class="sl-card__name">
            {name}
          </h2>
          <p class="sl-card__meta">
            <span class={`sl-kind sl-kind--${entry.kind}`}>{kindLabel(entry.kind, lang)}</span>
            <Jurisdictions codes={entry.jurisdiction} lang={lang} />
            {props.userEntry && <span class="sl-badge sl-badge--user">{t(lang, 'yourEntry')}</span>}
          </p>
        </div>
        {props.onTogglePin && (
          <button
            type="button"
            class="sl-icon-button"
            aria-pressed={props.pinned ? 'true' : 'false'}
            onClick={props.onTogglePin}
            title={t(lang, props.pinned ? 'unpin' : 'pin')}
          >
            <PinIcon filled={!!props.pinned} />
            <span class="sl-visually-hidden">{t(lang, props.pinned ? 'unpin' : 'pin')}</span>
          </button>
        )}
        {props.onClose && (
          <button
            type="button"
            class="sl-icon-button"
            onClick={props.onClose}
            title={t(lang, 'close')}
          >
            <CloseIcon />
            <span class="sl-visually-hidden">{t(lang, 'close')}</span>
          </button>
        )}
      </header>
      <p class="sl-card__summary">{pick(entry.summary, lang)}</p>
      {props.origin && (
        <p class="sl-card__origin" data-pack={props.origin.packId}>
          {t(lang, 'fromPack', {
            title: props.origin.title,
            publisher: props.origin.publisher,
            version: props.origin.version,
          })}
        </p>
      )}
      {props.note && (
        <section class="sl-card__section sl-card__note">
          <h3>{t(lang, 'yourNote')}</h3>
          <p>{props.note}</p>
        </section>
      )}
      <section class="sl-card__section">
        <h3>{t(lang, 'dependency')}</h3>
        <p>{pick(entry.dependency, lang)}</p>
      </section>
      <section class="sl-card__section">
        <h3>{t(lang, 'sovereignty')}</h3>
        <p>{pick(entry.sovereignty, lang)}</p>
      </section>
      <Chain {...props} />
      <Facts
        facts={entry.facts}
        lang={lang}
        limit={compact ? COMPACT_FACTS : undefined}
        ageing={FAST_KINDS.has(entry.kind) ? (props.today ?? new Date()) : undefined}
      />
      <Related {...props} />
      <footer class="sl-card__footer">
        <span class="sl-card__as-of">
          {t(lang, 'asOf')}{' '}
          <time dateTime={entry.reviewed}>{formatDate(entry.reviewed, lang)}</time>
        </span>
        {props.onOpenInGlossary ? (
          <button
            type="button"
            class="sl-link"
            data-open-glossary={entry.id}
            onClick={() => props.onOpenInGlossary?.(entry.id)}
          >
            {t(lang, 'openInGlossary')}
          </button>
        ) : (
          props.entryHref && (
            <a href={props.entryHref(entry.id)} target="_blank" rel="noopener">
              {t(lang, 'openInGlossary')}
            </a>
          )
        )}
      </footer>
    </article>
  );
}

function Jurisdictions({ codes, lang }: { codes: string[]; lang: Lang }) {
  return (
    <span class="sl-jurisdictions" title={t(lang, 'jurisdiction')}>
      {codes.map((code) => (
        <abbr key={code} class="sl-jurisdiction" title={jurisdictionName(code, lang)}>
          {code}
        </abbr>
      ))}
    </span>
  );
}

function EntryLink({ id, label, props }: { id: string; label: string; props: CardProps }) {
  if (props.onOpenEntry) {
    const open = props.onOpenEntry;
    return (
      <button type="button" class="sl-link" data-open-entry={id} onClick={() => open(id)}>
        {label}
      </button>
    );
  }
  if (props.entryHref) {
    return (
      <a href={props.entryHref(id)} data-open-entry={id}>
        {label}
      </a>
    );
  }
  return <span>{label}</span>;
}

function Chain(props: CardProps) {
  const { entry, index, lang, compact } = props;
  const chain = dependencyChain(index, entry.id, compact ? { maxDepth: COMPACT_CHAIN_DEPTH } : {});
  if (!chain || chain.steps.length === 0) return null;
  const rows: ChainStep[] = orderAsTree(chain.steps);
  const shown = compact ? rows.slice(0, COMPACT_CHAIN_ROWS) : rows;
  return (
    <section class="sl-card__section sl-chain">
      <h3>{t(lang, 'chain')}</h3>
      <ol class="sl-chain__list">
        {shown.map((step) => (
          <li key={step.id} class="sl-chain__step" style={{ '--depth': String(step.depth - 1) }}>
            <span class="sl-chain__via">{relationLabel(step.via, lang)}</span>{' '}
            <EntryLink id={step.id} label={shortName(pick(step.name, lang))} props={props} />{' '}
            <Jurisdictions codes={step.jurisdiction} lang={lang} />
          </li>
        ))}
      </ol>
      {shown.length < rows.length && <p class="sl-more">+{rows.length - shown.length}</p>}
    </section>
  );
}

/** Breadth-first steps reordered depth-first, so each step follows its parent. */
function orderAsTree(steps: ChainStep[]): ChainStep[] {
  const children = new Map<string, ChainStep[]>();
  for (const step of steps) {
    const list = children.get(step.parent) ?? [];
    list.push(step);
    children.set(step.parent, list);
  }
  const out: ChainStep[] = [];
  const visit = (parent: string) => {
    for (const step of children.get(parent) ?? []) {
      out.push(step);
      visit(step.id);
    }
  };
  const root = steps.find((step) => step.depth === 1)?.parent;
  if (root) visit(root);
  return out;
}

function Facts({
  facts,
  lang,
  limit,
  ageing,
}: {
  facts: Fact[];
  lang: Lang;
  limit: number | undefined;
  /** Today, when this entry's facts age fast. */
  ageing: Date | undefined;
}) {
  if (facts.length === 0) return null;
  const sorted = [...facts].sort((a, b) => b.date.localeCompare(a.date));
  const shown = limit ? sorted.slice(0, limit) : sorted;
  return (
    <section class="sl-card__section sl-facts">
      <h3>{t(lang, 'facts')}</h3>
      <ul>
        {shown.map((fact) => {
          const href = safeHttpsUrl(fact.source);
          return (
            <li key={fact.date + fact.source + fact.en} class="sl-fact">
              <time dateTime={fact.date}>{formatDate(fact.date, lang)}</time>{' '}
              {ageing && isPossiblyOutdated(fact.date, ageing) && (
                <span class="sl-badge sl-badge--outdated" title={t(lang, 'possiblyOutdatedTitle')}>
                  {t(lang, 'possiblyOutdated')}
                </span>
              )}{' '}
              <span>{pick(fact, lang)}</span>{' '}
              {fact.confidence === 'reported' && (
                <span class="sl-badge sl-badge--reported" title={t(lang, 'reportedTitle')}>
                  {t(lang, 'reported')}
                </span>
              )}{' '}
              {href && (
                <a
                  class="sl-source"
                  href={href}
                  target="_blank"
                  rel="noopener noreferrer"
                  title={href}
                >
                  {sourceName(href)}
                </a>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function Related(props: CardProps) {
  const { entry, index, lang, compact } = props;
  const relations = relationsOf(index, entry.id);
  if (!relations) return null;
  const seen = new Set<string>();
  const items: { id: string; label: string; type: RelationType }[] = [];
  const add = (id: string, type: RelationType) => {
    const other = index.byId.get(id);
    if (!other || seen.has(id) || id === entry.id) return;
    seen.add(id);
    items.push({ id, label: shortName(pick(other.name, lang)), type });
  };
  for (const type of CARD_RELATION_ORDER) {
    for (const r of relations.outgoing) if (r.type === type) add(r.id, r.type);
  }
  for (const r of relations.incoming) add(r.id, r.type);
  if (items.length === 0) return null;
  const shown = compact ? items.slice(0, COMPACT_RELATED) : items;
  return (
    <section class="sl-card__section sl-related">
      <h3>{t(lang, 'related')}</h3>
      <ul class="sl-related__list">
        {shown.map((item) => (
          <li key={item.id}>
            <EntryLink id={item.id} label={item.label} props={props} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "TSMC (Taiwan Semiconductor Manufacturing Company)" -> "TSMC", for lists and chains. */
export function shortName(name: string): string {
  return name.replace(/\s*\([^)]*\)\s*$/, '') || name;
}
