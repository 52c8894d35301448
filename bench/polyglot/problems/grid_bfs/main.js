const tokens = require("fs").readFileSync(0, "utf8").trim().split(/\s+/);
const rows = Number(tokens[0]), cols = Number(tokens[1]);
const grid = tokens.slice(2, 2 + rows);
const dist = new Int32Array(rows * cols).fill(-1);
const queue = [];
for (let r = 0; r < rows; r++)
  for (let c = 0; c < cols; c++)
    if (grid[r][c] === "S") {
      dist[r * cols + c] = 0;
      queue.push(r * cols + c);
    }
let answer = -1;
for (let head = 0; head < queue.length; head++) {
  const cell = queue[head], r = Math.floor(cell / cols), c = cell % cols;
  if (grid[r][c] === "T") {
    answer = dist[cell];
    break;
  }
  for (const [nr, nc] of [[r + 1, c], [r - 1, c], [r, c + 1], [r, c - 1]]) {
    if (nr < 0 || nr >= rows || nc < 0 || nc >= cols || grid[nr][nc] === "#" || dist[nr * cols + nc] >= 0) continue;
    dist[nr * cols + nc] = dist[cell] + 1;
    queue.push(nr * cols + nc);
  }
}
console.log(answer);
