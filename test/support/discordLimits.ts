/**
 * Checks a message body (as sent on the wire, snake_case) against every Discord limit and the
 * mention rule. Returns the problems found; empty means the body is fine.
 */
export function messageProblems(body: unknown): string[] {
  const problems: string[] = [];
  if (!body || typeof body !== 'object') return ['body is not an object'];
  const b = body as Record<string, unknown>;
  const content = b.content;
  if (typeof content === 'string' && content.length > 2000) problems.push(`content ${content.length} > 2000`);
  const mentions = b.allowed_mentions as { parse?: unknown[] } | undefined;
  if (!mentions || !Array.isArray(mentions.parse) || mentions.parse.length !== 0) {
    problems.push(`allowed_mentions.parse is not empty: ${JSON.stringify(mentions)}`);
  }
  const embeds = (b.embeds as Record<string, unknown>[] | undefined) ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds > 10`);
  let total = 0;
  for (const e of embeds) {
    const title = String(e.title ?? '');
    const description = String(e.description ?? '');
    const footer = String((e.footer as { text?: string } | undefined)?.text ?? '');
    const author = String((e.author as { name?: string } | undefined)?.name ?? '');
    const fields = (e.fields as { name: string; value: string }[] | undefined) ?? [];
    if (title.length > 256) problems.push(`title ${title.length} > 256`);
    if (description.length > 4096) problems.push(`description ${description.length} > 4096`);
    if (footer.length > 2048) problems.push(`footer ${footer.length} > 2048`);
    if (author.length > 256) problems.push(`author ${author.length} > 256`);
    if (fields.length > 25) problems.push(`${fields.length} fields > 25`);
    for (const f of fields) {
      if (f.name.length > 256 || f.name.length === 0) problems.push(`field name length ${f.name.length}`);
      if (f.value.length > 1024 || f.value.length === 0)
        problems.push(`field value length ${f.value.length}`);
    }
    total += title.length + description.length + footer.length + author.length;
    total += fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
    for (const text of [title, description, footer, author, ...fields.flatMap((f) => [f.name, f.value])]) {
      if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)) {
        problems.push('a lone surrogate (a split emoji)');
      }
    }
  }
  if (total > 6000) problems.push(`embed text ${total} > 6000`);
  const rows =
    (b.components as { components?: { custom_id?: string; label?: string }[] }[] | undefined) ?? [];
  if (rows.length > 5) problems.push(`${rows.length} rows > 5`);
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = row.components ?? [];
    if (buttons.length > 5) problems.push(`${buttons.length} buttons > 5`);
    for (const button of buttons) {
      if ((button.custom_id?.length ?? 0) > 100) problems.push('custom_id > 100');
      if (button.custom_id && ids.has(button.custom_id)) problems.push('duplicate custom_id');
      if (button.custom_id) ids.add(button.custom_id);
      if ((button.label?.length ?? 0) > 80) problems.push('button label > 80');
    }
  }
  return problems;
}

/** The message part of a request body: interaction callbacks wrap it in `data`. */
export function messageOf(path: string, body: unknown): unknown {
  if (/\/callback$/.test(path)) return (body as { data?: unknown }).data;
  return body;
}
