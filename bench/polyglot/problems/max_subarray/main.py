import sys

data = sys.stdin.read().split()
n, xs = int(data[0]), list(map(int, data[1:]))
best = current = xs[0]
for x in xs[1:]:
    current = max(x, current + x)
    best = max(best, current)
print(best)
