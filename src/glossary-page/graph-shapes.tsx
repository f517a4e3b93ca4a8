import { KIND_TABLE, type KindShape } from '../glossary/kinds';
import type { Kind } from '../glossary/types';

/** SVG path of a node of `kind`, centred on 0,0, about `r` in radius: the shape tells the kind. */
export function kindPath(kind: Kind, r: number): string {
  const poly = (points: [number, number][]) =>
    `M${points.map(([x, y]) => `${round(x)},${round(y)}`).join('L')}Z`;
  const regular = (sides: number, radius: number, turn = -Math.PI / 2) =>
    poly(
      Array.from({ length: sides }, (_, i) => {
        const a = turn + (i * 2 * Math.PI) / sides;
        return [radius * Math.cos(a), radius * Math.sin(a)] as [number, number];
      }),
    );
  const circle = (radius: number) =>
    `M${-radius},0a${radius},${radius} 0 1,0 ${radius * 2},0a${radius},${radius} 0 1,0 ${-radius * 2},0Z`;
  const shape: KindShape = KIND_TABLE[kind].shape;
  if (shape === 'rounded-square') {
    const a = r * 0.85;
    const c = r * 0.3;
    return `M${-a + c},${-a}H${a - c}Q${a},${-a} ${a},${-a + c}V${a - c}Q${a},${a} ${a - c},${a}H${-a + c}Q${-a},${a} ${-a},${a - c}V${-a + c}Q${-a},${-a} ${-a + c},${-a}Z`;
  }
  if (shape === 'wide-rect')
    return `M${-r * 1.15},${-r * 0.6}H${r * 1.15}V${r * 0.6}H${-r * 1.15}Z`;
  if ('polygon' in shape) return regular(shape.polygon, r * (shape.scale ?? 1), shape.turn);
  return circle(r * shape.circle);
}

/** Whether a kind's outline is dashed (notions, not things). */
export function kindDashed(kind: Kind): boolean {
  const shape: KindShape = KIND_TABLE[kind].shape;
  return typeof shape === 'object' && 'circle' in shape && shape.dashed === true;
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A small standalone SVG of a kind's shape, for the legend. */
export function KindSwatch({ kind, color }: { kind: Kind; color: string }) {
  return (
    <svg width="18" height="18" viewBox="-10 -10 20 20" aria-hidden="true" focusable="false">
      <path d={kindPath(kind, 8)} fill={color} stroke="currentColor" stroke-width="1" />
    </svg>
  );
}
