const [a, b] = require("fs").readFileSync(0, "utf8").trim().split(/\s+/);
let previous = new Int32Array(b.length + 1);
for (const x of a) {
  const current = new Int32Array(b.length + 1);
  for (let j = 1; j <= b.length; j++)
    current[j] = x === b[j - 1] ? previous[j - 1] + 1 : Math.max(previous[j], current[j - 1]);
  previous = current;
}
console.log(previous[b.length]);
