import sys
from bisect import bisect_left

data = list(map(int, sys.stdin.read().split()))
n = data[0]
xs = data[1 : 1 + n]
out = []
for q in data[2 + n :]:
    i = bisect_left(xs, q)
    out.append(str(i if i < n and xs[i] == q else -1))
print("\n".join(out))
