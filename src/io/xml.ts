/**
 * XML through @xmldom/xmldom, for GEXF and GraphML: a DOM to write (its serializer escapes what
 * XML needs, newlines and tabs in attributes included) and a conformant parser to read. The parser
 * never fetches external entities and never expands entities a DOCTYPE declares; a DOCTYPE is
 * refused outright. Pure JavaScript: runs in Node and in the browser alike.
 */
import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { lineOf, readError } from './interchange.ts';
import type { Issue } from '../model/validate.ts';

/** Characters XML 1.0 cannot hold at all (C0 controls but tab, LF, CR; U+FFFE, U+FFFF; lone surrogates). */
const ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text as XML can hold it: the characters XML 1.0 forbids are dropped. */
export function xmlText(s: string): string {
  return s.replace(ILLEGAL, '');
}

export type Attrs = Record<string, string | number | boolean | undefined>;

/** Builds an indented document: `add(parent, name, attrs)` appends a child on its own line. */
export class XmlWriter {
  readonly doc: Document;
  readonly root: Element;
  private readonly depth = new Map<Element, number>();

  constructor(
    private readonly ns: string,
    rootName: string,
    attrs: Attrs = {},
  ) {
    this.doc = new DOMImplementation().createDocument(ns, rootName, null);
    this.root = this.doc.documentElement!;
    this.depth.set(this.root, 0);
    this.setAttrs(this.root, attrs);
  }

  private setAttrs(el: Element, attrs: Attrs): void {
    for (const [k, v] of Object.entries(attrs)) if (v !== undefined) el.setAttribute(k, xmlText(String(v)));
  }

  add(parent: Element, name: string, attrs: Attrs = {}, text?: string, ns = this.ns): Element {
    const d = (this.depth.get(parent) ?? 0) + 1;
    const el = this.doc.createElementNS(ns, name);
    this.depth.set(el, d);
    this.setAttrs(el, attrs);
    if (text !== undefined) el.appendChild(this.doc.createTextNode(xmlText(text)));
    // Indent: a newline before each child, and before the parent's closing tag.
    const closing = parent.lastChild && parent.lastChild.nodeType === 3 && (parent.lastChild as unknown as { data: string }).data.startsWith('\n') && parent.lastChild;
    if (closing) parent.removeChild(closing);
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(d)}`));
    parent.appendChild(el);
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(d - 1)}`));
    return el;
  }

  /** A processing instruction `<?target data?>` on its own line: data no schema governs (and every XML tool keeps or skips whole). */
  instruction(parent: Element, target: string, data: string): void {
    const d = (this.depth.get(parent) ?? 0) + 1;
    const closing = parent.lastChild && parent.lastChild.nodeType === 3 && (parent.lastChild as unknown as { data: string }).data.startsWith('\n') && parent.lastChild;
    if (closing) parent.removeChild(closing);
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(d)}`));
    parent.appendChild(this.doc.createProcessingInstruction(target, data));
    parent.appendChild(this.doc.createTextNode(`\n${'  '.repeat(d - 1)}`));
  }

  toString(): string {
    // A carriage return in text would be read back as a newline, and parsers that follow XML 1.1
    // read NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR as newlines too: write them as references.
    const xml = new XMLSerializer().serializeToString(this.doc).replace(/[\r\u0085\u2028\u2029]/g, (c) => `&#${c.charCodeAt(0)};`);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}\n`;
  }
}

/** The processing instructions `<?target …?>` directly inside an element. */
export function instructions(el: Element, target: string): { data: string; line?: number }[] {
  const out: { data: string; line?: number }[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 7 && (n as unknown as { target: string }).target === target) out.push({ data: (n as unknown as { data: string }).data, line: (n as unknown as { lineNumber?: number }).lineNumber });
  return out;
}

/** An element's line, as the parser recorded it. */
export function lineOfElement(el: Element): number | undefined {
  return (el as unknown as { lineNumber?: number }).lineNumber;
}

/** Child elements of `el` with the local name `name` (any namespace). */
export function children(el: Element, name?: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1 && (name === undefined || (n as Element).localName === name)) out.push(n as Element);
  return out;
}

export function child(el: Element, name: string): Element | undefined {
  return children(el, name)[0];
}

/** Every descendant element with the local name `name`, in document order. */
export function descendants(el: Element, name: string): Element[] {
  const out: Element[] = [];
  const walk = (e: Element) => {
    for (const c of children(e)) {
      if (c.localName === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
}

export function attr(el: Element, name: string): string | undefined {
  return el.hasAttribute(name) ? el.getAttribute(name)! : undefined;
}

/** Parses XML text; a syntax error, a DOCTYPE or an empty file becomes a located issue. */
export function parseXml(text: string, file: string, rootName: string): { root?: Element; issues: Issue[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') return { issues: [readError(file, 'the file is empty')] };
  const doctype = /<!DOCTYPE/i.exec(body);
  if (doctype)
    return {
      issues: [readError(file, 'the file declares a DOCTYPE; apparat does not read DTDs (they can define entities that expand without end or read other files)', lineOf(body, doctype.index))],
    };
  const problems: { line?: number; column?: number; message: string }[] = [];
  let doc: Document | undefined;
  try {
    doc = new DOMParser({
      // XML 1.0's line ends (xmldom's default is XML 1.1's, which also turns NEL and U+2028/9 into newlines).
      normalizeLineEndings: (s: string) => s.replace(/\r\n?/g, '\n'),
      onError: (level: string, message: string, context: { locator?: { lineNumber?: number; columnNumber?: number } } | undefined) => {
        if (level !== 'warning') problems.push({ message: String(message), line: context?.locator?.lineNumber, column: context?.locator?.columnNumber });
      },
    }).parseFromString(body, 'text/xml');
  } catch (e) {
    problems.push({ message: (e as Error).message });
  }
  if (problems.length || !doc?.documentElement) {
    const first = problems[0] ?? { message: 'unreadable XML' };
    const at = /line:(\d+),col:(\d+)/.exec(first.message);
    const line = first.line ?? (at ? Number(at[1]) : undefined);
    const column = first.column ?? (at ? Number(at[2]) : undefined);
    const message = first.message.split('\n')[0].replace(/^\[xmldom \w+\]\s*/, '').trim();
    return { issues: [readError(file, `the file is not well-formed XML: ${message}${column !== undefined ? ` (column ${column})` : ''}`, line)] };
  }
  const root = doc.documentElement;
  if (root.localName !== rootName) return { issues: [readError(file, `the root element is <${root.tagName}>, not <${rootName}>: is this the right format?`, lineOfElement(root))] };
  return { root, issues: [] };
}
