/** Escapes LIKE's wildcards so that what people type is searched literally. */
export const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
