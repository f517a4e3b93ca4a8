import { downloadJson } from '../graph/export-image';
import { formatProblems } from '../glossary/validate';
import { keptAsideItem, type KeptAside } from '../user-data/store';
import { usePage } from './page-context';
import { s } from '../i18n/page-strings';

/** Tells the reader their stored data failed its check and was kept aside, never wiped. */
export function CorruptionBanner({ kept }: { kept: KeptAside }) {
  const { lang } = usePage();
  return (
    <div class="gp-banner" role="alert" data-banner="corrupted">
      <div>
        <strong>{s(lang, 'corruptTitle')}</strong>
        <p>{s(lang, 'corruptBody')}</p>
        <details>
          <summary>{s(lang, 'corruptDetails')}</summary>
          <pre class="gp-problems">{formatProblems(kept.problems.slice(0, 50))}</pre>
        </details>
      </div>
      <div class="gp-row">
        <button
          type="button"
          class="gp-button gp-button--primary"
          onClick={() =>
            downloadJson(
              `${JSON.stringify(kept.value, null, 2)}\n`,
              `sovereignty-lens-kept-${kept.at.slice(0, 10)}.json`,
            )
          }
        >
          {s(lang, 'corruptDownload')}
        </button>
        <button type="button" class="gp-button" onClick={() => void keptAsideItem.removeValue()}>
          {s(lang, 'corruptDiscard')}
        </button>
      </div>
    </div>
  );
}
