import sys

data = list(map(int, sys.stdin.read().split()))
n = data[0]
a = [data[1 + i * n : 1 + (i + 1) * n] for i in range(n)]
b = [data[1 + n * n + i * n : 1 + n * n + (i + 1) * n] for i in range(n)]
for i in range(n):
    print(" ".join(str(sum(a[i][k] * b[k][j] for k in range(n))) for j in range(n)))
