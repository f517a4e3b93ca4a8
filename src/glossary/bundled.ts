/**
 * The glossary shipped with the extension. The build validates data/glossary.json
 * (wxt.config.ts) before bundling it, so here it is trusted as a `Glossary`.
 */
import data from '../../data/glossary.json';
import type { Glossary } from './types';

export const bundledGlossary: Glossary = data as Glossary;
