import { useState } from 'preact/hooks';
import { KINDS, type Kind } from '../glossary/types';
import {
  HOVER_DELAY_RANGE,
  normalizeHostname,
  updateSettings,
  type Settings,
} from '../settings/settings';
import { kindPlural } from '../ui/messages';
import { usePage } from './page-context';
import { s, type StringKey } from './strings';

/** `#/settings`: every setting, stored as soon as it changes (open tabs follow). */
export function SettingsView() {
  const { lang, settings } = usePage();
  const [status, setStatus] = useState('');
  const [site, setSite] = useState('');
  const [siteError, setSiteError] = useState('');
  if (!settings) return null;

  const change = (update: (current: Settings) => Settings) =>
    void updateSettings(update).then(() => setStatus(s(lang, 'settingsSaved')));

  return (
    <section class="gp-settings" aria-labelledby="settings-title">
      <h1 id="settings-title" class="gp-title" tabIndex={-1}>
        {s(lang, 'settingsTitle')}
      </h1>
      <p class="gp-status" role="status">
        {status}
      </p>
      <div class="gp-settings__grid">
        <div class="gp-panel">
          <Radios
            name="highlightStyle"
            legend={s(lang, 'highlightStyle')}
            value={settings.highlightStyle}
            options={[
              ['underline', 'styleUnderline'],
              ['background', 'styleBackground'],
              ['off', 'styleOff'],
            ]}
            onChange={(v) => change((c) => ({ ...c, highlightStyle: v }))}
          />
          <Radios
            name="markMode"
            legend={s(lang, 'markMode')}
            value={settings.markMode}
            options={[
              ['all', 'markAll'],
              ['first', 'markFirst'],
            ]}
            onChange={(v) => change((c) => ({ ...c, markMode: v }))}
          />
          <Radios
            name="scope"
            legend={s(lang, 'scope')}
            value={settings.scope}
            options={[
              ['article', 'scopeArticle'],
              ['page', 'scopePage'],
            ]}
            onChange={(v) => change((c) => ({ ...c, scope: v }))}
          />
          <fieldset class="gp-fieldset">
            <legend>{s(lang, 'kindsToMark')}</legend>
            <div class="gp-checks">
              {KINDS.map((kind: Kind) => (
                <label key={kind} class="gp-check">
                  <input
                    type="checkbox"
                    name="kinds"
                    value={kind}
                    checked={settings.kinds.includes(kind)}
                    onChange={(e) => {
                      const on = (e.target as HTMLInputElement).checked;
                      change((c) => ({
                        ...c,
                        kinds: on ? [...c.kinds, kind] : c.kinds.filter((k) => k !== kind),
                      }));
                    }}
                  />
                  {kindPlural(kind, lang)}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <div class="gp-panel">
          <label class="gp-field">
            <span class="gp-field__label">{s(lang, 'hoverDelay')}</span>
            <span class="gp-row">
              <input
                type="range"
                name="hoverDelayMs"
                min={HOVER_DELAY_RANGE.min}
                max={HOVER_DELAY_RANGE.max}
                step={50}
                value={settings.hoverDelayMs}
                onChange={(e) => {
                  const ms = Number((e.target as HTMLInputElement).value);
                  change((c) => ({ ...c, hoverDelayMs: ms }));
                }}
              />
              <output>{s(lang, 'hoverDelayValue', { ms: String(settings.hoverDelayMs) })}</output>
            </span>
          </label>
          <label class="gp-field">
            <span class="gp-field__label">{s(lang, 'language')}</span>
            <select
              class="gp-input"
              name="language"
              value={settings.language}
              onChange={(e) => {
                const value = (e.target as HTMLSelectElement).value as Settings['language'];
                change((c) => ({ ...c, language: value }));
              }}
            >
              <option value="auto">{s(lang, 'langAuto')}</option>
              <option value="en">English</option>
              <option value="fr">Français</option>
            </select>
          </label>
          <Radios
            name="theme"
            legend={s(lang, 'theme')}
            value={settings.theme}
            options={[
              ['auto', 'themeAuto'],
              ['light', 'themeLight'],
              ['dark', 'themeDark'],
            ]}
            onChange={(v) => change((c) => ({ ...c, theme: v }))}
          />
          <label class="gp-check">
            <input
              type="checkbox"
              name="paused"
              checked={settings.paused}
              onChange={(e) => {
                const paused = (e.target as HTMLInputElement).checked;
                change((c) => ({ ...c, paused }));
              }}
            />
            {s(lang, 'paused')}
          </label>
          <label class="gp-check">
            <input
              type="checkbox"
              name="markOwnEntries"
              checked={settings.markOwnEntries}
              aria-describedby="mark-own-entries-help"
              onChange={(e) => {
                const markOwnEntries = (e.target as HTMLInputElement).checked;
                change((c) => ({ ...c, markOwnEntries }));
              }}
            />
            {s(lang, 'markOwnEntries')}
          </label>
          <p id="mark-own-entries-help" class="gp-help">
            {s(lang, 'markOwnEntriesHelp')}
          </p>
          <fieldset class="gp-fieldset">
            <legend>{s(lang, 'disabledSites')}</legend>
            {settings.disabledSites.length === 0 ? (
              <p class="gp-empty">{s(lang, 'noDisabledSites')}</p>
            ) : (
              <ul class="gp-sites">
                {settings.disabledSites.map((host) => (
                  <li key={host} data-site={host}>
                    <span>{host}</span>
                    <button
                      type="button"
                      class="gp-button gp-button--quiet"
                      aria-label={s(lang, 'removeSite', { site: host })}
                      onClick={() =>
                        change((c) => ({
                          ...c,
                          disabledSites: c.disabledSites.filter((h) => h !== host),
                        }))
                      }
                    >
                      {s(lang, 'remove')}
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <form
              class="gp-row"
              onSubmit={(e) => {
                e.preventDefault();
                const host = normalizeHostname(site);
                if (!host) {
                  setSiteError(s(lang, 'invalidSite', { site }));
                  return;
                }
                setSiteError('');
                setSite('');
                change((c) => ({ ...c, disabledSites: [...c.disabledSites, host] }));
              }}
            >
              <input
                class="gp-input"
                name="site"
                value={site}
                aria-label={s(lang, 'siteLabel')}
                placeholder={s(lang, 'siteLabel')}
                aria-invalid={siteError ? 'true' : undefined}
                aria-describedby={siteError ? 'site-error' : undefined}
                onInput={(e) => setSite((e.target as HTMLInputElement).value)}
              />
              <button type="submit" class="gp-button">
                {s(lang, 'addSite')}
              </button>
            </form>
            {siteError && (
              <p id="site-error" class="gp-error">
                {siteError}
              </p>
            )}
          </fieldset>
        </div>
      </div>
    </section>
  );
}

function Radios<T extends string>({
  name,
  legend,
  value,
  options,
  onChange,
}: {
  name: string;
  legend: string;
  value: T;
  options: [T, StringKey][];
  onChange(value: T): void;
}) {
  const { lang } = usePage();
  return (
    <fieldset class="gp-fieldset">
      <legend>{legend}</legend>
      <div class="gp-checks">
        {options.map(([option, key]) => (
          <label key={option} class="gp-check">
            <input
              type="radio"
              name={name}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {s(lang, key)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
