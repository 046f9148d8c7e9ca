/** Bit flags for a sentence's `features`: what it mentions, for answer-type matching. Data only. */
export const Features = {
  person: 1,
  date: 2,
  number: 4,
  money: 8,
  percent: 16,
  place: 32,
  quote: 64,
} as const;
