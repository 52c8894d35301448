const data = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const n = data[0], capacity = data[1];
const best = new Float64Array(capacity + 1);  // totals stay below 2^53: exact
for (let i = 0; i < n; i++) {
  const weight = data[2 + 2 * i], value = data[3 + 2 * i];
  for (let c = capacity; c >= weight; c--) best[c] = Math.max(best[c], best[c - weight] + value);
}
console.log(String(best[capacity]));
