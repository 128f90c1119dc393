/**
 * What each file format is called and how its files are named, without its readers or writers:
 * the file picker's `accept` and the guess of a file's format by its name need only this, so the
 * page loads no reader before a user opens a file. src/io/formats.ts adds the readers and writers.
 */
export type FormatId = 'json' | 'csv' | 'gexf' | 'graphml';

export interface FormatKind {
  id: FormatId;
  /** As people call it: "GEXF 1.3". */
  name: string;
  /** Lower-case, without the dot; the first is what apparat writes. */
  extensions: readonly string[];
  /** The media type of one file (CSV: of one table). */
  mime: string;
}

export const KINDS: Readonly<Record<FormatId, FormatKind>> = {
  json: { id: 'json', name: 'apparat JSON', extensions: ['json'], mime: 'application/json' },
  gexf: { id: 'gexf', name: 'GEXF 1.3', extensions: ['gexf'], mime: 'application/gexf+xml' },
  graphml: { id: 'graphml', name: 'GraphML', extensions: ['graphml'], mime: 'application/graphml+xml' },
  csv: { id: 'csv', name: 'CSV tables', extensions: ['csv', 'tsv'], mime: 'text/csv' },
};

/** Formats in the order menus and messages list them. */
export const KIND_LIST: readonly FormatKind[] = [KINDS.gexf, KINDS.graphml, KINDS.csv, KINDS.json];

/** The format a file name says, by its extension; `zip` for an archive of such files. */
export function formatOf(name: string): FormatId | 'zip' | 'unknown' {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'zip') return 'zip';
  return KIND_LIST.find((f) => ext !== undefined && f.extensions.includes(ext))?.id ?? 'unknown';
}

/** A file picker's `accept`: every extension apparat reads, archives too, and their media types. */
export const ACCEPT = [...KIND_LIST.flatMap((f) => f.extensions.map((e) => `.${e}`)), '.zip', ...new Set(KIND_LIST.map((f) => f.mime)), 'application/zip'].join(',');

/** What apparat reads, in words, for a message about a file it does not. */
export const READABLE = `apparat reads .json (a graph or a story), ${[KINDS.csv, KINDS.gexf, KINDS.graphml].map((f) => f.extensions.map((e) => `.${e}`).join('/')).join(', ')} files, and .zip archives of them`;
