import type { JurisdictionProfile } from '../glossary/profile';
import type { Lang } from '../glossary/types';
import { jurisdictionColor } from './colors';
import { jurisdictionName } from '../i18n/format';
import { t } from '../i18n/ui-strings';

/** "14 actors · US 8 · EU 3 …" as text and as a stacked bar. */
export function ProfileBar({ profile, lang }: { profile: JurisdictionProfile; lang: Lang }) {
  if (profile.total === 0) return null;
  const label =
    profile.total === 1 ? t(lang, 'actor') : t(lang, 'actors', { count: String(profile.total) });
  return (
    <figure class="sl-profile" aria-label={t(lang, 'profileLabel')}>
      <figcaption class="sl-profile__text">
        <strong>{label}</strong>
        {profile.shares.map((s) => (
          <span key={s.code}>
            {' · '}
            <abbr title={jurisdictionName(s.code, lang)}>{s.code}</abbr> {s.count}
          </span>
        ))}
      </figcaption>
      <div class="sl-profile__bar" aria-hidden="true">
        {profile.shares.map((s) => (
          <span
            key={s.code}
            class="sl-profile__part"
            data-code={s.code}
            style={{ flexGrow: s.count, background: jurisdictionColor(s.code) }}
            title={`${jurisdictionName(s.code, lang)}: ${s.count}`}
          />
        ))}
      </div>
    </figure>
  );
}
