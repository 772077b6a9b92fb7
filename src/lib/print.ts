/**
 * The print page of a notice: its full text with every attachment table, one page to print or save as PDF.
 * (A public URL beside the notice's own: /notices/{slug}/print/.)
 */
export const printPath = (slug: string) => `/notices/${slug}/print/`;

/** Row ids of attachment N on the print page: a1-row-3, so the tables' rows stay unique on one page. */
export const printRowPrefix = (n: number) => `a${n}-`;

/** The id of attachment N's section on the print page. */
export const printAttachmentId = (n: number) => `attachment-${n}`;
