/*
 * Ids on a notice's print page (paths.print: its full text with every attachment table, one page to print).
 */

/** Row ids of attachment N on the print page: a1-row-3, so the tables' rows stay unique on one page. */
export const printRowPrefix = (n: number) => `a${n}-`;

/** The id of attachment N's section on the print page. */
export const printAttachmentId = (n: number) => `attachment-${n}`;
