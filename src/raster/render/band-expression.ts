import { RasterError } from '../raster-errors.js';

/**
 * Band-math expressions such as `(b2-b1)/(b2+b1)`, parsed by a small recursive-descent parser into a tree and
 * evaluated pixel by pixel: nothing is ever passed to `eval` or `Function`, so an expression can only combine
 * numbers, band names, the operators below and a fixed list of functions.
 *
 * Grammar (precedence low → high; `^` is right-associative):
 *   expression := comparison
 *   comparison := sum (("<" | "<=" | ">" | ">=" | "==" | "!=") sum)?
 *   sum        := product (("+" | "-") product)*
 *   product    := unary (("*" | "/" | "%") unary)*
 *   unary      := "-" unary | power
 *   power      := atom ("^" unary)?
 *   atom       := number | name | name "(" expression ("," expression)* ")" | "(" expression ")"
 * Comparisons give 1 or 0. Limits: 1000 characters, 200 nodes.
 */
export type ExpressionNode =
  | { kind: 'number'; value: number }
  | { kind: 'band'; name: string }
  | { kind: 'unary'; operand: ExpressionNode }
  | { kind: 'binary'; operator: string; left: ExpressionNode; right: ExpressionNode }
  | { kind: 'call'; name: string; args: ExpressionNode[] };

const FUNCTIONS: Record<string, { arity: [number, number]; apply: (...values: number[]) => number }> = {
  abs: { arity: [1, 1], apply: Math.abs },
  sqrt: { arity: [1, 1], apply: Math.sqrt },
  log: { arity: [1, 1], apply: Math.log },
  log10: { arity: [1, 1], apply: Math.log10 },
  exp: { arity: [1, 1], apply: Math.exp },
  sin: { arity: [1, 1], apply: Math.sin },
  cos: { arity: [1, 1], apply: Math.cos },
  tan: { arity: [1, 1], apply: Math.tan },
  atan: { arity: [1, 1], apply: Math.atan },
  floor: { arity: [1, 1], apply: Math.floor },
  ceil: { arity: [1, 1], apply: Math.ceil },
  round: { arity: [1, 1], apply: Math.round },
  min: { arity: [2, 8], apply: Math.min },
  max: { arity: [2, 8], apply: Math.max },
  atan2: { arity: [2, 2], apply: Math.atan2 },
  where: { arity: [3, 3], apply: (condition, a, b) => (condition !== 0 && !Number.isNaN(condition) ? a : b) },
};

const TOKEN =
  /\s*(?:(\d+\.?\d*(?:[eE][-+]?\d+)?|\.\d+(?:[eE][-+]?\d+)?)|([A-Za-z_][A-Za-z0-9_]*)|(<=|>=|==|!=|\*\*|[-+*/%^(),<>]))/y;
const MAX_LENGTH = 1000;
const MAX_NODES = 200;

interface Token {
  text: string;
  type: 'number' | 'name' | 'operator' | 'end';
  position: number;
}

