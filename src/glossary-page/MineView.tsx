import { useState } from 'preact/hooks';
import { downloadJson } from '../graph/export-image';
import type { Problem } from '../glossary/validate';
import { shortName } from '../ui/Card';
import { kindLabel, pick } from '../i18n/format';
import { t } from '../i18n/ui-strings';
import { importUserDataFile } from '../user-data/import';
import { exportUserData } from '../user-data/validate-user-data';
import { EntryForm } from './EntryForm';
import { usePage } from './page-context';
import { ProblemList } from './ProblemList';
import { entryHash, hashWith } from './route';
import { s } from '../i18n/page-strings';
import { navigate } from './use-route';

/** `#/mine`: the reader's entries, notes, hidden entries, import and export. */
export function MineView({ params }: { params: URLSearchParams }) {
  const { lang, userData, index, bundled, saveUserData } = usePage();
  const editId = params.get('edit');
  const adding = params.get('add') === '1';
  const [importProblems, setImportProblems] = useState<Problem[]>([]);
  const [importStatus, setImportStatus] = useState('');

  if (adding || (editId && userData.entries.some((e) => e.id === editId))) {
    return (
      <EntryForm
        key={editId ?? 'new'}
        editing={editId ? userData.entries.find((e) => e.id === editId) : undefined}
        onDone={(id) => navigate(id ? entryHash(id) : '#/mine')}
      />
    );
  }

  const onImport = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    setImportStatus('');
    const { problems, imported } = await importUserDataFile(await file.text(), userData, bundled);
    if (problems.length === 0) {
      setImportStatus(
        imported === 1
          ? s(lang, 'importDoneOne')
          : s(lang, 'importDone', { count: String(imported) }),
      );
    }
    setImportProblems(problems);
    input.value = '';
  };

  const notes = Object.entries(userData.notes);
  return (
    <section class="gp-mine" aria-labelledby="mine-title">
      <h1 id="mine-title" class="gp-title" tabIndex={-1}>
        {s(lang, 'mineTitle')}
      </h1>
      <p class="gp-lead">{s(lang, 'mineIntro')}</p>
      <div class="gp-mine__grid">
        <section class="gp-panel" aria-labelledby="mine-entries">
          <div class="gp-row gp-row--spread">
            <h2 id="mine-entries" class="gp-subtitle">
              {s(lang, 'navMine')}
            </h2>
            <a class="gp-button gp-button--primary" href={hashWith('/mine', { add: '1' })}>
              {s(lang, 'addEntry')}
            </a>
          </div>
          {userData.entries.length === 0 ? (
            <p class="gp-empty">{s(lang, 'noUserEntries')}</p>
          ) : (
            <ul class="gp-list" data-list="user-entries">
              {userData.entries.map((entry) => (
                <li key={entry.id} data-entry={entry.id}>
                  <a href={entryHash(entry.id)}>{shortName(pick(entry.name, lang))}</a>
                  <span class={`sl-kind sl-kind--${entry.kind}`}>
                    {kindLabel(entry.kind, lang)}
                  </span>
                  <span class="sl-badge sl-badge--user">{t(lang, 'yourEntry')}</span>
                  <a
                    class="gp-button gp-button--quiet"
                    href={hashWith('/mine', { edit: entry.id })}
                  >
                    {s(lang, 'edit')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="gp-panel" aria-labelledby="mine-io">
          <h2 id="mine-io" class="gp-subtitle">
            {s(lang, 'importExportTitle')}
          </h2>
          <p class="gp-lead">{s(lang, 'importExportIntro')}</p>
          <div class="gp-row">
            <button
              type="button"
              class="gp-button"
              data-action="export"
              onClick={() =>
                downloadJson(exportUserData(userData), 'sovereignty-lens-my-entries.json')
              }
            >
              {s(lang, 'exportJson')}
            </button>
            <label class="gp-button gp-file">
              {s(lang, 'importJson')}
              <input
                type="file"
                accept="application/json,.json"
                class="gp-file__input"
                data-action="import"
                onChange={(e) => void onImport(e.currentTarget)}
              />
            </label>
          </div>
          <p class="gp-status" role="status" data-import-status>
            {importStatus}
          </p>
          <ProblemList problems={importProblems} title={s(lang, 'importRefused')} />
        </section>
        <section class="gp-panel" aria-labelledby="mine-notes">
          <h2 id="mine-notes" class="gp-subtitle">
            {s(lang, 'notesTitle')}
          </h2>
          {notes.length === 0 ? (
            <p class="gp-empty">{s(lang, 'noNotes')}</p>
          ) : (
            <ul class="gp-list gp-list--notes">
              {notes.map(([id, note]) => {
                const entry = index.byId.get(id);
                return (
                  <li key={id} data-note={id}>
                    <a href={entryHash(id)}>{entry ? shortName(pick(entry.name, lang)) : id}</a>
                    <p>{note}</p>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section class="gp-panel" aria-labelledby="mine-hidden">
          <h2 id="mine-hidden" class="gp-subtitle">
            {s(lang, 'hiddenTitle')}
          </h2>
          {userData.hidden.length === 0 ? (
            <p class="gp-empty">{s(lang, 'noHidden')}</p>
          ) : (
            <ul class="gp-list">
              {userData.hidden.map((id) => {
                const entry = index.byId.get(id);
                return (
                  <li key={id} data-hidden={id}>
                    <a href={entryHash(id)}>{entry ? shortName(pick(entry.name, lang)) : id}</a>
                    <button
                      type="button"
                      class="gp-button gp-button--quiet"
                      onClick={() =>
                        void saveUserData({
                          ...userData,
                          hidden: userData.hidden.filter((h) => h !== id),
                        })
                      }
                    >
                      {s(lang, 'unhide')}
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      </div>
    </section>
  );
}
