const data = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const n = data[0];
const at = (m, i, j) => data[1 + m * n * n + i * n + j];
const rows = [];
for (let i = 0; i < n; i++) {
  const row = [];
  for (let j = 0; j < n; j++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += at(0, i, k) * at(1, k, j);
    row.push(sum);
  }
  rows.push(row.join(" "));
}
console.log(rows.join("\n"));
