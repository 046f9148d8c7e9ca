/**
 * Merges speaker mentions into one speaker per person, within and across articles: surname ↔ full
 * name, first name ↔ full name, and typo-level variants (a machine translation that spells one surname three ways), never
 * merging different people. The canonical name is the best-supported full form; the other
 * spellings become aliases.
 */

import type { Mention } from './mentions.js';
import { nameWords, sameWord, similarity } from './names.js';
import type { SpeakerEntity } from './types.js';

/** A resolved speaker mention in one article. */
export interface SpeakerMention {
  article: string;
  mention: Mention;
}

interface Cluster {
  kind: SpeakerEntity['kind'];
  article: string | null;
  /** Normal-form full names (two words or more) seen for this speaker. */
  full: Map<string, number>;
  /** Every spelling as written, with counts. */
  spellings: Map<string, number>;
  /** Surname spellings (last name word) with counts. */
  surnames: Map<string, number>;
  titles: Map<string, number>;
  members: number[];
}

const bump = (map: Map<string, number>, key: string, by = 1) => map.set(key, (map.get(key) ?? 0) + by);
const best = (map: Map<string, number>): string | null => {
  let top: string | null = null;
  let count = 0;
  for (const [k, v] of map) if (v > count) [top, count] = [k, v];
  return top;
};

/**
 * Groups mentions into speakers, in three phases: clusters of one person within each article,
 * clusters joined across articles, then one speaker per joined group. `knownNames` are full names
 * seen anywhere in each article (not only as speakers), so "Okafor said" can join "Ruth
 * Okafor" from the first sentence.
 *
 * @returns the speakers, and for each mention the index of its speaker
 */
export function mergeSpeakers(
  mentions: readonly SpeakerMention[],
  knownNames: ReadonlyMap<string, readonly string[]>,
  wordCounts: ReadonlyMap<string, ReadonlyMap<string, number>> = new Map(),
): { speakers: SpeakerEntity[]; speakerOf: number[] } {
  const { clusters, clusterOf } = clusterWithinArticles(mentions, knownNames);
  const root = joinAcrossArticles(clusters);
  return speakersOfGroups(mentions, clusters, clusterOf, root, wordCounts);
}

/**
 * Phase 1, within each article: full names first, then short forms joined to them (longest names
 * first, so a surname finds the full name it belongs to), other speakers by their name.
 */
function clusterWithinArticles(
  mentions: readonly SpeakerMention[],
  knownNames: ReadonlyMap<string, readonly string[]>,
): { clusters: Cluster[]; clusterOf: number[] } {
  const clusters: Cluster[] = [];
  const clusterOf: number[] = [];
  const byArticle = new Map<string, number[]>();

  const newCluster = (kind: Cluster['kind'], article: string | null): number => {
    clusters.push({
      kind,
      article,
      full: new Map(),
      spellings: new Map(),
      surnames: new Map(),
      titles: new Map(),
      members: [],
    });
    return clusters.length - 1;
  };
  const add = (c: number, i: number, m: Mention) => {
    const cluster = clusters[c] as Cluster;
    cluster.members.push(i);
    bump(cluster.spellings, m.name);
    for (const alias of m.aliases ?? []) bump(cluster.spellings, alias, 0.5);
    if (m.title) bump(cluster.titles, m.title);
    if (m.kind === 'person') {
      const words = nameWords(m.name);
      if (words.length >= 2) bump(cluster.full, words.join(' '));
      const surname = m.name.split(/\s+/).at(-1);
      if (surname) bump(cluster.surnames, surname);
    }
    clusterOf[i] = c;
  };

  // Per article, longest names first, so short forms find the full names they belong to.
  const lengths = mentions.map((m) => nameLength(m.mention));
  const articleRank = new Map<string, number>();
  for (const m of mentions) if (!articleRank.has(m.article)) articleRank.set(m.article, articleRank.size);
  const rank = mentions.map((m) => articleRank.get(m.article) ?? 0);
  const order = mentions
    .map((_, i) => i)
    .sort((a, b) => (rank[a] ?? 0) - (rank[b] ?? 0) || (lengths[b] ?? 0) - (lengths[a] ?? 0) || a - b);
  const keyOf = new Map<number, string>();
  for (const i of order) {
    const { article, mention: m } = mentions[i] as SpeakerMention;
    const local = byArticle.get(article) ?? [];
    byArticle.set(article, local);
    if (m.kind !== 'person') {
      const key = nameWords(m.name).join(' ');
      const found = local.find((c) => clusters[c]?.kind === m.kind && keyOf.get(c) === key);
      const c =
        found ??
        newCluster(m.kind === 'group' ? 'group' : 'organisation', m.kind === 'group' ? article : null);
      if (found === undefined) {
        local.push(c);
        keyOf.set(c, key);
      }
      add(c, i, m);
      continue;
    }
    const words = nameWords(m.name);
    const match = matchPerson(
      words,
      local.filter((c) => clusters[c]?.kind === 'person'),
      clusters,
      knownNames.get(article) ?? [],
    );
    if (match.cluster !== null) {
      add(match.cluster, i, m);
      continue;
    }
    const c = newCluster('person', article);
    local.push(c);
    if (match.fullName) bump((clusters[c] as Cluster).full, match.fullName);
    add(c, i, m);
  }

  return { clusters, clusterOf };
}

