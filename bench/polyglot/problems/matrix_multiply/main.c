#include <stdio.h>

static long long a[64][64], b[64][64];

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 1;
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) scanf("%lld", &a[i][j]);
    for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) scanf("%lld", &b[i][j]);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
            long long sum = 0;
            for (int k = 0; k < n; k++) sum += a[i][k] * b[k][j];
            printf("%lld%c", sum, j + 1 < n ? ' ' : '\n');
        }
    }
    return 0;
}
