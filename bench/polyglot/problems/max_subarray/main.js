const data = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const n = data[0];
let best = data[1], current = data[1];
for (let i = 2; i <= n; i++) {
  current = Math.max(data[i], current + data[i]);  // sums stay below 2^53: exact
  best = Math.max(best, current);
}
console.log(String(best));
