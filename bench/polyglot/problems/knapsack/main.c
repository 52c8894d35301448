#include <stdio.h>

static long long best[10001];

int main(void) {
    int n, capacity;
    if (scanf("%d %d", &n, &capacity) != 2) return 1;
    for (int i = 0; i < n; i++) {
        int weight; long long value;
        scanf("%d %lld", &weight, &value);
        for (int c = capacity; c >= weight; c--)
            if (best[c - weight] + value > best[c]) best[c] = best[c - weight] + value;
    }
    printf("%lld\n", best[capacity]);
    return 0;
}
