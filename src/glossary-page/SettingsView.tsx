import { useState } from 'preact/hooks';
import { KINDS, type Kind, type Localized } from '../glossary/types';
import {
  CHOICE_NAMES,
  CHOICE_SETTINGS,
  FLAG_NAMES,
  HOVER_DELAY_RANGE,
  normalizeHostname,
  updateSettings,
  type ChoiceName,
  type ChoiceSetting,
  type FlagName,
  type Settings,
} from '../settings/settings';
import type { ManagedSettings, SettingName } from '../settings/managed-settings';
import { CHOICE_LABELS, FLAG_LABELS } from '../settings/setting-labels';
import { kindPlural } from '../i18n/format';
import { usePage } from './page-context';
import { s } from '../i18n/page-strings';

/** `#/settings`: every setting, stored as soon as it changes (open tabs follow). */
export function SettingsView() {
  const { lang, settings, managed } = usePage();
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
          {choicesIn('marks').map((name) => (
            <ChoiceControl key={name} name={name} settings={settings} change={change} />
          ))}
          <fieldset class="gp-fieldset" {...lockedProps('kinds', managed)}>
            <legend>{s(lang, 'kindsToMark')}</legend>
            <LockedNote name="kinds" />
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
            <LockedNote name="hoverDelayMs" />
            <span class="gp-row">
              <input
                type="range"
                {...lockedProps('hoverDelayMs', managed)}
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
          {choicesIn('reading').map((name) => (
            <ChoiceControl key={name} name={name} settings={settings} change={change} />
          ))}
          {FLAG_NAMES.map((name) => (
            <FlagControl key={name} name={name} settings={settings} change={change} />
          ))}
          <fieldset class="gp-fieldset">
            <legend>{s(lang, 'disabledSites')}</legend>
            {settings.disabledSites.length === 0 ? (
              <p class="gp-empty">{s(lang, 'noDisabledSites')}</p>
            ) : (
              <ul class="gp-sites">
                {settings.disabledSites.map((host) => (
                  <li key={host} data-site={host}>
                    <span>{host}</span>
                    {managed.disabledSites.includes(host) ? (
                      <span class="gp-locked" data-locked="true">
                        {s(lang, 'setByOrganisation')}
                      </span>
                    ) : (
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
                    )}
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

type Change = (update: (current: Settings) => Settings) => void;

const choicesIn = (panel: ChoiceSetting['panel']): ChoiceName[] =>
  CHOICE_NAMES.filter((name) => CHOICE_SETTINGS[name].panel === panel);

/** A choice setting, as radio buttons or a menu (CHOICE_SETTINGS). */
function ChoiceControl({
  name,
  settings,
  change,
}: {
  name: ChoiceName;
  settings: Settings;
  change: Change;
}) {
  const { lang, managed } = usePage();
  const setting: ChoiceSetting = CHOICE_SETTINGS[name];
  const locked = lockedProps(name, managed);
  const labels = CHOICE_LABELS[name] as { label: Localized; choices: Record<string, Localized> };
  const value: string = settings[name];
  const set = (choice: string) => change((c) => ({ ...c, [name]: choice }));
  const options = setting.choices.map((choice) => [choice, labels.choices[choice]!] as const);
  if (setting.control === 'select') {
    return (
      <label class="gp-field">
        <span class="gp-field__label">{labels.label[lang]}</span>
        <LockedNote name={name} />
        <select
          class="gp-input"
          {...locked}
          name={name}
          value={value}
          onChange={(e) => set((e.target as HTMLSelectElement).value)}
        >
          {options.map(([choice, label]) => (
            <option key={choice} value={choice}>
              {label[lang]}
            </option>
          ))}
        </select>
      </label>
    );
  }
  return (
    <fieldset class="gp-fieldset" {...locked}>
      <legend>{labels.label[lang]}</legend>
      <LockedNote name={name} />
      <div class="gp-checks">
        {options.map(([choice, label]) => (
          <label key={choice} class="gp-check">
            <input
              type="radio"
              name={name}
              value={choice}
              checked={value === choice}
              onChange={() => set(choice)}
            />
            {label[lang]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** An on/off setting, with its explanation when it has one (FLAG_SETTINGS). */
function FlagControl({
  name,
  settings,
  change,
}: {
  name: FlagName;
  settings: Settings;
  change: Change;
}) {
  const { lang, managed } = usePage();
  const setting: { label: Localized; help?: Localized } = FLAG_LABELS[name];
  const helpId = `${name}-help`;
  return (
    <>
      <label class="gp-check">
        <input
          type="checkbox"
          {...lockedProps(name, managed)}
          name={name}
          checked={settings[name]}
          aria-describedby={setting.help ? helpId : undefined}
          onChange={(e) => {
            const on = (e.target as HTMLInputElement).checked;
            change((c) => ({ ...c, [name]: on }));
          }}
        />
        {setting.label[lang]}
      </label>
      <LockedNote name={name} />
      {setting.help && (
        <p id={helpId} class="gp-help">
          {setting.help[lang]}
        </p>
      )}
    </>
  );
}

/** A control the organisation locked: disabled, and marked for tests and styles. */
function lockedProps(name: SettingName, managed: ManagedSettings) {
  return name in managed.locked ? { disabled: true, 'data-locked': 'true' } : {};
}

/** "Set by your organisation", under a locked setting's label. */
function LockedNote({ name }: { name: SettingName }) {
  const { lang, managed } = usePage();
  if (!(name in managed.locked)) return null;
  return <span class="gp-locked">{s(lang, 'setByOrganisation')}</span>;
}
