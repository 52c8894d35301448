#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, count = 0;
    if (scanf("%d", &n) != 1) return 1;
    char *composite = calloc(n + 2, 1);
    for (long long i = 2; i <= n; i++) {
        if (composite[i]) continue;
        count++;
        for (long long j = i * i; j <= n; j += i) composite[j] = 1;
    }
    printf("%d\n", count);
    return 0;
}
