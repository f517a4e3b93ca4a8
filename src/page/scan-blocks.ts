import type { FindOptions, Matcher, Mention, ScanResult } from '../glossary/matcher';
import { foldCue, hasComplexCue, hasCue, wordRuns, type CueSet } from '../glossary/normalise';
import type { TextBlock } from './collect-text';
import { blockOffsets } from './block-offsets';

/** What scanning needs of a block: its text and language. */
export type ScannableBlock = Pick<TextBlock, 'text' | 'lang'>;

/** Options of `scanBlocks`. */
export interface ScanBlocksOptions {
  /**
   * How many characters of the neighbouring blocks, on each side, count as the context
   * of an ambiguous alias (~40 words). Default 300.
   */
  windowChars?: number;
}

/** A mention in the extracted text of a whole document. */
export interface DocumentMention extends Mention {
  /** Index of the block; `start`/`end` index `documentText(blocks)`. */
  block: number;
}

/**
 * The mentions of a list of blocks, block by block and in any order, each block matched
 * once: context cues of ambiguous aliases are looked for in the block and in about
 * `windowChars` characters of the neighbouring blocks; a mention of a related entry in
 * that window also counts as a cue when it stands on its own (see `ScanResult.anchors`).
 * The annotator asks for a few blocks at a time, between which it gives the main thread
 * back; neighbours matched for one block's context are not matched again for their own.
 */
export class BlockScanner {
  readonly #matcher: Matcher;
  readonly #blocks: readonly ScannableBlock[];
  readonly #window: number;
  readonly #results: (ScanResult | undefined)[];
  /** One options object for every block (`scan` calls its functions synchronously). */
  readonly #options: FindOptions;
  #current = 0;

  constructor(
    matcher: Matcher,
    blocks: readonly ScannableBlock[],
    options: ScanBlocksOptions = {},
  ) {
    const window = options.windowChars ?? 300;
    this.#matcher = matcher;
    this.#blocks = blocks;
    this.#window = window;
    this.#results = new Array<ScanResult | undefined>(blocks.length);
    this.#options = {
      lang: null,
      contextText: () => neighbourText(blocks, this.#current, window),
      contextHasCue: matcher.foldedCues
        ? (cues) => neighbourHasCue(matcher, blocks, this.#current, window, cues)
        : undefined,
    };
  }

  /** The mentions of block `index`, with offsets into its text. */
  mentions(index: number): Mention[] {
    const result = this.#result(index);
    if (result.pending.length === 0) return result.mentions;
    const nearby = new Set<string>();
    for (const i of neighbourIndices(this.#blocks, index, this.#window)) {
      for (const id of this.#result(i).anchors) nearby.add(id);
    }
    const accepted = result.pending.filter((pending) => {
      for (const id of nearby) if (this.#matcher.isRelated(id, pending.id)) return true;
      return false;
    });
    if (accepted.length === 0) return result.mentions;
    return [...result.mentions, ...accepted].sort((a, b) => a.start - b.start);
  }

  #result(index: number): ScanResult {
    let result = this.#results[index];
    if (result === undefined) {
      const block = this.#blocks[index]!;
      this.#current = index;
      this.#options.lang = block.lang;
      result = this.#results[index] = this.#matcher.scan(block.text, this.#options);
    }
    return result;
  }
}

/** The mentions of every block, with block-relative offsets (one array per block). */
export function scanBlocks(
  matcher: Matcher,
  blocks: readonly ScannableBlock[],
  options: ScanBlocksOptions = {},
): Mention[][] {
  const scanner = new BlockScanner(matcher, blocks, options);
  return blocks.map((_, index) => scanner.mentions(index));
}

/** `scanBlocks` with offsets into `documentText(blocks)`. */
export function scanDocument(
  matcher: Matcher,
  blocks: readonly ScannableBlock[],
  options: ScanBlocksOptions = {},
): DocumentMention[] {
  const offsets = blockOffsets(blocks);
  const out: DocumentMention[] = [];
  scanBlocks(matcher, blocks, options).forEach((mentions, block) => {
    const offset = offsets[block]!;
    for (const m of mentions) {
      out.push({ ...m, start: m.start + offset, end: m.end + offset, block });
    }
  });
  return out;
}

function neighbourIndices(
  blocks: readonly ScannableBlock[],
  index: number,
  window: number,
): number[] {
  const out: number[] = [];
  for (let i = index - 1, chars = 0; i >= 0 && chars < window; i--) {
    out.push(i);
    chars += blocks[i]!.text.length;
  }
  for (let i = index + 1, chars = 0; i < blocks.length && chars < window; i++) {
    out.push(i);
    chars += blocks[i]!.text.length;
  }
  return out;
}

/**
 * Whether the text `neighbourText` would return holds one of the cues, without building
 * it: each block is folded and searched for cue words once (`Matcher.foldedCues`), then
 * only the hits inside the window count.
 */
function neighbourHasCue(
  matcher: Matcher,
  blocks: readonly ScannableBlock[],
  index: number,
  window: number,
  cues: CueSet,
): boolean {
  const inWindow = (text: string, from: number, to: number): boolean => {
    const folded = matcher.foldedCues!(text);
    if (folded.fold.length !== text.length) {
      return hasCue({ ...cues, complex: [] }, foldCue(text.slice(from, to)));
    }
    const hits = folded.hits;
    for (let k = 0; k < hits.length; k++) {
      const hit = hits[k]!;
      if (hit.start >= from && hit.end <= to && cues.words.includes(hit.word)) return true;
    }
    return false;
  };
  for (let i = index - 1, chars = 0; i >= 0 && chars < window; i--) {
    const text = blocks[i]!.text;
    if (inWindow(text, Math.max(0, text.length - (window - chars)), text.length)) return true;
    chars += text.length;
  }
  for (let i = index + 1, chars = 0; i < blocks.length && chars < window; i++) {
    const text = blocks[i]!.text;
    if (inWindow(text, 0, Math.min(text.length, window - chars))) return true;
    chars += text.length;
  }
  // Cues of several words (or letters and digits) are looked for in the window's text
  // (built only for an alias that has such cues: most have none).
  if (cues.complex.length === 0) return false;
  const folded = foldCue(neighbourText(blocks, index, window));
  return hasComplexCue(cues, folded, wordRuns(folded));
}

function neighbourText(blocks: readonly ScannableBlock[], index: number, window: number): string {
  const before: string[] = [];
  for (let i = index - 1, chars = 0; i >= 0 && chars < window; i--) {
    const text = blocks[i]!.text;
    before.unshift(
      text.length > window - chars ? text.slice(text.length - (window - chars)) : text,
    );
    chars += text.length;
  }
  const after: string[] = [];
  for (let i = index + 1, chars = 0; i < blocks.length && chars < window; i++) {
    const text = blocks[i]!.text;
    after.push(text.length > window - chars ? text.slice(0, window - chars) : text);
    chars += text.length;
  }
  return [...before, ...after].join('\n');
}
