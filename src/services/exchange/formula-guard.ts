// Spreadsheet formula injection (OWASP "CSV Injection"): a cell starting with =, +, -, @, a tab or a carriage
// return is run as a formula by a spreadsheet that opens the file (`=HYPERLINK(…)`, `+cmd|' /C calc'!A0`). CSV
// and XLSX exports prefix such text cells with a single quote, which makes the spreadsheet show it as text;
// imports of CSV and XLSX take that quote off again, so export → import gives back the original text. A text
// that already starts with quotes before such a character gets one more (and loses one on import), so every
// text survives the round trip. Numbers (-5 in a number column) are not text and are never touched; JSON is
// not opened by spreadsheets and is written and read as is.

const GUARDED = /^'*[=+\-@\t\r]/;
const WITH_GUARD = /^'+[=+\-@\t\r]/;

/** A text cell as CSV or XLSX write it: prefixed with `'` when a spreadsheet would take it for a formula. */
export function guardFormula(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** A text cell read from CSV or XLSX: the guard quote guardFormula added, taken off again. */
export function unguardFormula(text: string): string {
  return WITH_GUARD.test(text) ? text.slice(1) : text;
}
