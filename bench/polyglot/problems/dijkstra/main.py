import heapq
import sys

data = list(map(int, sys.stdin.read().split()))
n, m = data[0], data[1]
graph = [[] for _ in range(n + 1)]
for i in range(m):
    u, v, w = data[2 + 3 * i : 5 + 3 * i]
    graph[u].append((v, w))
    graph[v].append((u, w))
dist = [None] * (n + 1)
heap = [(0, 1)]
while heap:
    d, u = heapq.heappop(heap)
    if dist[u] is not None:
        continue
    dist[u] = d
    for v, w in graph[u]:
        if dist[v] is None:
            heapq.heappush(heap, (d + w, v))
print(dist[n] if dist[n] is not None else -1)
