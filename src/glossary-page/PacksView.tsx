import { useState } from 'preact/hooks';
import { resolveToday } from '../glossary/truth-rules';
import type { Problem } from '../glossary/validate';
import { downloadJson } from '../graph/export-image';
import { s } from '../i18n/page-strings';
import type { Conflict, ConflictHolder } from '../packs/apply-packs';
import { exportPack, type InstalledPack } from '../packs/pack-format';
import { importPackFile, removeInstalledPack, type ImportResult } from '../packs/pack-store';
import type { Lang } from '../glossary/types';
import { usePage } from './page-context';
import { ProblemList } from './ProblemList';

/** `#/packs`: the organisation's packs, the reader's, and importing one (picker or drop). */
export function PacksView() {
  const { lang, bundled, userData, packs, conflicts } = usePage();
  const [result, setResult] = useState<ImportResult>();
  const [dragging, setDragging] = useState(false);

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    const options = { bundled, today: resolveToday(), userEntries: userData.entries };
    setResult(await importPackFile(await file.text(), options));
  };

  return (
    <section class="gp-packs" aria-labelledby="packs-title">
      <h1 id="packs-title" class="gp-title" tabIndex={-1}>
        {s(lang, 'packsTitle')}
      </h1>
      <p class="gp-lead">{s(lang, 'packsIntro')}</p>
      <div
        class={`gp-panel gp-drop${dragging ? ' gp-drop--over' : ''}`}
        data-pack-drop
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          setDragging(false);
          void onFile(event.dataTransfer?.files[0]);
        }}
      >
        <label class="gp-button gp-file">
          {s(lang, 'packImport')}
          <input
            type="file"
            accept="application/json,.json"
            class="gp-file__input"
            data-action="import-pack"
            onChange={(event) => {
              const input = event.currentTarget;
              void onFile(input.files?.[0]).then(() => (input.value = ''));
            }}
          />
        </label>
        <span class="gp-drop__hint">{s(lang, 'packDrop')}</span>
      </div>
      {result && <ImportReport lang={lang} outcome={result} />}

      {(packs.managed.length > 0 || packs.managedProblems.length > 0) && (
        <section class="gp-panel" aria-labelledby="packs-managed" data-packs="managed">
          <h2 id="packs-managed" class="gp-subtitle">
            {s(lang, 'packsManaged')}
          </h2>
          <p class="gp-lead">{s(lang, 'packsManagedNote')}</p>
          <PackList lang={lang} packs={packs.managed} conflicts={conflicts} />
          {packs.managedProblems.length > 0 && (
            <div class="gp-problems-box" role="alert">
              <p>{s(lang, 'packsManagedProblems')}</p>
              <ul class="gp-problems-list">
                {packs.managedProblems.map((problem, i) => (
                  <li key={i}>{problem}</li>
                ))}
              </ul>
            </div>
          )}
        </section>
      )}
      <section class="gp-panel" aria-labelledby="packs-installed" data-packs="installed">
        <h2 id="packs-installed" class="gp-subtitle">
          {s(lang, 'packsInstalled')}
        </h2>
        {packs.installed.length === 0 ? (
          <p class="gp-empty">{s(lang, 'packsNone')}</p>
        ) : (
          <PackList lang={lang} packs={packs.installed} conflicts={conflicts} removable />
        )}
      </section>
    </section>
  );
}

function ImportReport({ lang, outcome }: { lang: Lang; outcome: ImportResult }) {
  if (outcome.problems) {
    return <ProblemList problems={outcome.problems} title={s(lang, 'packRefused')} />;
  }
  const { change, warnings } = outcome;
  const { title, version } = outcome.pack;
  const count = (ids: string[]) => String(ids.length);
  const status =
    change.kind === 'added'
      ? s(lang, 'packAdded', { title, version, count: count(change.added) })
      : s(lang, 'packUpdated', {
          title,
          version,
          from: change.from ?? '',
          added: count(change.added),
          changed: count(change.changed),
          removed: count(change.removed),
          retired: count(change.retired),
        });
  return (
    <div class="gp-panel" data-pack-report>
      <p class="gp-status" role="status" data-import-status>
        {status}
      </p>
      <WarningList lang={lang} warnings={warnings} />
      <ConflictList lang={lang} conflicts={outcome.conflicts} open />
    </div>
  );
}

function WarningList({ lang, warnings }: { lang: Lang; warnings: readonly Problem[] }) {
  if (warnings.length === 0) return null;
  return (
    <div class="gp-note-box">
      <p>{s(lang, 'packWarnings')}</p>
      <ul class="gp-problems-list">
        {warnings.map((p, i) => (
          <li key={i}>
            <code>{p.entry}</code> {p.path && <code>{p.path}</code>}: {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

function PackList({
  lang,
  packs,
  conflicts,
  removable = false,
}: {
  lang: Lang;
  packs: readonly InstalledPack[];
  conflicts: readonly Conflict[];
  removable?: boolean;
}) {
  return (
    <ul class="gp-list gp-list--packs">
      {packs.map((pack) => (
        <li key={pack.id} data-pack={pack.id}>
          <strong class="gp-pack__title">{pack.title}</strong>
          <span class="gp-pack__meta">
            {s(lang, 'packMeta', {
              publisher: pack.publisher,
              version: pack.version,
              date: pack.date,
              count: String(pack.entries.length),
            })}
          </span>
          <span class="gp-row">
            <button
              type="button"
              class="gp-button"
              data-action="export-pack"
              onClick={() => downloadJson(exportPack(pack), `${pack.id}-${pack.version}.json`)}
            >
              {s(lang, 'packExport')}
            </button>
            {removable && (
              <button
                type="button"
                class="gp-button"
                data-action="remove-pack"
                onClick={() => {
                  if (confirm(s(lang, 'packRemoveConfirm', { title: pack.title }))) {
                    void removeInstalledPack(pack.id);
                  }
                }}
              >
                {s(lang, 'packRemove')}
              </button>
            )}
          </span>
          <ConflictList lang={lang} conflicts={conflicts.filter((c) => c.packId === pack.id)} />
        </li>
      ))}
    </ul>
  );
}

function ConflictList({
  lang,
  conflicts,
  open = false,
}: {
  lang: Lang;
  conflicts: readonly Conflict[];
  open?: boolean;
}) {
  if (conflicts.length === 0) return null;
  return (
    <details class="gp-conflicts" open={open} data-conflicts={conflicts.length}>
      <summary>{s(lang, 'packConflicts', { count: String(conflicts.length) })}</summary>
      <ul>
        {conflicts.map((conflict, i) => (
          <li key={i} data-conflict={conflict.kind}>
            {conflict.kind === 'id'
              ? s(lang, 'conflictId', {
                  entry: conflict.entry,
                  holder: holderText(lang, conflict.heldBy),
                })
              : s(lang, 'conflictAlias', {
                  alias: conflict.alias ?? '',
                  entry: conflict.entry,
                  holder: holderText(lang, conflict.heldBy),
                })}
          </li>
        ))}
      </ul>
    </details>
  );
}

function holderText(lang: Lang, holder: ConflictHolder): string {
  if (holder.source === 'bundled') return s(lang, 'heldByBundled', { entry: holder.entry });
  if (holder.source === 'user') return s(lang, 'heldByUser', { entry: holder.entry });
  return s(lang, 'heldByPack', { entry: holder.entry, pack: holder.packId ?? '' });
}