/**
 * Phase 2, across articles: people with the same full name (or a typo of it), organisations by
 * name; a surname-only person joins a full name only when exactly one speaker has that surname.
 *
 * @returns the root cluster of each cluster's group
 */
function joinAcrossArticles(clusters: readonly Cluster[]): (i: number) => number {
  const parent = clusters.map((_, i) => i);
  const root = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    return r;
  };
  const join = (a: number, b: number) => {
    const ra = root(a);
    const rb = root(b);
    if (ra !== rb) parent[rb] = ra;
  };
  const people = clusters.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'person');
  const withFull = people.filter(([c]) => c.full.size > 0);
  // Full names are compared only within blocks of the same first initial and surname initial,
  // which is where a typo of one name can fall (sameFull asks for both).
  const blocks = new Map<string, number[]>();
  const bySurname = new Map<string, Set<number>>();
  for (const [c, i] of withFull) {
    for (const name of c.full.keys()) {
      const parts = name.split(' ');
      const key = `${parts[0]?.[0] ?? ''} ${parts.at(-1)?.[0] ?? ''}`;
      const block = blocks.get(key) ?? [];
      if (!block.includes(i)) block.push(i);
      blocks.set(key, block);
      const surname = parts.at(-1) ?? '';
      const holders = bySurname.get(surname) ?? new Set<number>();
      holders.add(i);
      bySurname.set(surname, holders);
    }
  }
  for (const block of blocks.values()) {
    for (let x = 0; x < block.length; x++) {
      for (let y = x + 1; y < block.length; y++) {
        const a = clusters[block[x] as number] as Cluster;
        const b = clusters[block[y] as number] as Cluster;
        if (a.article !== b.article && sameFullName(a, b)) join(block[x] as number, block[y] as number);
      }
    }
  }
  for (const [c, i] of people) {
    if (c.full.size > 0) continue;
    const surname = nameWords(best(c.spellings) ?? '').at(-1) ?? '';
    const candidates = new Set([...(bySurname.get(surname) ?? [])].map(root));
    if (candidates.size === 1) join([...candidates][0] as number, i);
  }
  const orgs = clusters.map((c, i) => [c, i] as const).filter(([c]) => c.kind === 'organisation');
  const orgByKey = new Map<string, number>();
  for (const [c, i] of orgs) {
    const key = clusterKey(c);
    const seen = orgByKey.get(key);
    if (seen === undefined) orgByKey.set(key, i);
    else join(seen, i);
  }

  return root;
}

/** Phase 3: one speaker per joined group, in the order their first mentions come. */
function speakersOfGroups(
  mentions: readonly SpeakerMention[],
  clusters: readonly Cluster[],
  clusterOf: readonly number[],
  root: (i: number) => number,
  wordCounts: ReadonlyMap<string, ReadonlyMap<string, number>>,
): { speakers: SpeakerEntity[]; speakerOf: number[] } {
  const speakers: SpeakerEntity[] = [];
  const speakerOfRoot = new Map<number, number>();
  const speakerOf: number[] = [];
  const members = new Map<number, Cluster[]>();
  clusters.forEach((c, j) => {
    const r = root(j);
    const list = members.get(r) ?? [];
    list.push(c);
    members.set(r, list);
  });
  mentions.forEach((_, i) => {
    const r = root(clusterOf[i] as number);
    let s = speakerOfRoot.get(r);
    if (s === undefined) {
      s = speakers.length;
      speakerOfRoot.set(r, s);
      speakers.push(describe(members.get(r) ?? [], s, wordCounts));
    }
    speakerOf[i] = s;
  });
  return { speakers, speakerOf };
}

function nameLength(m: Mention): number {
  return m.kind === 'person' ? nameWords(m.name).length : 0;
}

function clusterKey(c: Cluster): string {
  return nameWords(best(c.spellings) ?? '').join(' ');
}

