#include <stdio.h>
#include <stdlib.h>

static int compare(const void *a, const void *b) {
    long long x = *(const long long *)a, y = *(const long long *)b;
    return (x > y) - (x < y);
}

int main(void) {
    int n, count = 0;
    if (scanf("%d", &n) != 1) return 1;
    long long *xs = malloc(sizeof *xs * n);
    for (int i = 0; i < n; i++) scanf("%lld", &xs[i]);
    qsort(xs, n, sizeof *xs, compare);
    for (int i = 0; i < n; i++) count += i == 0 || xs[i] != xs[i - 1];
    printf("%d\n", count);
    return 0;
}
