// Fails when the frontend's sources step around the generated types: `any`, casts (`as T`,
// `<T>x`; `as const` is no cast), hand-written type guards (`x is T`, `asserts x`), non-null
// assertions (`x!`) and `@ts-` comments. Read with TypeScript's own parser, so words in comments
// and strings do not count. Generated files (`*.d.ts`) are not checked.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";

const sourceDir = new URL("./src/", import.meta.url).pathname;
const found = [];

function check(file) {
  const text = readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const report = (node, what) => {
    const { line, character } = source.getLineAndCharacterOfPosition(node.getStart(source));
    found.push(`${file}:${line + 1}:${character + 1}: ${what}`);
  };
  const visit = (node) => {
    if (node.kind === ts.SyntaxKind.AnyKeyword) report(node, "`any`");
    if (ts.isAsExpression(node) && !(ts.isTypeReferenceNode(node.type) && node.type.typeName.getText(source) === "const")) {
      report(node, "a cast (`as`)");
    }
    if (ts.isTypeAssertionExpression(node)) report(node, "a cast (`<T>`)");
    if (ts.isTypePredicateNode(node)) report(node, "a hand-written type guard");
    if (ts.isNonNullExpression(node)) report(node, "a non-null assertion (`!`)");
    ts.forEachChild(node, visit);
  };
  visit(source);
  text.split("\n").forEach((line, index) => {
    if (/@ts-(ignore|expect-error|nocheck)/.test(line)) found.push(`${file}:${index + 1}: a \`@ts-\` comment`);
  });
}

for (const name of readdirSync(sourceDir)) {
  if (name.endsWith(".ts") && !name.endsWith(".d.ts")) check(join(sourceDir, name));
}
if (found.length) {
  console.error(`The frontend steps around its generated types:\n${found.join("\n")}`);
  process.exit(1);
}
console.log("No any, cast, type guard, non-null assertion or @ts- comment in src/.");
