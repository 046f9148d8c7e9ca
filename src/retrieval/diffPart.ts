/** One word-level difference between retold text and the original (find-source). */
export interface DiffPart {
  op: 'same' | 'added' | 'removed';
  text: string;
}
