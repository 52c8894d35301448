import sys

data = list(map(int, sys.stdin.read().split()))
n, capacity = data[0], data[1]
best = [0] * (capacity + 1)
for i in range(n):
    weight, value = data[2 + 2 * i], data[3 + 2 * i]
    for c in range(capacity, weight - 1, -1):
        best[c] = max(best[c], best[c - weight] + value)
print(best[capacity])
