#include <stdio.h>

static char a[1 << 16], b[1 << 16];

int main(void) {
    int count[256] = {0};
    if (scanf("%s %s", a, b) != 2) return 1;
    for (char *p = a; *p; p++) count[(unsigned char)*p]++;
    for (char *p = b; *p; p++) count[(unsigned char)*p]--;
    for (int i = 0; i < 256; i++)
        if (count[i]) { puts("NO"); return 0; }
    puts("YES");
    return 0;
}
