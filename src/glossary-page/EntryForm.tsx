import { useState } from 'preact/hooks';
import {
  CONFIDENCES,
  KINDS,
  RELATION_TYPES,
  type Entry,
  type Kind,
  type RelationType,
} from '../glossary/types';
import type { Problem } from '../glossary/validate';
import { shortName } from '../ui/Card';
import { kindLabel, pick, relationLabel } from '../ui/messages';
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
import { usePage } from './page-context';
import { ProblemList } from './ProblemList';
import { s, type StringKey } from './strings';
import { ownValue } from '../glossary/own';

const FIELD_LABELS: Record<TextField, StringKey> = {
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
      <fieldset class="gp-fieldset">
        <legend>{s(lang, 'fieldAliases')}</legend>
        {draft.aliases.map((alias, i) => {
          const set = (change: Partial<typeof alias>) =>
            update({ aliases: draft.aliases.map((a, j) => (j === i ? { ...a, ...change } : a)) });
          return (
            <div key={i} class="gp-form__row gp-form__repeat">
              <InputField
                label={s(lang, 'fieldAliasText')}
                name={`aliases[${i}].text`}
                value={alias.text}
                onValue={(value) => set({ text: value })}
              />
              <label class="gp-field gp-field--narrow">
                <span class="gp-field__label">{s(lang, 'fieldAliasLang')}</span>
                <select
                  class="gp-input"
                  value={alias.lang}
                  onChange={(e) =>
                    set({ lang: (e.target as HTMLSelectElement).value as typeof alias.lang })
                  }
                >
                  <option value="">{s(lang, 'anyLang')}</option>
                  <option value="en">{s(lang, 'fieldEn')}</option>
                  <option value="fr">{s(lang, 'fieldFr')}</option>
                </select>
              </label>
              <label class="gp-field gp-field--narrow">
                <span class="gp-field__label">{s(lang, 'fieldAliasCase')}</span>
                <select
                  class="gp-input"
                  value={alias.case}
                  onChange={(e) =>
                    set({ case: (e.target as HTMLSelectElement).value as typeof alias.case })
                  }
                >
                  <option value="">{s(lang, 'caseDefault')}</option>
                  <option value="exact">exact</option>
                  <option value="name">name</option>
                  <option value="any">any</option>
                </select>
              </label>
              <InputField
                label={s(lang, 'fieldAliasContext')}
                value={alias.context}
                onValue={(value) => set({ context: value })}
              />
              <label class="gp-check">
                <input
                  type="checkbox"
                  checked={alias.plural}
                  onChange={(e) => set({ plural: (e.target as HTMLInputElement).checked })}
                />
                {s(lang, 'fieldAliasPlural')}
              </label>
              <button
                type="button"
                class="gp-button gp-button--quiet"
                onClick={() => update({ aliases: draft.aliases.filter((_, j) => j !== i) })}
              >
                {s(lang, 'remove')}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          class="gp-button"
          onClick={() =>
            update({
              aliases: [
                ...draft.aliases,
                { text: '', lang: '', case: '', plural: false, context: '' },
              ],
            })
          }
        >
          {s(lang, 'addAlias')}
        </button>
      </fieldset>
      <fieldset class="gp-fieldset">
        <legend>{s(lang, 'fieldFacts')}</legend>
        {draft.facts.map((fact, i) => {
          const set = (change: Partial<typeof fact>) =>
            update({ facts: draft.facts.map((f, j) => (j === i ? { ...f, ...change } : f)) });
          return (
            <div key={i} class="gp-form__row gp-form__repeat">
              <InputField
                label={s(lang, 'fieldDate')}
                narrow
                value={fact.date}
                onValue={(value) => set({ date: value })}
              />
              <InputField
                label={s(lang, 'fieldEn')}
                lang="en"
                value={fact.en}
                onValue={(value) => set({ en: value })}
              />
              <InputField
                label={s(lang, 'fieldFr')}
                lang="fr"
                value={fact.fr}
                onValue={(value) => set({ fr: value })}
              />
              <InputField
                label={s(lang, 'fieldSource')}
                type="url"
                value={fact.source}
                onValue={(value) => set({ source: value })}
              />
              <label class="gp-field gp-field--narrow">
                <span class="gp-field__label">{s(lang, 'fieldConfidence')}</span>
                <select
                  class="gp-input"
                  value={fact.confidence}
                  onChange={(e) =>
                    set({
                      confidence: (e.target as HTMLSelectElement).value as typeof fact.confidence,
                    })
                  }
                >
                  {CONFIDENCES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                class="gp-button gp-button--quiet"
                onClick={() => update({ facts: draft.facts.filter((_, j) => j !== i) })}
              >
                {s(lang, 'remove')}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          class="gp-button"
          onClick={() =>
            update({
              facts: [
                ...draft.facts,
                { date: '', en: '', fr: '', source: '', confidence: 'verified' },
              ],
            })
          }
        >
          {s(lang, 'addFact')}
        </button>
      </fieldset>
      <fieldset class="gp-fieldset">
        <legend>{s(lang, 'fieldRelations')}</legend>
        {draft.relations.map((relation, i) => {
          const set = (change: Partial<typeof relation>) =>
            update({
              relations: draft.relations.map((r, j) => (j === i ? { ...r, ...change } : r)),
            });
          return (
            <div key={i} class="gp-form__row gp-form__repeat">
              <label class="gp-field gp-field--narrow">
                <span class="gp-field__label">{s(lang, 'filterRelation')}</span>
                <select
                  class="gp-input"
                  value={relation.type}
                  onChange={(e) =>
                    set({ type: (e.target as HTMLSelectElement).value as RelationType })
                  }
                >
                  {RELATION_TYPES.map((type) => (
                    <option key={type} value={type}>
                      {relationLabel(type, lang)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="gp-field">
                <span class="gp-field__label">{s(lang, 'fieldTarget')}</span>
                <select
                  class="gp-input"
                  value={relation.target}
                  onChange={(e) => set({ target: (e.target as HTMLSelectElement).value })}
                >
                  <option value="">{s(lang, 'choose')}</option>
                  {targets.map((t) => (
                    <option key={t.id} value={t.id}>
                      {shortName(pick(t.name, lang))}
                    </option>
                  ))}
                </select>
              </label>
              <button
                type="button"
                class="gp-button gp-button--quiet"
                onClick={() => update({ relations: draft.relations.filter((_, j) => j !== i) })}
              >
                {s(lang, 'remove')}
              </button>
            </div>
          );
        })}
        <button
          type="button"
          class="gp-button"
          onClick={() =>
            update({ relations: [...draft.relations, { type: 'dependsOn', target: '' }] })
          }
        >
          {s(lang, 'addRelation')}
        </button>
      </fieldset>
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

interface InputFieldProps {
  label: string;
  value: string;
  onValue: (value: string) => void;
  narrow?: boolean;
  name?: string;
  type?: 'text' | 'url' | 'date';
  lang?: string;
}

/** A labelled text input of the form. */
function InputField({ label, narrow = false, onValue, ...input }: InputFieldProps) {
  return (
    <label class={`gp-field${narrow ? ' gp-field--narrow' : ''}`}>
      <span class="gp-field__label">{label}</span>
      <input
        class="gp-input"
        // Preact types `type` as a union per input kind; these four attributes are plain strings.
        {...(input as Record<string, string | undefined>)}
        onInput={(e) => onValue((e.target as HTMLInputElement).value)}
      />
    </label>
  );
}
