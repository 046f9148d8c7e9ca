/**
 * The little of the DOM that extraction uses, typed here because the project compiles without the
 * DOM library; linkedom's documents satisfy it.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
}

export interface DomElement extends DomNode {
  tagName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  querySelector(selectors: string): DomElement | null;
  remove(): void;
}

export interface DomDocument extends DomElement {
  documentElement: DomElement;
  body: DomElement | null;
  head: DomElement | null;
  title: string;
}

export const TEXT_NODE = 3;
export const ELEMENT_NODE = 1;

/** Parses an HTML document (or fragment) with linkedom. */
export function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}
