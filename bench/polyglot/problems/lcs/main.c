#include <stdio.h>
#include <string.h>

static char a[4096], b[4096];
static int previous[4097], current[4097];

int main(void) {
    if (scanf("%s %s", a, b) != 2) return 1;
    int n = strlen(a), m = strlen(b);
    for (int i = 1; i <= n; i++) {
        for (int j = 1; j <= m; j++) {
            if (a[i - 1] == b[j - 1]) current[j] = previous[j - 1] + 1;
            else current[j] = previous[j] > current[j - 1] ? previous[j] : current[j - 1];
        }
        memcpy(previous, current, sizeof current);
    }
    printf("%d\n", previous[m]);
    return 0;
}
