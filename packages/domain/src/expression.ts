/**
 * A tiny arithmetic-expression evaluator for grading `expression` items. Two expressions are taken as
 * equivalent when they agree at several sample points (the Schwartz–Zippel idea: distinct rational
 * functions rarely agree at random points). Supports numbers, variables, + - * / ^, parentheses,
 * unary minus, implicit multiplication (`2x`, `3(x+1)`, `(a)(b)`) and `sqrt(...)`.
 */
type Expr = (scope: Readonly<Record<string, number>>) => number;

export class ExpressionSyntaxError extends Error {
  override name = "ExpressionSyntaxError";
}

const TOKEN = /\s*(?:(\d+(?:\.\d+)?|\.\d+)|([a-zA-Z]+)|(\*\*|[-+*/^()]))/y;

function tokenize(source: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < source.length) {
    if (/^\s*$/.test(source.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(source);
    if (!match) throw new ExpressionSyntaxError(`Unexpected character '${source[position]}' at ${position}`);
    const token = (match[1] ?? match[2] ?? match[3]) as string;
    tokens.push(token === "**" ? "^" : token);
    position = TOKEN.lastIndex;
  }
  return tokens;
}

/** Parses an expression over the given variable names; throws ExpressionSyntaxError naming the problem. */
export function parseExpression(source: string, variables: readonly string[]): Expr {
  if (source.length > 500) throw new ExpressionSyntaxError("Expression longer than 500 characters");
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const take = () => tokens[index++];
  const startsFactor = (token: string | undefined) =>
    token !== undefined && (token === "(" || /^[\d.a-zA-Z]/.test(token));

  function sum(): Expr {
    let left = product();
    for (let op = peek(); op === "+" || op === "-"; op = peek()) {
      take();
      const l = left;
      const right = product();
      left = op === "+" ? (s) => l(s) + right(s) : (s) => l(s) - right(s);
    }
    return left;
  }
  function product(): Expr {
    let left = unary();
    for (;;) {
      const op = peek();
      if (op === "*" || op === "/") {
        take();
        const l = left;
        const right = unary();
        left = op === "*" ? (s) => l(s) * right(s) : (s) => l(s) / right(s);
      } else if (startsFactor(op)) {
        const l = left;
        const right = power();
        left = (s) => l(s) * right(s);
      } else return left;
    }
  }
  function unary(): Expr {
    if (peek() === "-") {
      take();
      const operand = unary();
      return (s) => -operand(s);
    }
    if (peek() === "+") take();
    return power();
  }
  function power(): Expr {
    const base = atom();
    if (peek() !== "^") return base;
    take();
    const exponent = unary();
    return (s) => base(s) ** exponent(s);
  }
  function atom(): Expr {
    const token = take();
    if (token === undefined) throw new ExpressionSyntaxError("Expression ends too early");
    if (token === "(") {
      const inner = sum();
      if (take() !== ")") throw new ExpressionSyntaxError("Missing ')'");
      return inner;
    }
    if (/^[\d.]/.test(token)) {
      const value = Number(token);
      return () => value;
    }
    if (token === "sqrt") {
      const argument = atom();
      return (s) => Math.sqrt(argument(s));
    }
    if (/^[a-zA-Z]+$/.test(token)) {
      if (variables.includes(token)) return (s) => s[token] ?? Number.NaN;
      // `xy` means x·y when both are variables.
      const letters = [...token];
      if (letters.every((letter) => variables.includes(letter))) {
        return (s) => letters.reduce((acc, letter) => acc * (s[letter] ?? Number.NaN), 1);
      }
      throw new ExpressionSyntaxError(
        `Unknown name '${token}' (variables: ${variables.join(", ") || "none"})`,
      );
    }
    throw new ExpressionSyntaxError(`Unexpected '${token}'`);
  }

  const expr = sum();
  if (index < tokens.length) throw new ExpressionSyntaxError(`Unexpected '${tokens[index]}'`);
  return expr;
}

/** Fixed, irregular sample points: deterministic grading, unlikely to hit special values. */
const SAMPLES = [0.713, -1.37, 2.291, 3.917, -0.529, 1.618];

export function expressionsEquivalent(
  expected: string,
  given: string,
  variables: readonly string[],
): boolean {
  const a = parseExpression(expected, variables);
  const b = parseExpression(given, variables);
  let compared = 0;
  for (let k = 0; k < SAMPLES.length; k++) {
    const scope: Record<string, number> = {};
    variables.forEach((name, v) => {
      scope[name] = SAMPLES[(k + v * 2) % SAMPLES.length] as number;
    });
    const x = a(scope);
    const y = b(scope);
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      if (Number.isFinite(x) !== Number.isFinite(y)) return false;
      continue;
    }
    compared++;
    if (Math.abs(x - y) > 1e-9 * Math.max(1, Math.abs(x), Math.abs(y))) return false;
  }
  return compared > 0;
}
