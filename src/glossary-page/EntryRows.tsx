/**
 * The repeated rows of the entry form (EntryForm.tsx): aliases, facts and relations, each
 * with its add and remove buttons, editing the form's draft.
 */
import type { ComponentChildren } from 'preact';
import { CONFIDENCES, RELATION_TYPES, type Entry, type RelationType } from '../glossary/types';
import { shortName } from '../ui/Card';
import { pick, relationLabel } from '../i18n/format';
import type { EntryDraft } from '../user-data/entry-draft';
import { InputField } from './InputField';
import { usePage } from './page-context';
import { s } from '../i18n/page-strings';

interface RowsProps {
  draft: EntryDraft;
  update(change: Partial<EntryDraft>): void;
}

/** The aliases: text, language, case rule, context cues, plural. */
export function AliasRows({ draft, update }: RowsProps) {
  const { lang } = usePage();
  return (
    <RepeatedRows
      legend={s(lang, 'fieldAliases')}
      addLabel={s(lang, 'addAlias')}
      items={draft.aliases}
      onItems={(aliases) => update({ aliases })}
      blank={{ text: '', lang: '', case: '', plural: false, context: '' }}
    >
      {(alias, set, i) => (
        <>
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
        </>
      )}
    </RepeatedRows>
  );
}

/** The dated, sourced facts. */
export function FactRows({ draft, update }: RowsProps) {
  const { lang } = usePage();
  return (
    <RepeatedRows
      legend={s(lang, 'fieldFacts')}
      addLabel={s(lang, 'addFact')}
      items={draft.facts}
      onItems={(facts) => update({ facts })}
      blank={{ date: '', en: '', fr: '', source: '', confidence: 'verified' }}
    >
      {(fact, set) => (
        <>
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
        </>
      )}
    </RepeatedRows>
  );
}

/** The typed relations to other entries (`targets`, sorted by name). */
export function RelationRows({ draft, update, targets }: RowsProps & { targets: Entry[] }) {
  const { lang } = usePage();
  return (
    <RepeatedRows
      legend={s(lang, 'fieldRelations')}
      addLabel={s(lang, 'addRelation')}
      items={draft.relations}
      onItems={(relations) => update({ relations })}
      blank={{ type: 'dependsOn', target: '' }}
    >
      {(relation, set) => (
        <>
          <label class="gp-field gp-field--narrow">
            <span class="gp-field__label">{s(lang, 'filterRelation')}</span>
            <select
              class="gp-input"
              value={relation.type}
              onChange={(e) => set({ type: (e.target as HTMLSelectElement).value as RelationType })}
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
        </>
      )}
    </RepeatedRows>
  );
}

/**
 * A list of rows editing `items`: each row's fields (`children`, given the item, a setter
 * for its fields and its index) and a remove button, then a button adding `blank`.
 */
function RepeatedRows<T extends object>({
  legend,
  addLabel,
  items,
  onItems,
  blank,
  children,
}: {
  legend: string;
  addLabel: string;
  items: T[];
  onItems(items: T[]): void;
  blank: T;
  children: (item: T, set: (change: Partial<T>) => void, index: number) => ComponentChildren;
}) {
  const { lang } = usePage();
  return (
    <fieldset class="gp-fieldset">
      <legend>{legend}</legend>
      {items.map((item, i) => (
        <div key={i} class="gp-form__row gp-form__repeat">
          {children(
            item,
            (change) => onItems(items.map((x, j) => (j === i ? { ...x, ...change } : x))),
            i,
          )}
          <button
            type="button"
            class="gp-button gp-button--quiet"
            onClick={() => onItems(items.filter((_, j) => j !== i))}
          >
            {s(lang, 'remove')}
          </button>
        </div>
      ))}
      <button type="button" class="gp-button" onClick={() => onItems([...items, blank])}>
        {addLabel}
      </button>
    </fieldset>
  );
}
