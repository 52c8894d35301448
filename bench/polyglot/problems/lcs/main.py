import sys

a, b = sys.stdin.read().split()
previous = [0] * (len(b) + 1)
for x in a:
    current = [0]
    for j, y in enumerate(b):
        current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
    previous = current
print(previous[-1])