/** Finds the speaker (in one article) a person's name belongs to. */
function matchPerson(
  words: string[],
  local: number[],
  clusters: Cluster[],
  knownNames: readonly string[],
): { cluster: number | null; fullName?: string } {
  if (words.length === 0) return { cluster: null };
  const fullOf = (c: number) => [...(clusters[c] as Cluster).full.keys()].map((n) => n.split(' '));
  if (words.length >= 2) {
    const same = local.filter((c) => fullOf(c).some((f) => sameFull(f, words)));
    return { cluster: same.length === 1 ? (same[0] as number) : null };
  }
  const w = words[0] as string;
  // A surname or a first name of exactly one full name in the article.
  const exact = local.filter(
    (c) => fullOf(c).some((f) => f.at(-1) === w || f[0] === w) || (clusters[c] as Cluster).surnames.has(w),
  );
  const byWord = local.filter((c) =>
    [...(clusters[c] as Cluster).spellings.keys()].some((s) => nameWords(s).join(' ') === w),
  );
  if (byWord.length === 1) return { cluster: byWord[0] as number };
  if (exact.length === 1) return { cluster: exact[0] as number };
  if (exact.length > 1) return { cluster: null };
  // A full name mentioned in the text but not quoted yet: "Ruth Okafor is new …".
  const known = knownNames
    .map((n) => nameWords(n))
    .filter((f) => f.length >= 2 && (f.at(-1) === w || f[0] === w));
  if (known.length > 0 && new Set(known.map((f) => f.join(' '))).size === 1) {
    return { cluster: null, fullName: (known[0] as string[]).join(' ') };
  }
  // A typo of a surname: the one closest spelling above the threshold.
  let bestCluster: number | null = null;
  let bestScore = 0;
  let tied = false;
  for (const c of local) {
    const spellings = [...(clusters[c] as Cluster).full.keys()].map((f) => f.split(' ').at(-1) as string);
    for (const s of [
      ...spellings,
      ...[...(clusters[c] as Cluster).surnames.keys()].map((x) => nameWords(x).at(-1) ?? ''),
    ]) {
      if (!sameWord(s, w)) continue;
      const score = similarity(s, w);
      if (score > bestScore) {
        tied = bestCluster !== null && bestCluster !== c && score - bestScore < 0.01;
        bestScore = score;
        bestCluster = c;
      }
    }
  }
  if (bestCluster !== null && !tied) return { cluster: bestCluster };
  const knownTypo = knownNames
    .map((n) => nameWords(n))
    .filter((f) => f.length >= 2 && sameWord(f.at(-1) as string, w));
  if (knownTypo.length > 0 && new Set(knownTypo.map((f) => f.join(' '))).size === 1) {
    return { cluster: null, fullName: (knownTypo[0] as string[]).join(' ') };
  }
  return { cluster: null };
}

/** Two full names of one person: same first name (or initial) and the same or a typo surname. */
function sameFull(a: string[], b: string[]): boolean {
  const firstA = a[0] as string;
  const firstB = b[0] as string;
  const firstOk =
    firstA === firstB ||
    (firstA.length === 1 && firstB.startsWith(firstA)) ||
    (firstB.length === 1 && firstA.startsWith(firstB));
  return firstOk && sameWord(a.at(-1) as string, b.at(-1) as string);
}

function sameFullName(a: Cluster, b: Cluster): boolean {
  for (const x of a.full.keys())
    for (const y of b.full.keys()) if (sameFull(x.split(' '), y.split(' '))) return true;
  return false;
}

/** The speaker a group of clusters describes: canonical name, aliases, description. */
function describe(
  merged: Cluster[],
  id: number,
  wordCounts: ReadonlyMap<string, ReadonlyMap<string, number>>,
): SpeakerEntity {
  const articles = new Set(merged.map((c) => c.article).filter((a): a is string => a !== null));
  /** How often a spelling occurs in the speaker's articles: the support for that spelling. */
  const support = (word: string) => {
    let n = 0;
    for (const a of articles) n += wordCounts.get(a)?.get(word.toLowerCase()) ?? 0;
    return n;
  };
  const spellings = new Map<string, number>();
  const surnames = new Map<string, number>();
  const titles = new Map<string, number>();
  const full = new Map<string, number>();
  for (const c of merged) {
    for (const [k, v] of c.spellings) bump(spellings, k, v);
    for (const [k, v] of c.surnames) bump(surnames, k, v);
    for (const [k, v] of c.titles) bump(titles, k, v);
    for (const [k, v] of c.full) bump(full, k, v);
  }
  const kind = merged[0]?.kind ?? 'person';
  let name = best(spellings) ?? '';
  if (kind === 'person') {
    // The most common full form as written, with the best-supported surname spelling.
    const fullWritten = [...spellings.entries()]
      .filter(([s]) => nameWords(s).length >= 2)
      .sort((a, b) => b[1] - a[1]);
    const fullForm = fullWritten[0]?.[0] ?? titleCase(best(full));
    if (fullForm) {
      const parts = fullForm.split(/\s+/);
      const surname = parts.at(-1) as string;
      const score = (s: string) => support(s) * 100 + (surnames.get(s) ?? 0);
      const variants = [...surnames.keys()].filter((s) =>
        sameWord(nameWords(s)[0] ?? '', nameWords(surname)[0] ?? ''),
      );
      const top = variants.sort((a, b) => score(b) - score(a))[0];
      if (top && score(top) > score(surname)) parts[parts.length - 1] = top;
      name = parts.join(' ');
    }
  }
  const aliases = [...spellings.keys()].filter((s) => s !== name);
  return { id, name, aliases, description: best(titles), kind, statements: [] };
}

function titleCase(name: string | null): string | null {
  return name
    ? name.replace(/(^|[\s-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    : null;
}
