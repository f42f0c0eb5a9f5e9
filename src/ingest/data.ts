/**
 * Loads the ingest knowledge tables from `data/ingest/` (read once at module load).
 */
import { loadDataJson } from "../model/data.js";

/** LanguageConverter knowledge: variants, fallbacks, variant names and flags. */
export interface ConverterTable {
  variants: string[];
  fallbacks: { cn: string[]; tw: string[] };
  variantOf: Record<string, "cn" | "tw">;
  names: Record<string, string>;
  flags: string[];
}

/** Wiki namespace prefixes, hosts and interlanguage codes. */
export interface NamespaceTable {
  file: string[];
  category: string[];
  zhHosts: string[];
  zhPathPrefixes: string[];
  languages: string[];
}

function load<T>(name: string): T {
  return loadDataJson<T>(`ingest/${name}`);
}

/** The converter table (`data/ingest/converter.json`). */
export const CONVERTER: ConverterTable = load<ConverterTable>("converter.json");
/** The namespace table (`data/ingest/namespaces.json`). */
export const NAMESPACES: NamespaceTable = load<NamespaceTable>("namespaces.json");
