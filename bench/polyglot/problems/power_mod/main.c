#include <stdio.h>

int main(void) {
    unsigned long long a, b, m, result = 1;
    if (scanf("%llu %llu %llu", &a, &b, &m) != 3) return 1;
    a %= m;
    for (; b; b >>= 1, a = a * a % m)
        if (b & 1) result = result * a % m;
    printf("%llu\n", result % m);
    return 0;
}
