/** Article links in Discord messages: only web addresses, never markup that breaks out of a link. */

/** Longest link kept; longer ones would eat the message's character budget. */
const MAX_LINK = 500;

/**
 * The url as a link Discord can show (embed url or `[title](url)`), or null when it is not a
 * plain http(s) address. Parentheses are percent-encoded so a markdown link cannot end early.
 *
 * @example
 * safeLink('https://example.com/a_(b)') // 'https://example.com/a_%28b%29'
 * safeLink('javascript:alert(1)') // null
 */
export function safeLink(url: string | null | undefined, max = MAX_LINK): string | null {
  if (!url || !/^https?:\/\/[^\s<>"`]+$/i.test(url)) return null;
  const link = url.replace(/\(/g, '%28').replace(/\)/g, '%29');
  return link.length <= max ? link : null;
}
