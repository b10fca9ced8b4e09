import Papa from "papaparse";
import type { RowError } from "~/domain/team-csv";

/**
 * CSV text ⇄ rows, with papaparse. What the rows mean is app/domain/team-csv.ts.
 *
 * Files are written the way spreadsheets read them best: UTF-8 with a byte
 * order mark (Excel then shows Chinese correctly), CRLF line ends, and cells
 * that a spreadsheet would run as a formula prefixed with an apostrophe.
 * Reading undoes each of these, so a file that was exported imports unchanged.
 */

export const BYTE_ORDER_MARK = "\uFEFF";

/**
 * A cell that starts like a formula (=, +, -, @, tab, CR), possibly behind
 * apostrophes: an apostrophe is put in front when writing, and one taken off
 * when reading, so "=1", "'=1" and "-" all come back as they were.
 */
const FORMULA_ESCAPED = /^'+[=+\-@\t\r]/;
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

/** Decodes an uploaded file: UTF-8 (with or without BOM), else GB18030, which Excel uses for "CSV" in a Chinese locale; null when it is neither. */
export function decodeCsvBytes(bytes: Uint8Array): string | null {
  for (const encoding of ["utf-8", "gb18030"]) {
    try {
      return stripBom(new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes));
    } catch {
      // not this encoding: try the next
    }
  }
  return null;
}

function stripBom(text: string): string {
  return text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
}

/**
 * The separator of the header line: a comma, or a semicolon (Excel's in many
 * European locales) or a tab (what a spreadsheet copies to the clipboard).
 * The column names contain none of them, so the most frequent one wins.
 */
function separatorOf(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/, 1)[0] ?? "";
  const count = (separator: string) => firstLine.split(separator).length - 1;
  return [",", ";", "\t"].reduce((best, candidate) => (count(candidate) > count(best) ? candidate : best), ",");
}

export interface ParsedCsv {
  /** every record, the header first; a blank line is a record of one empty cell */
  records: string[][];
  /** quoting problems: the import refuses the file and names the rows */
  errors: RowError[];
}

/** The records of a CSV text; blank lines are kept so that record n is the spreadsheet's row n + 1. */
export function parseCsv(text: string): ParsedCsv {
  const source = stripBom(text);
  const result = Papa.parse<string[]>(source, { delimiter: separatorOf(source), skipEmptyLines: false });
  const errors: RowError[] = [];
  const seen = new Set<string>();
  for (const error of result.errors) {
    if (error.type !== "Quotes" || error.row === undefined) continue;
    const code = error.code === "MissingQuotes" ? "csv_unclosed_quote" : "csv_bad_quote";
    const key = `${error.row}:${code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ row: error.row + 1, column: "", value: "", code });
  }
  const records = result.data.map((record) =>
    record.map((cell) => (FORMULA_ESCAPED.test(cell) ? cell.slice(1) : cell)),
  );
  // a final line break makes a last record of one empty cell: not a row of the file
  const last = records.at(-1);
  if (last && last.length === 1 && last[0] === "" && /[\r\n]$/.test(source)) records.pop();
  return { records, errors };
}

/** A CSV file's text: the byte order mark, the header, the rows. */
export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  // header and rows as plain records: with `fields`, papaparse would cut longer rows to the header's width
  const body = Papa.unparse([[...header], ...rows.map((row) => [...row])], {
    escapeFormulae: FORMULA_LIKE,
    newline: "\r\n",
    quotes: false,
  });
  return `${BYTE_ORDER_MARK}${body}\r\n`;
}

/**
 * A CSV file to download: an attachment with its (ASCII) file name, never
 * cached, since it may hold the team's personal data.
 */
export function csvDownload(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  filename: string,
): Response {
  return new Response(toCsv(header, rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
