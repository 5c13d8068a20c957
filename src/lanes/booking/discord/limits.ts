/** Discord's component limits (message components v1), named once. */

/** Buttons in one action row. */
export const BUTTONS_PER_ROW = 5;
/** Action rows in one message. */
export const ROWS_PER_MESSAGE = 5;
/** Options in one select menu, and choices in one autocomplete answer. */
export const MENU_OPTIONS = 25;
/** Characters of a button label, a select option's label or description. */
export const LABEL_CHARS = 80;
/** Characters of an embed field value. */
export const FIELD_CHARS = 1024;
/** Characters of a message. */
export const MESSAGE_CHARS = 2000;

/** Cuts text to a limit, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
