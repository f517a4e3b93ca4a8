import { useState } from 'preact/hooks';
import { KINDS, type Entry, type Kind } from '../glossary/types';
import type { Problem } from '../glossary/validate';
import { kindLabel, pick } from '../i18n/format';
import {
  draftToEntry,
  emptyDraft,
  entryToDraft,
  TEXT_FIELDS,
  type EntryDraft,
  type TextField,
} from '../user-data/entry-draft';
import { USER_DATA_VERSION } from '../user-data/types';
import { validateUserData } from '../user-data/validate-user-data';
import { AliasRows, FactRows, RelationRows } from './EntryRows';
import { InputField } from './InputField';
import { usePage } from './page-context';
import { ProblemList } from './ProblemList';
import { s, type PageStringKey } from '../i18n/page-strings';
import { ownValue } from '../glossary/own';

const FIELD_LABELS: Record<TextField, PageStringKey> = {
  name: 'fieldName',
  summary: 'fieldSummary',
  dependency: 'fieldDependency',
  sovereignty: 'fieldSovereignty',
};

/** Adds or edits one of the reader's entries; saves only what passes the glossary's checks. */
export function EntryForm({ editing, onDone }: { editing?: Entry; onDone(id?: string): void }) {
  const { lang, userData, bundled, glossary, saveUserData } = usePage();
  const [draft, setDraft] = useState<EntryDraft>(() =>
    editing ? entryToDraft(editing) : emptyDraft(new Date().toISOString().slice(0, 10)),
  );
  const [problems, setProblems] = useState<Problem[]>([]);
  const update = (change: Partial<EntryDraft>) => setDraft((d) => ({ ...d, ...change }));
  const setText = (field: TextField, which: 'en' | 'fr', value: string) =>
    setDraft((d) => ({
      ...d,
      texts: { ...d.texts, [field]: { ...d.texts[field], [which]: value } },
    }));
  const targets = [...glossary.entries]
    .filter((e) => e.id !== editing?.id)
    .sort((a, b) => pick(a.name, lang).localeCompare(pick(b.name, lang), lang));

  const submit = async () => {
    const entry = draftToEntry(draft);
    const others = userData.entries.filter((e) => e.id !== editing?.id);
    const notes = { ...userData.notes };
    let hidden = userData.hidden;
    if (editing && editing.id !== entry.id) {
      // The id changed: the note and the hidden mark follow the entry.
      const note = ownValue(notes, editing.id);
      if (note !== undefined) {
        notes[entry.id] = note;
        delete notes[editing.id];
      }
      hidden = hidden.map((h) => (h === editing.id ? entry.id : h));
    }
    const position = editing ? userData.entries.findIndex((e) => e.id === editing.id) : -1;
    const entries = [...others];
    entries.splice(position >= 0 ? position : entries.length, 0, entry);
    const result = validateUserData(
      { version: USER_DATA_VERSION, entries, notes, hidden },
      bundled,
    );
    if (!result.data) {
      setProblems(result.problems);
      return;
    }
    const saveProblems = await saveUserData(result.data);
    setProblems(saveProblems);
    if (saveProblems.length === 0) onDone(entry.id);
  };

  const title = editing
    ? s(lang, 'formEdit', { name: pick(editing.name, lang) })
    : s(lang, 'formAdd');
  return (
    <form
      class="gp-form gp-panel"
      aria-labelledby="form-title"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h1 id="form-title" class="gp-title" tabIndex={-1}>
        {title}
      </h1>
      <p class="gp-lead">{s(lang, 'formLangHint')}</p>
      <ProblemList problems={problems} title={s(lang, 'formProblems')} />
      <div class="gp-form__row">
        <InputField
          label={s(lang, 'fieldId')}
          name="id"
          value={draft.id}
          onValue={(value) => update({ id: value })}
        />
        <label class="gp-field">
          <span class="gp-field__label">{s(lang, 'fieldKind')}</span>
          <select
            class="gp-input"
            name="kind"
            value={draft.kind}
            onChange={(e) => update({ kind: (e.target as HTMLSelectElement).value as Kind })}
          >
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {kindLabel(kind, lang)}
              </option>
            ))}
          </select>
        </label>
        <InputField
          label={s(lang, 'fieldJurisdiction')}
          name="jurisdiction"
          value={draft.jurisdiction}
          onValue={(value) => update({ jurisdiction: value })}
        />
      </div>
      {TEXT_FIELDS.map((field) => (
        <fieldset key={field} class="gp-fieldset">
          <legend>{s(lang, FIELD_LABELS[field])}</legend>
          <div class="gp-form__row">
            {(['en', 'fr'] as const).map((which) => {
              const props = {
                class: 'gp-input',
                name: `${field}.${which}`,
                value: draft.texts[field][which],
                lang: which,
                onInput: (e: Event) => setText(field, which, (e.target as HTMLInputElement).value),
              };
              return (
                <label key={which} class="gp-field">
                  <span class="gp-field__label">
                    {s(lang, which === 'en' ? 'fieldEn' : 'fieldFr')}
                  </span>
                  {field === 'name' ? <input {...props} /> : <textarea rows={3} {...props} />}
                </label>
              );
            })}
          </div>
        </fieldset>
      ))}
      <AliasRows draft={draft} update={update} />
      <FactRows draft={draft} update={update} />
      <RelationRows draft={draft} update={update} targets={targets} />
      <div class="gp-form__row">
        <InputField
          label={s(lang, 'fieldWebsite')}
          type="url"
          name="website"
          value={draft.website}
          onValue={(value) => update({ website: value })}
        />
        <InputField
          label={s(lang, 'fieldReviewed')}
          narrow
          type="date"
          name="reviewed"
          value={draft.reviewed}
          onValue={(value) => update({ reviewed: value })}
        />
      </div>
      <div class="gp-row">
        <button type="submit" class="gp-button gp-button--primary">
          {s(lang, 'save')}
        </button>
        <button
          type="button"
          class="gp-button gp-button--quiet"
          onClick={() => onDone(editing?.id)}
        >
          {s(lang, 'cancel')}
        </button>
      </div>
    </form>
  );
}
