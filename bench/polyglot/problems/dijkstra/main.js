const data = require("fs").readFileSync(0, "utf8").trim().split(/\s+/).map(Number);
const n = data[0], m = data[1];
const graph = Array.from({ length: n + 1 }, () => []);
for (let i = 0; i < m; i++) {
  const [u, v, w] = data.slice(2 + 3 * i, 5 + 3 * i);
  graph[u].push([v, w]);
  graph[v].push([u, w]);
}
// a binary heap of [distance, node]
const heap = [];
const push = (item) => {
  heap.push(item);
  for (let i = heap.length - 1; i > 0; ) {
    const parent = (i - 1) >> 1;
    if (heap[parent][0] <= heap[i][0]) break;
    [heap[parent], heap[i]] = [heap[i], heap[parent]];
    i = parent;
  }
};
const pop = () => {
  const top = heap[0], last = heap.pop();
  if (heap.length) {
    heap[0] = last;
    for (let i = 0; ; ) {
      let child = 2 * i + 1;
      if (child >= heap.length) break;
      if (child + 1 < heap.length && heap[child + 1][0] < heap[child][0]) child++;
      if (heap[child][0] >= heap[i][0]) break;
      [heap[child], heap[i]] = [heap[i], heap[child]];
      i = child;
    }
  }
  return top;
};
const dist = new Array(n + 1).fill(-1);
push([0, 1]);
while (heap.length) {
  const [d, u] = pop();
  if (dist[u] >= 0) continue;
  dist[u] = d;
  for (const [v, w] of graph[u]) if (dist[v] < 0) push([d + w, v]);
}
console.log(dist[n]);
