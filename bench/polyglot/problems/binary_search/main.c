#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, q;
    if (scanf("%d", &n) != 1) return 1;
    long long *xs = malloc(sizeof *xs * n);
    for (int i = 0; i < n; i++) scanf("%lld", &xs[i]);
    scanf("%d", &q);
    while (q--) {
        long long v;
        scanf("%lld", &v);
        int lo = 0, hi = n;
        while (lo < hi) {
            int mid = lo + (hi - lo) / 2;
            if (xs[mid] < v) lo = mid + 1; else hi = mid;
        }
        printf("%d\n", lo < n && xs[lo] == v ? lo : -1);
    }
    return 0;
}
