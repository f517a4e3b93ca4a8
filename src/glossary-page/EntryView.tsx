import { useEffect, useState } from 'preact/hooks';
import { relationsOf, type RelationView } from '../glossary/chain';
import type { Lang } from '../glossary/types';
import { Card, shortName } from '../ui/Card';
import { jurisdictionName, pick, relationLabel } from '../i18n/format';
import { usePage } from './page-context';
import { entryHash, hashWith } from './route';
import { s } from '../i18n/page-strings';
import { navigate } from './use-route';
import { ownValue } from '../glossary/own';

/** One entry's page: the full card, relations both ways, note, hide, edit. */
export function EntryView({ id }: { id: string }) {
  const { lang, index, userData, userIds, origins, saveUserData } = usePage();
  const entry = index.byId.get(id);
  if (!entry) {
    return (
      <section class="gp-panel">
        <h1 class="gp-title" tabIndex={-1}>
          {s(lang, 'notFound', { id })}
        </h1>
        <p>
          <a href="#/">{s(lang, 'backToList')}</a>
        </p>
      </section>
    );
  }
  const relations = relationsOf(index, id);
  const hidden = userData.hidden.includes(id);
  const isUser = userIds.has(id);
  const toggleHidden = () =>
    void saveUserData({
      ...userData,
      hidden: hidden ? userData.hidden.filter((h) => h !== id) : [...userData.hidden, id],
    });
  const remove = () => {
    if (!confirm(s(lang, 'deleteConfirm', { name: pick(entry.name, lang) }))) return;
    const notes = { ...userData.notes };
    delete notes[id];
    void saveUserData({
      entries: userData.entries.filter((e) => e.id !== id),
      notes,
      hidden: userData.hidden.filter((h) => h !== id),
    }).then((problems) => {
      if (problems.length === 0) navigate('#/mine');
    });
  };

  return (
    <div class="gp-entry">
      <nav class="gp-crumbs">
        <a href="#/">{s(lang, 'backToList')}</a>
      </nav>
      <h1 class="sl-visually-hidden" tabIndex={-1}>
        {pick(entry.name, lang)}
      </h1>
      <div class="gp-entry__layout">
        <div class="gp-panel gp-entry__card">
          <Card
            entry={entry}
            index={index}
            lang={lang}
            entryHref={undefined}
            onOpenEntry={(other) => navigate(entryHash(other))}
            note={ownValue(userData.notes, id)}
            userEntry={isUser}
            origin={origins.get(id)}
            headingId="entry-title"
          />
        </div>
        <aside class="gp-entry__side">
          <div class="gp-panel gp-actions">
            <a class="gp-button" href={hashWith('/graph', { chain: id })}>
              {s(lang, 'showChain')}
            </a>
            <a class="gp-button" href={hashWith('/graph', { dependents: id })}>
              {s(lang, 'showDependents')}
            </a>
            <button
              type="button"
              class="gp-button"
              aria-pressed={hidden ? 'true' : 'false'}
              onClick={toggleHidden}
            >
              {s(lang, hidden ? 'unhide' : 'hide')}
            </button>
            {isUser && (
              <>
                <a class="gp-button" href={hashWith('/mine', { edit: id })}>
                  {s(lang, 'edit')}
                </a>
                <button type="button" class="gp-button gp-button--danger" onClick={remove}>
                  {s(lang, 'delete')}
                </button>
              </>
            )}
          </div>
          <NoteEditor id={id} />
          {relations && (
            <section class="gp-panel gp-relations" aria-labelledby="relations-title">
              <h2 id="relations-title" class="gp-subtitle">
                {s(lang, 'relationsTitle')}
              </h2>
              {relations.outgoing.length + relations.incoming.length === 0 && (
                <p class="gp-empty">{s(lang, 'noRelations')}</p>
              )}
              <RelationList
                title={s(lang, 'outgoing')}
                items={relations.outgoing}
                lang={lang}
                direction="out"
              />
              <RelationList
                title={s(lang, 'incoming')}
                items={relations.incoming}
                lang={lang}
                direction="in"
              />
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}

function RelationList({
  title,
  items,
  lang,
  direction,
}: {
  title: string;
  items: RelationView[];
  lang: Lang;
  direction: 'out' | 'in';
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3 class="gp-minititle">{title}</h3>
      <ul class="gp-relations__list" data-direction={direction}>
        {items.map((r) => {
          const name = r.entry ? shortName(pick(r.entry.name, lang)) : r.id;
          return (
            <li key={`${r.type}-${r.id}`} data-relation={r.type} data-other={r.id}>
              {direction === 'out' && (
                <>
                  <span class="gp-relation__type">{relationLabel(r.type, lang)}</span>{' '}
                </>
              )}
              {r.entry ? <a href={entryHash(r.id)}>{name}</a> : <span>{name}</span>}
              {r.entry && (
                <span class="gp-relation__codes">
                  {r.entry.jurisdiction.map((c) => (
                    <abbr key={c} class="sl-jurisdiction" title={jurisdictionName(c, lang)}>
                      {c}
                    </abbr>
                  ))}
                </span>
              )}
              {direction === 'in' && (
                <span class="gp-relation__type">
                  {' '}
                  {s(lang, 'relationFrom', { relation: relationLabel(r.type, lang) })}
                </span>
              )}
              {r.note && <span class="gp-relation__note"> — {pick(r.note, lang)}</span>}
            </li>
          );
        })}
      </ul>
    </>
  );
}

function NoteEditor({ id }: { id: string }) {
  const { lang, userData, saveUserData } = usePage();
  const stored = ownValue(userData.notes, id) ?? '';
  const [text, setText] = useState(stored);
  const [status, setStatus] = useState('');
  useEffect(() => {
    setText(stored);
    setStatus('');
  }, [id, stored]);
  const save = async (value: string) => {
    const notes = { ...userData.notes };
    if (value.trim()) notes[id] = value;
    else delete notes[id];
    const problems = await saveUserData({ ...userData, notes });
    setStatus(
      problems.length === 0 ? s(lang, 'noteSaved') : problems.map((p) => p.message).join('; '),
    );
  };
  return (
    <form
      class="gp-panel gp-note"
      onSubmit={(e) => {
        e.preventDefault();
        void save(text);
      }}
    >
      <label class="gp-field">
        <span class="gp-subtitle">{s(lang, 'noteLabel')}</span>
        <textarea
          class="gp-input"
          rows={4}
          maxLength={1000}
          value={text}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="gp-row">
        <button type="submit" class="gp-button gp-button--primary" disabled={text === stored}>
          {s(lang, 'noteSave')}
        </button>
        {stored && (
          <button type="button" class="gp-button gp-button--quiet" onClick={() => void save('')}>
            {s(lang, 'noteDelete')}
          </button>
        )}
        <span class="gp-status" role="status">
          {status}
        </span>
      </div>
    </form>
  );
}
