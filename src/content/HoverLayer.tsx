import { autoUpdate, computePosition, flip, offset, shift, size } from '@floating-ui/dom';
import { useEffect, useLayoutEffect, useRef } from 'preact/hooks';
import type { GlossaryIndex } from '../glossary/glossary-index';
import type { Lang } from '../glossary/types';
import type { PackOrigin } from '../packs/apply-packs';
import { Card } from '../ui/Card';
import { t } from '../i18n/ui-strings';

export interface HoverLayerProps {
  index: GlossaryIndex;
  /** The reader's note on the entry shown, if any. */
  note: string | undefined;
  userIds: ReadonlySet<string>;
  origins: ReadonlyMap<string, PackOrigin>;
  lang: Lang;
  dark: boolean;
  /** The entry shown, and the ones the reader came from (related links). */
  stack: string[];
  /** The viewport rectangle the card is placed next to. */
  anchor: () => DOMRect | undefined;
  pinned: boolean;
  /** Move keyboard focus into the card when it opens (keyboard navigation). */
  focus: boolean;
  onOpenInGlossary: (id: string) => void;
  onOpenEntry: (id: string) => void;
  onBack: () => void;
  onTogglePin: () => void;
  onClose: () => void;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}

/** The in-page card: a labelled dialog placed next to its mention with floating-ui. */
export function HoverLayer(props: HoverLayerProps) {
  const ref = useRef<HTMLDivElement>(null);
  const id = props.stack[props.stack.length - 1];
  const entry = id ? props.index.byId.get(id) : undefined;

  useLayoutEffect(() => {
    const card = ref.current;
    if (!card || !entry) return;
    const reference = {
      getBoundingClientRect: () => props.anchor() ?? new DOMRect(-1000, -1000, 0, 0),
    };
    const place = () =>
      void computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          flip({ padding: 8 }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply({ availableHeight }) {
              card.style.maxHeight = `${Math.max(160, Math.min(560, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
      });
    return autoUpdate(reference, card, place, { elementResize: true, animationFrame: false });
  }, [entry, props.anchor]);

  useEffect(() => {
    if (props.focus) ref.current?.focus({ preventScroll: true });
  }, [entry, props.focus]);

  if (!entry) return null;
  const headingId = `sl-card-title-${entry.id}`;
  return (
    <div class={`sl-root${props.dark ? ' sl-dark' : ''}`}>
      <div
        ref={ref}
        class="sl-popover"
        role="dialog"
        aria-modal="false"
        aria-labelledby={headingId}
        tabIndex={-1}
        onPointerEnter={props.onPointerEnter}
        onPointerLeave={props.onPointerLeave}
      >
        <Card
          entry={entry}
          index={props.index}
          lang={props.lang}
          compact
          note={props.note}
          userEntry={props.userIds.has(entry.id)}
          origin={props.origins.get(entry.id)}
          headingId={headingId}
          onOpenInGlossary={props.onOpenInGlossary}
          onOpenEntry={props.onOpenEntry}
          onBack={props.stack.length > 1 ? props.onBack : undefined}
          pinned={props.pinned}
          onTogglePin={props.onTogglePin}
          onClose={props.onClose}
        />
      </div>
      <p class="sl-visually-hidden" aria-live="polite">
        {t(props.lang, 'cardLabel', { name: entry.name[props.lang] })}
      </p>
    </div>
  );
}
