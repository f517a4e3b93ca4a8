import type { Glossary } from '../glossary/types';
import { ROOT_ENTRY, type Problem } from '../glossary/validate';
import { saveUserData } from './store';
import type { UserData } from './types';
import { mergeImport, parseImportFile } from './validate-user-data';

/**
 * Imports the text of a file into the stored user data: validated whole, merged with
 * `current`, validated again, then stored. Any problem refuses the whole import and
 * leaves the store as it was. Returns the problems and the number of entries imported.
 */
export async function importUserDataFile(
  text: string,
  current: UserData,
  bundled: Glossary,
): Promise<{ problems: Problem[]; imported: number }> {
  try {
    const parsed = parseImportFile(text, bundled);
    if (!parsed.data) return { problems: parsed.problems, imported: 0 };
    const merged = mergeImport(current, parsed.data, bundled);
    if (!merged.data) return { problems: merged.problems, imported: 0 };
    const problems = await saveUserData(merged.data, bundled);
    return { problems, imported: problems.length === 0 ? parsed.data.entries.length : 0 };
  } catch (error) {
    // Anything unforeseen (the browser's storage quota, an engine limit) refuses the import
    // with its reason; the stored data is as it was, since it is written in one call.
    const reason = error instanceof Error ? error.message : String(error);
    return {
      problems: [{ entry: ROOT_ENTRY, path: '', message: `the import failed: ${reason}` }],
      imported: 0,
    };
  }
}