function invalid(message: string, position: number, source: string): RasterError {
  return new RasterError(
    'RASTER_INVALID_EXPRESSION',
    `${message} at character ${position + 1} of "${source}"`,
    'expression',
  );
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < source.length) {
    if (/^\s*$/.test(source.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(source);
    if (!match) {
      const at = position + (source.slice(position).length - source.slice(position).trimStart().length);
      throw invalid(`unexpected character "${source[at]}"`, at, source);
    }
    const start = match.index + match[0].length - (match[1] ?? match[2] ?? match[3]).length;
    if (match[1] !== undefined) tokens.push({ text: match[1], type: 'number', position: start });
    else if (match[2] !== undefined) tokens.push({ text: match[2], type: 'name', position: start });
    else tokens.push({ text: match[3] === '**' ? '^' : match[3], type: 'operator', position: start });
    position = TOKEN.lastIndex;
  }
  tokens.push({ text: '', type: 'end', position: source.length });
  return tokens;
}

/**
 * Parses one expression.
 * @throws RasterError `RASTER_INVALID_EXPRESSION` saying what is wrong and at which character.
 */
export function parseBandExpression(source: string): ExpressionNode {
  if (source.length > MAX_LENGTH) {
    throw new RasterError(
      'RASTER_INVALID_EXPRESSION',
      `the expression is longer than ${MAX_LENGTH} characters`,
      'expression',
    );
  }
  const tokens = tokenize(source);
  let index = 0;
  let nodes = 0;
  const peek = () => tokens[index];
  const next = () => tokens[index++];
  const node = <T extends ExpressionNode>(value: T): T => {
    nodes += 1;
    if (nodes > MAX_NODES)
      throw invalid(`the expression has more than ${MAX_NODES} terms`, peek().position, source);
    return value;
  };
  const expect = (text: string) => {
    const token = next();
    if (token.text !== text)
      throw invalid(`expected "${text}" but found ${describe(token)}`, token.position, source);
  };

  const comparison = (): ExpressionNode => {
    const left = sum();
    if (['<', '<=', '>', '>=', '==', '!='].includes(peek().text)) {
      const operator = next().text;
      return node({ kind: 'binary', operator, left, right: sum() });
    }
    return left;
  };
  const sum = (): ExpressionNode => {
    let left = product();
    while (peek().text === '+' || peek().text === '-') {
      const operator = next().text;
      left = node({ kind: 'binary', operator, left, right: product() });
    }
    return left;
  };
  const product = (): ExpressionNode => {
    let left = unary();
    while (['*', '/', '%'].includes(peek().text)) {
      const operator = next().text;
      left = node({ kind: 'binary', operator, left, right: unary() });
    }
    return left;
  };
  const unary = (): ExpressionNode => {
    if (peek().text === '-') {
      next();
      return node({ kind: 'unary', operand: unary() });
    }
    if (peek().text === '+') next();
    return power();
  };
  const power = (): ExpressionNode => {
    const base = atom();
    if (peek().text === '^') {
      next();
      return node({ kind: 'binary', operator: '^', left: base, right: unary() });
    }
    return base;
  };
  const atom = (): ExpressionNode => {
    const token = next();
    if (token.type === 'number') return node({ kind: 'number', value: Number(token.text) });
    if (token.text === '(') {
      const inner = comparison();
      expect(')');
      return inner;
    }
    if (token.type === 'name') {
      if (peek().text !== '(') return node({ kind: 'band', name: token.text });
      const fn = FUNCTIONS[token.text.toLowerCase()];
      if (!fn) throw invalid(`unknown function "${token.text}"`, token.position, source);
      next();
      const args = [comparison()];
      while (peek().text === ',') {
        next();
        args.push(comparison());
      }
      expect(')');
      const [least, most] = fn.arity;
      if (args.length < least || args.length > most) {
        const wanted = least === most ? `${least}` : `${least} to ${most}`;
        throw invalid(
          `${token.text}() takes ${wanted} argument(s), not ${args.length}`,
          token.position,
          source,
        );
      }
      return node({ kind: 'call', name: token.text.toLowerCase(), args });
    }
    throw invalid(`expected a number, a band or "(" but found ${describe(token)}`, token.position, source);
  };

  const tree = comparison();
  if (peek().type !== 'end') throw invalid(`unexpected ${describe(peek())}`, peek().position, source);
  return tree;
}

function describe(token: Token): string {
  return token.type === 'end' ? 'the end of the expression' : `"${token.text}"`;
}

/** The band names an expression uses, in order of first use. */
export function bandNamesOf(tree: ExpressionNode): string[] {
  const names = new Set<string>();
  const visit = (node: ExpressionNode): void => {
    if (node.kind === 'band') names.add(node.name);
    else if (node.kind === 'unary') visit(node.operand);
    else if (node.kind === 'binary') {
      visit(node.left);
      visit(node.right);
    } else if (node.kind === 'call') node.args.forEach(visit);
  };
  visit(tree);
  return [...names];
}

/**
 * Evaluates an expression for every pixel. `bands` maps each band name of the tree to its values; a pixel
 * whose mask is 0 stays 0 with mask 0, and a non-finite result (division by zero, log of a negative) clears
 * the pixel's mask. Pure: returns new arrays.
 */
export function evaluateBandExpression(
  tree: ExpressionNode,
  bands: Map<string, Float64Array>,
  mask: Uint8Array,
): { values: Float64Array; mask: Uint8Array } {
  const length = mask.length;
  const values = new Float64Array(length);
  const outMask = new Uint8Array(length);
  const compute = compile(tree, bands);
  for (let p = 0; p < length; p++) {
    if (mask[p] === 0) continue;
    const value = compute(p);
    if (Number.isFinite(value)) {
      values[p] = value;
      outMask[p] = 255;
    }
  }
  return { values, mask: outMask };
}

/** Turns the tree into nested closures once, so the per-pixel loop does no tree walking or lookups. */
function compile(node: ExpressionNode, bands: Map<string, Float64Array>): (p: number) => number {
  switch (node.kind) {
    case 'number': {
      const value = node.value;
      return () => value;
    }
    case 'band': {
      const band = bands.get(node.name);
      if (!band)
        throw new RasterError('RASTER_INVALID_EXPRESSION', `unknown band "${node.name}"`, 'expression');
      return (p) => band[p];
    }
    case 'unary': {
      const operand = compile(node.operand, bands);
      return (p) => -operand(p);
    }
    case 'call': {
      const fn = FUNCTIONS[node.name].apply;
      const args = node.args.map((arg) => compile(arg, bands));
      return (p) => fn(...args.map((arg) => arg(p)));
    }
    case 'binary': {
      const left = compile(node.left, bands);
      const right = compile(node.right, bands);
      const operations: Record<string, (p: number) => number> = {
        '+': (p) => left(p) + right(p),
        '-': (p) => left(p) - right(p),
        '*': (p) => left(p) * right(p),
        '/': (p) => left(p) / right(p),
        '%': (p) => left(p) % right(p),
        '^': (p) => left(p) ** right(p),
        '<': (p) => Number(left(p) < right(p)),
        '<=': (p) => Number(left(p) <= right(p)),
        '>': (p) => Number(left(p) > right(p)),
        '>=': (p) => Number(left(p) >= right(p)),
        '==': (p) => Number(left(p) === right(p)),
        '!=': (p) => Number(left(p) !== right(p)),
      };
      return operations[node.operator];
    }
  }
}
