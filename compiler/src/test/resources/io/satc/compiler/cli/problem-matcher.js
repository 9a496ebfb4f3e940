// Applies the problem matcher of a VS Code tasks.json to output files the way VS Code does
// (src/vs/workbench/contrib/tasks/common/problemMatcher.ts): the pattern's `regexp` is compiled
// with `new RegExp(regexp)` (no flags) and run on each line of the output on its own; a line
// that matches is one problem, read from the groups the pattern names.
//   node problem-matcher.js tasks.json out-1.txt out-2.txt ...
// Prints a JSON array with one array of problems per output file. Every task's matcher must be
// the same, so that the one tested is the one each task uses.
'use strict';
const fs = require('fs');

const [tasksFile, ...outputs] = process.argv.slice(2);
const tasks = JSON.parse(fs.readFileSync(tasksFile, 'utf8')).tasks;
const matchers = tasks.map((t) => JSON.stringify(t.problemMatcher));
if (new Set(matchers).size !== 1) {
  console.error('tasks use different problem matchers: ' + matchers.join(' / '));
  process.exit(1);
}
const pattern = tasks[0].problemMatcher.pattern;
const regexp = new RegExp(pattern.regexp);
const results = outputs.map((file) =>
  fs.readFileSync(file, 'utf8').split(/\r\n|\r|\n/).flatMap((line) => {
    const m = regexp.exec(line);
    if (!m) {
      return [];
    }
    return [{
      file: m[pattern.file],
      line: Number(m[pattern.line]),
      column: Number(m[pattern.column]),
      severity: m[pattern.severity],
      code: m[pattern.code],
      message: m[pattern.message],
    }];
  }));
process.stdout.write(JSON.stringify(results));
