/**
 * The reader's data in `storage.local`, under one versioned item. A stored value that
 * fails validation is never dropped: it is moved to `local:userDataKeptAside` with the
 * problems found and the date, the main item starts empty, and the glossary page shows a
 * banner until the reader downloads or discards the kept copy.
 */
import { storage } from 'wxt/utils/storage';
import { bundledGlossary } from '../glossary/bundled';
import type { Problem } from '../glossary/validate';
import type { Glossary } from '../glossary/types';
import { userDataItem } from './stored-item';
import { emptyUserData, USER_DATA_VERSION, type UserData } from './types';
import { validateUserData } from './validate-user-data';

export { userDataItem } from './stored-item';

/** A stored value that could not be read, kept for the reader. */
export interface KeptAside {
  /** ISO time it was set aside. */
  at: string;
  /** The stored value exactly as it was. */
  value: unknown;
  problems: Problem[];
}

export const keptAsideItem = storage.defineItem<KeptAside | null>('local:userDataKeptAside', {
  fallback: null,
});

function toFileShape(value: UserData): Record<string, unknown> {
  return { version: USER_DATA_VERSION, ...value };
}

/** The stored data if it is valid; empty data (and the problems) otherwise. Never writes. */
export async function readUserData(
  bundled: Glossary = bundledGlossary(),
): Promise<{ data: UserData; problems: Problem[] }> {
  const raw = await userDataItem.getValue();
  if (raw === null || raw === undefined) return { data: emptyUserData(), problems: [] };
  const result = validateUserData(
    typeof raw === 'object' && !Array.isArray(raw) ? toFileShape(raw) : raw,
    bundled,
  );
  return result.data
    ? { data: result.data, problems: [] }
    : { data: emptyUserData(), problems: result.problems };
}

/**
 * Reads the stored data; when it fails validation, keeps it aside (without overwriting an
 * earlier kept copy's value), empties the main item and returns `corrupted: true`.
 */
export async function loadUserData(
  bundled: Glossary = bundledGlossary(),
): Promise<{ data: UserData; corrupted: boolean }> {
  const { data, problems } = await readUserData(bundled);
  if (problems.length === 0) return { data, corrupted: false };
  const value: unknown = await userDataItem.getValue();
  const earlier = await keptAsideItem.getValue();
  // Two corruptions in a row: keep both values rather than lose the first.
  const kept: KeptAside = earlier
    ? { at: new Date().toISOString(), value: [earlier.value, value], problems }
    : { at: new Date().toISOString(), value, problems };
  await keptAsideItem.setValue(kept);
  await userDataItem.setValue(emptyUserData());
  return { data: emptyUserData(), corrupted: true };
}

/** Validates and stores `data`; returns the problems and stores nothing if there are any. */
export async function saveUserData(
  data: UserData,
  bundled: Glossary = bundledGlossary(),
): Promise<Problem[]> {
  const result = validateUserData(toFileShape(data), bundled);
  if (!result.data) return result.problems;
  await userDataItem.setValue(result.data);
  return [];
}

/** Calls `onChange` with valid data whenever the stored data changes; returns the unwatch function. */
export function watchUserData(
  onChange: (data: UserData) => void,
  bundled: Glossary = bundledGlossary(),
): () => void {
  return userDataItem.watch((raw) => {
    if (raw === null || raw === undefined) return onChange(emptyUserData());
    const result = validateUserData(toFileShape(raw), bundled);
    if (result.data) onChange(result.data);
  });
}
