/**
 * Stone's lexical layer: tokens grouped into logical lines, and lines into a
 * tree by indentation. A string may span lines (docs do) and a parenthesised
 * argument list may too; neither ends a logical line.
 */

export type Token =
  | { kind: 'name'; text: string }
  | { kind: 'string'; text: string }
  | { kind: 'number'; text: string }
  | { kind: 'punct'; text: string };

export interface Line {
  indent: number;
  /** 1-based line number of the first token, for error messages. */
  line: number;
  tokens: Token[];
  children: Line[];
}

export class StoneSyntaxError extends Error {}

const NAME = /[A-Za-z_][A-Za-z0-9_./:]*/y;
const NUMBER = /-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?/y;

/** Only the escapes the spec uses matter: `\\` and `\"`; others stay as written (regex escapes such as `\/`). */
function unescape(raw: string): string {
  return raw.replace(/\\([\\"])/g, '$1');
}

function tokenize(source: string, file: string): Array<{ indent: number; line: number; tokens: Token[] }> {
  const out: Array<{ indent: number; line: number; tokens: Token[] }> = [];
  let cur: { indent: number; line: number; tokens: Token[] } | undefined;
  let depth = 0;
  let lineNo = 1;
  let lineStart = 0;
  let i = 0;
  const push = (t: Token) => {
    if (!cur) {
      cur = { indent: i - lineStart, line: lineNo, tokens: [] };
      out.push(cur);
    }
    cur.tokens.push(t);
  };
  while (i < source.length) {
    const c = source[i];
    if (c === '\n') {
      lineNo++;
      i++;
      lineStart = i;
      if (depth === 0) cur = undefined;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (c === '"') {
      const at = lineNo;
      let j = i + 1;
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\\') j++;
        j++;
      }
      if (j >= source.length) throw new StoneSyntaxError(`${file}:${at}: unterminated string`);
      push({ kind: 'string', text: unescape(source.slice(i + 1, j)) });
      // Newlines inside the string still count for line numbers.
      for (let k = i; k < j; k++) {
        if (source[k] === '\n') {
          lineNo++;
          lineStart = k + 1;
        }
      }
      i = j + 1;
      continue;
    }
    NAME.lastIndex = i;
    const name = NAME.exec(source);
    if (name) {
      push({ kind: 'name', text: name[0] });
      i += name[0].length;
      continue;
    }
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(source);
    if (num) {
      push({ kind: 'number', text: num[0] });
      i += num[0].length;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    push({ kind: 'punct', text: c });
    i++;
  }
  return out;
}

/** The file as a forest of logical lines nested by indentation. */
export function readLines(source: string, file: string): Line[] {
  const roots: Line[] = [];
  const stack: Line[] = [];
  for (const raw of tokenize(source, file)) {
    const node: Line = { ...raw, children: [] };
    while (stack.length && stack[stack.length - 1].indent >= node.indent) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(node);
    else roots.push(node);
    stack.push(node);
  }
  return roots;
}
