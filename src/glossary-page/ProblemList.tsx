import type { Problem } from '../glossary/validate';

/** Problems as a list naming the entry and the field of each. */
export function ProblemList({ problems, title }: { problems: readonly Problem[]; title: string }) {
  if (problems.length === 0) return null;
  return (
    <div class="gp-problems-box" role="alert">
      <p>{title}</p>
      <ul class="gp-problems-list">
        {problems.map((p, i) => (
          <li key={i} data-entry={p.entry} data-path={p.path}>
            <code>{p.entry}</code>
            {p.path && (
              <>
                {' '}
                <code>{p.path}</code>
              </>
            )}
            : {p.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
