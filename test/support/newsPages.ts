/**
 * Small news-like pages written for the tests (never text from real sites): an article wrapped in
 * navigation, ads, share buttons, related links and a newsletter box, with JSON-LD and meta tags.
 */

export const STORY = [
  'The Harbor Street bridge will close for eight weeks from Monday while crews replace its corroded steel deck, the city’s transport department said on Thursday.',
  '“We have patched this deck for a decade, and it cannot be patched again,” said Maria Okafor, the department’s chief engineer. “Replacing it now is cheaper than waiting for it to fail.”',
  'About 14,000 vehicles cross the bridge each day. Buses on routes 4 and 12 will be diverted over the Mill Road crossing, adding roughly ten minutes to a typical trip, according to the transit authority.',
  'Shop owners on the east bank said they feared losing customers. “Half my trade walks over that bridge,” said Tomas Reyes, who runs a bakery near the river. He said the city had promised signs pointing shoppers to a temporary footbridge.',
  'The council approved the $9.3 million contract in March after a review found that rust had thinned some deck plates to less than half their original thickness.',
  'Okafor said the work would run around the clock on weekdays and that the bridge could reopen earlier if the weather held.',
];

export const TITLE = 'Harbor Street bridge to close for eight weeks of repairs';

const nav = `<header class="site-header"><nav class="main-nav"><ul>
  <li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li>
  <li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
  <div class="ad ad-banner">Advertisement</div></header>`;

const share = `<div class="share-tools"><a href="https://social.example/share">Share</a>
  <a href="https://social.example/tweet">Tweet</a><a href="mailto:?subject=x">Email</a></div>`;

const footer = `<aside class="related"><h3>Related stories</h3><ul>
  <li><a href="/news/ferry">Ferry timetable changes this winter</a></li>
  <li><a href="/news/parking">Council votes on parking fees</a></li>
  <li><a href="/news/rail">Rail line reopens after landslip</a></li></ul></aside>
  <footer><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>
  <li><a href="/privacy">Privacy</a></li></ul><p>© 2026 The Riverside Gazette. All rights reserved.</p></footer>`;

/** The full article page. */
export function newsPage(options: { jsonLd?: boolean; story?: string[] } = {}): string {
  const story = options.story ?? STORY;
  const ld = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: TITLE,
    datePublished: '2026-11-26T09:30:00Z',
    author: [
      { '@type': 'Person', name: 'Jane Whitfield' },
      { '@type': 'Person', name: 'Omar Haddad' },
    ],
    publisher: { '@type': 'Organization', name: 'The Riverside Gazette' },
  };
  const paragraphs = story.map((p) => `<p>${p}</p>`);
  paragraphs.splice(
    2,
    0,
    '<p><strong>Related:</strong> <a href="/news/ferry">Ferry timetable changes this winter</a></p>',
  );
  paragraphs.splice(
    4,
    0,
    '<div class="newsletter"><p>Sign up for our newsletter to get the day’s top stories in your inbox.</p><button>Subscribe</button></div>',
  );
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
  <title>${TITLE} | The Riverside Gazette</title>
  <meta property="og:title" content="${TITLE}">
  <meta property="og:site_name" content="The Riverside Gazette">
  <meta name="author" content="Jane Whitfield">
  <link rel="canonical" href="https://gazette.example/news/2026/11/26/harbor-street-bridge">
  ${options.jsonLd === false ? '' : `<script type="application/ld+json">${JSON.stringify(ld)}</script>`}
  <script>window.ads = [];</script><style>.ad{color:red}</style></head>
  <body>${nav}<main><article>
  <h1>${TITLE}</h1>
  <p class="byline">By <a href="/staff/jw">Jane Whitfield</a> and <a href="/staff/oh">Omar Haddad</a></p>
  <time datetime="2026-11-26T09:30:00Z">November 26, 2026</time>
  ${share}
  <figure><img src="/img/bridge.jpg" alt="The bridge"><figcaption>Rust on the underside of the Harbor Street bridge deck.</figcaption></figure>
  ${paragraphs.join('\n')}
  <div class="ad ad-inline">Advertisement</div>
  ${share}
  </article></main>${footer}</body></html>`;
}

/** A sign-in page: no article. */
export const LOGIN_PAGE = `<!DOCTYPE html><html><head><title>Sign in</title></head><body>${nav}
  <main><h1>Sign in</h1><form><p>Please sign in to continue reading.</p>
  <input name="user"><input type="password" name="pw"><button>Sign in</button></form></main></body></html>`;

/** Markup nested `depth` elements deep (never closed) around a real article. */
export function deepPage(depth: number): string {
  return `<!DOCTYPE html><html><head><title>Deep</title></head><body>${'<div><span>'.repeat(depth / 2)}${STORY.map((p) => `<p>${p}</p>`).join('')}</body></html>`;
}
