// An accept the Ingest page refuses itself, before asking the server: the source has no publisher yet.

/** The source of the accepted records lacks its publisher. */
export class SourceMissing extends Error {}
