import { GraphExplorer } from './GraphExplorer';
import { usePage } from './page-context';
import { s } from '../i18n/page-strings';

/** `#/graph`: the whole glossary. */
export function GraphView({ params }: { params: URLSearchParams }) {
  const { lang } = usePage();
  return (
    <GraphExplorer
      title={s(lang, 'graphTitle')}
      intro={s(lang, 'graphIntro')}
      path="/graph"
      params={params}
    />
  );
}
