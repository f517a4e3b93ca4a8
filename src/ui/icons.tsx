/** Small inline icons (no emoji: not every system has an emoji font). */
const common = {
  width: 16,
  height: 16,
  viewBox: '0 0 16 16',
  fill: 'none',
  stroke: 'currentColor',
  'stroke-width': 1.6,
  'stroke-linecap': 'round' as const,
  'stroke-linejoin': 'round' as const,
  'aria-hidden': 'true' as const,
  focusable: 'false' as const,
};

export function PinIcon({ filled }: { filled: boolean }) {
  return (
    <svg {...common}>
      <path d="M6 2h4l-.5 4 2.5 2.5H4L6.5 6z" fill={filled ? 'currentColor' : 'none'} />
      <path d="M8 8.5V14" />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg {...common}>
      <path d="M4 4l8 8M12 4l-8 8" />
    </svg>
  );
}

export function BackIcon() {
  return (
    <svg {...common}>
      <path d="M10 3L5 8l5 5" />
    </svg>
  );
}
