/**
 * Frontmatter edits that leave everything else as it was: the YAML is edited through the `yaml`
 * Document API (comments, quoting and list style of untouched fields survive), and written with the
 * formatting options that reproduce the original file exactly. New values follow the house style of
 * the content files: IDs and allowed values plain, text and dates in double quotes, short ID lists in
 * [flow, style]. Used by the importer and by `npm run new`.
 */
import {
  Document,
  isMap,
  isScalar,
  isSeq,
  parseDocument,
  Scalar,
  YAMLMap,
  YAMLSeq,
  type Node,
  type ToStringOptions,
} from 'yaml';

type Path = readonly (string | number)[];

/** A plain scalar only where YAML cannot read it as anything but this text. */
const PLAIN_SAFE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;
const YAML_WORDS = new Set(['true', 'false', 'null', 'yes', 'no', 'on', 'off', 'y', 'n']);

function plainSafe(s: string): boolean {
  return PLAIN_SAFE.test(s) && !YAML_WORDS.has(s);
}

function applyHouseStyle(node: unknown): void {
  if (isScalar(node)) {
    if (typeof node.value === 'string') node.type = plainSafe(node.value) ? Scalar.PLAIN : Scalar.QUOTE_DOUBLE;
    return;
  }
  if (isSeq(node)) {
    for (const item of node.items) applyHouseStyle(item);
    node.flow =
      node.items.length === 0 ||
      node.items.every((i) => isScalar(i) && typeof i.value === 'string' && plainSafe(i.value));
    return;
  }
  if (isMap(node)) {
    node.flow = false;
    for (const pair of node.items) applyHouseStyle(pair.value);
  }
}

/** A YAML node for a value, in house style. */
function styledNode(doc: Document, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  applyHouseStyle(node);
  return node;
}

const BASE_OPTIONS: ToStringOptions = { lineWidth: 0, indentSeq: true, flowCollectionPadding: false };
const CANDIDATES: ToStringOptions[] = [
  BASE_OPTIONS,
  { ...BASE_OPTIONS, indentSeq: false },
  { ...BASE_OPTIONS, flowCollectionPadding: true },
  { ...BASE_OPTIONS, indentSeq: false, flowCollectionPadding: true },
];

/** The writing options that reproduce `text` from its document, or undefined if none does. */
function optionsReproducing(doc: Document, text: string): ToStringOptions | undefined {
  return CANDIDATES.find((o) => doc.toString(o) === text);
}

/** A new frontmatter text in house style, keys in the order given. */
export function houseStyleYaml(data: Record<string, unknown>): string {
  const doc = new Document();
  doc.contents = styledNode(doc, data) as YAMLMap;
  return doc.toString(BASE_OPTIONS);
}

export type Edit =
  /** Set (or, with value undefined, remove) the value at a path. */
  | { op: 'set'; path: Path; value: unknown }
  /** Append an entry to the list at a path, creating the list if needed. */
  | { op: 'append'; path: Path; value: unknown };

export interface EditResult {
  text: string;
  /** False when no writing options reproduced the original: other lines may be reformatted. */
  exact: boolean;
}

/**
 * Apply edits to a frontmatter text. `keyOrder(parentPath)` gives the schema's field order at a path,
 * so a newly added field lands where the schema puts it rather than at the end.
 */
export function editFrontmatter(
  frontmatter: string,
  edits: readonly Edit[],
  keyOrder: (parent: Path) => readonly string[] = () => [],
): EditResult {
  const doc = parseDocument(frontmatter, { keepSourceTokens: false });
  if (doc.errors.length) throw new Error(`cannot edit frontmatter: ${doc.errors[0]!.message}`);
  const options = optionsReproducing(doc, frontmatter);
  for (const e of edits) {
    if (e.op === 'set') setValue(doc, e.path, e.value, keyOrder);
    else appendValue(doc, e.path, e.value, keyOrder);
  }
  return { text: doc.toString(options ?? BASE_OPTIONS), exact: options !== undefined };
}

function collectionAt(doc: Document, path: Path): unknown {
  return path.length === 0 ? doc.contents : doc.getIn(path, true);
}

function setValue(doc: Document, path: Path, value: unknown, keyOrder: (parent: Path) => readonly string[]): void {
  const parentPath = path.slice(0, -1);
  const key = path[path.length - 1]!;
  const parent = collectionAt(doc, parentPath);
  if (value === undefined) {
    if (isMap(parent) || isSeq(parent)) parent.delete(key);
    return;
  }
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && p.key.value === key);
    if (pair) {
      const old = pair.value;
      if (isScalar(old) && (typeof value === 'string' || typeof value === 'number')) {
        // Keep the node, so its quoting style stays; switch to quotes only where plain would misread.
        old.value = value;
        if (typeof value === 'string' && (old.type === Scalar.PLAIN || old.type === undefined) && !plainSafe(value))
          old.type = Scalar.QUOTE_DOUBLE;
        return;
      }
      pair.value = styledNode(doc, value);
      // A list keeps its style: block stays block; flow stays flow unless it now holds entries.
      if (isSeq(old) && isSeq(pair.value)) pair.value.flow = Boolean(old.flow) && pair.value.items.every(isScalar);
      return;
    }
    insertPair(doc, parent, String(key), styledNode(doc, value), keyOrder(parentPath));
    return;
  }
  if (parent === undefined || parent === null) {
    // The parent (e.g. `evidence`) does not exist yet: create it holding just this field.
    setValue(doc, parentPath, { [String(key)]: value }, keyOrder);
    return;
  }
  doc.setIn(path, styledNode(doc, value));
}

function insertPair(doc: Document, map: YAMLMap, key: string, node: Node, order: readonly string[]): void {
  const pair = doc.createPair(key, null);
  pair.value = node;
  const rank = order.indexOf(key);
  if (rank >= 0) {
    const at = map.items.findIndex((p) => {
      const r = order.indexOf(String(isScalar(p.key) ? p.key.value : p.key));
      return r > rank;
    });
    if (at >= 0) {
      map.items.splice(at, 0, pair);
      return;
    }
  }
  map.items.push(pair);
}

function appendValue(doc: Document, path: Path, value: unknown, keyOrder: (parent: Path) => readonly string[]): void {
  const list = collectionAt(doc, path);
  const item = styledNode(doc, value);
  if (isSeq(list)) {
    if (list.flow && !isScalar(item)) list.flow = false;
    list.items.push(item);
    return;
  }
  const seq = new YAMLSeq();
  seq.items.push(item);
  if (list === undefined || list === null) {
    const parentPath = path.slice(0, -1);
    const parent = collectionAt(doc, parentPath);
    if (isMap(parent)) {
      insertPair(doc, parent, String(path[path.length - 1]), seq, keyOrder(parentPath));
      return;
    }
  }
  doc.setIn(path, seq);
}

/** A content file from its parts. */
export function assembleFile(frontmatter: string, body: string): string {
  return `---\n${frontmatter}---\n${body}`;
}
