/** Values quoted back in messages: short, so a huge input cannot flood the sidebar. */

/** A value as quoted back in a message: at most 40 characters, so a huge input cannot flood the sidebar. */
export function shown(value: unknown): string {
  return `"${clip(value)}"`;
}

/** A value as text of at most 40 characters (cut with an ellipsis). */
export function clip(value: unknown): string {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
