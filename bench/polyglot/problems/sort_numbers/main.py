import sys

data = sys.stdin.read().split()
print(" ".join(map(str, sorted(map(int, data[1:])))))
