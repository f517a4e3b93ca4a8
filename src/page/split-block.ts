/**
 * Huge blocks (one big text node, a page without block elements) cut into pieces the
 * annotator can match one at a time without a long task.
 */
import type { TextBlock } from './collect-text';

/**
 * Blocks longer than this (one huge text node, a page without block elements) are
 * matched in pieces, so that no single match call blocks the main thread.
 */
export const PIECE_CHARS = 32_000;
/** Characters each piece reads beyond its edges (longer than any alias), see `splitBlock`. */
const PIECE_OVERLAP = 256;
/** A block to match; `keep` limits the mentions taken from it to starts in [from, to). */
export type ScanBlock = TextBlock & { keep?: [number, number] };

/**
 * Cuts a huge block into pieces of PIECE_CHARS, each read with PIECE_OVERLAP characters
 * of its neighbours on both sides (so a name across a cut is seen whole, with its
 * boundaries) and keeping only the mentions that start inside the piece itself.
 */
export function splitBlock(block: TextBlock): ScanBlock[] {
  const { text } = block;
  if (text.length <= PIECE_CHARS) return [block];
  const pieces: ScanBlock[] = [];
  for (let start = 0; start < text.length; start += PIECE_CHARS) {
    const from = Math.max(0, start - PIECE_OVERLAP);
    const to = Math.min(text.length, start + PIECE_CHARS + PIECE_OVERLAP);
    const segments = block.segments
      .filter((s) => s.start < to && s.start + s.length > from)
      .map((s) => ({ ...s, start: s.start - from }));
    pieces.push({
      text: text.slice(from, to),
      lang: block.lang,
      segments,
      keep: [start - from, Math.min(text.length, start + PIECE_CHARS) - from],
    });
  }
  return pieces;
}
