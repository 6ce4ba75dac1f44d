import { stripPythonWhitespace } from './strip-python-whitespace.ts';

const CARRIAGE_RETURN = /\r\n?/g;
const SPACE_OR_TAB_RUN = /[ \t]+/g;

/**
 * The text rule of docs/api-contract.md §2 (system instructions, user prompt template): CRLF and lone CR
 * become LF, each run of spaces and tabs becomes one space, then Python's `strip()`. Newlines
 * inside are kept; null reads as "".
 */
export function normalizeText(text: string | null): string {
  if (text === null) return '';
  return stripPythonWhitespace(text.replace(CARRIAGE_RETURN, '\n').replace(SPACE_OR_TAB_RUN, ' '));
}
