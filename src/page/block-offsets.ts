/**
 * From offsets in a block's text (collect-text.ts) back to the DOM, and the document text
 * the scripts and tests read: blocks joined by a blank line.
 */
import type { TextBlock, TextSegment } from './collect-text';

/** Where a mention starts and ends in the DOM (the fields of a StaticRange). */
export interface RangeEndpoints {
  startContainer: Text;
  startOffset: number;
  endContainer: Text;
  endOffset: number;
}

/** Separator between blocks in `documentText`. */
export const BLOCK_SEPARATOR = '\n\n';

/** The extracted text of a document: its blocks' texts joined with a blank line. */
export function documentText(blocks: readonly Pick<TextBlock, 'text'>[]): string {
  return blocks.map((block) => block.text).join(BLOCK_SEPARATOR);
}

/** The offset of each block's first character in `documentText(blocks)`. */
export function blockOffsets(blocks: readonly Pick<TextBlock, 'text'>[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const block of blocks) {
    offsets.push(offset);
    offset += block.text.length + BLOCK_SEPARATOR.length;
  }
  return offsets;
}

/**
 * Maps a [start, end) range of a block's text to DOM endpoints. A range may span
 * several Text nodes (`Trainium <em>2</em>`). A start at a node's end moves to the next
 * node's start, an end at a node's start moves to the previous node's end.
 */
export function toRangeEndpoints(block: TextBlock, start: number, end: number): RangeEndpoints {
  const { segments } = block;
  if (segments.length === 0) throw new RangeError('The block has no text');
  const clampedStart = Math.max(0, Math.min(start, block.text.length));
  const clampedEnd = Math.max(clampedStart, Math.min(end, block.text.length));
  const first = segments[segmentAt(segments, clampedStart, false)]!;
  const last = segments[segmentAt(segments, clampedEnd, true)]!;
  return {
    startContainer: first.node,
    startOffset: clampedStart - first.start,
    endContainer: last.node,
    endOffset: clampedEnd - last.start,
  };
}

/** The Text nodes of a block's text in [start, end), found by binary search. */
export function nodesBetween(block: TextBlock, start: number, end: number): Text[] {
  const { segments } = block;
  if (segments.length === 0) return [];
  const from = segmentAt(segments, Math.max(0, start), false);
  const to = segmentAt(segments, Math.max(start + 1, end), true);
  const nodes: Text[] = [];
  for (let i = from; i <= to; i++) if (segments[i]!.length > 0) nodes.push(segments[i]!.node);
  return nodes;
}

/** The index of the segment holding `offset`: the last one starting at or before it (before it for an end). */
function segmentAt(segments: TextSegment[], offset: number, isEnd: boolean): number {
  let low = 0;
  let high = segments.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    const s = segments[mid]!.start;
    if (isEnd ? s < offset : s <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}
